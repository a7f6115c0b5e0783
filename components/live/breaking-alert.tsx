import { Button } from '@/components/ui/button';

/**
 * The breaking-news line at the top of every public page. The page is cached and shared, so the
 * alert itself is drawn in the browser from the live stream (components/islands/breaking-alert.ts)
 * into the markup of the template below.
 */
export function BreakingAlert() {
  return (
    // The live region exists before any alert, so screen readers announce one when it arrives.
    <div aria-live="polite" aria-atomic="true" data-island="breaking-alert">
      <template data-template="alert">
        <section className="border-b-4 border-danger bg-surface-muted">
          <div className="mx-auto flex max-w-6xl flex-wrap items-center gap-3 px-4 py-3">
            <span data-slot="level" className="rounded bg-danger-soft px-2 py-0.5 text-sm font-bold uppercase tracking-wide text-danger" />
            <p data-slot="text" className="min-w-0 flex-1 font-semibold" />
            <Button variant="secondary" size="sm" data-slot="dismiss">
              Dismiss alert
            </Button>
          </div>
        </section>
      </template>
    </div>
  );
}
