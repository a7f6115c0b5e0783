'use client';

import { useActionState, useEffect, useState } from 'react';
import { ActionMessage } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Checkbox } from '@/components/ui/checkbox';
import type { ActionState } from '@/lib/actions';
import type { ExportStatus } from '@/lib/export/job';

const kib = (n: number) => (n > 1048576 ? `${(n / 1048576).toFixed(1)} MB` : `${Math.max(1, Math.round(n / 1024))} KB`);

/** While an export runs, its state is asked for every second; then its files are offered. */
function useExportStatus(initial: ExportStatus | null) {
  const [status, setStatus] = useState(initial);
  useEffect(() => {
    if (!status || (status.status !== 'QUEUED' && status.status !== 'RUNNING')) return;
    const timer = setTimeout(async () => {
      const res = await fetch(`/api/export/${status.id}`, { cache: 'no-store' }).catch(() => null);
      setStatus(res?.ok ? await res.json() : { ...status });
    }, 1000);
    return () => clearTimeout(timer);
  }, [status]);
  return status;
}

export function ExportPanel({ action, latest }: { action: (prev: ActionState, form: FormData) => Promise<ActionState>; latest: ExportStatus | null }) {
  const [state, formAction, pending] = useActionState(action, { ok: false });
  const status = useExportStatus(latest);
  const running = status && (status.status === 'QUEUED' || status.status === 'RUNNING');
  return (
    <div className="grid gap-4">
      <form action={formAction} className="grid gap-3">
        <Checkbox
          id="export-personal"
          name="withPersonalData"
          value="1"
          label="Include commenters’ emails and IP hashes"
          hint="Leave this off unless the new home needs them and your privacy policy allows it."
        />
        <Checkbox id="export-notes" name="includeNotes" value="1" label="Include inline notes on articles" hint="The newsroom’s discussions stay out of the export unless you tick this." />
        <div>
          <Button type="submit" variant="primary" disabled={pending || !!running}>
            Export everything
          </Button>
        </div>
        <ActionMessage state={state.ok ? { ok: true } : state} />
      </form>
      {status ? (
        <div aria-live="polite" className="text-sm">
          {running ? (
            <p className="flex items-center gap-2">
              <progress aria-label="Export progress" />
              Exporting{status.section ? ` ${status.section}` : ''}…
            </p>
          ) : status.status === 'SUCCEEDED' ? (
            <ul className="list-disc pl-5">
              {status.files.map((f) => (
                <li key={f.name}>
                  <a className="underline" href={`/api/export/${status.id}/${encodeURIComponent(f.name)}`} download>
                    Download {f.name}
                  </a>{' '}
                  ({kib(f.size)})
                </li>
              ))}
            </ul>
          ) : (
            <p className="text-danger">The export failed: {status.error ?? 'no reason was given'}. Try again; if it fails again, run npm run export on the server.</p>
          )}
        </div>
      ) : null}
    </div>
  );
}
