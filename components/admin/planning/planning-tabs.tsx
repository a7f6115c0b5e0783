import { LinkTabs } from '@/components/ui/link-tabs';

/** The story budget's two views. */
export function PlanningTabs({ current }: { current: 'list' | 'week' }) {
  return (
    <div className="mb-4">
      <LinkTabs
        label="Story budget views"
        tabs={[
          { href: '/admin/planning', label: 'List', current: current === 'list' },
          { href: '/admin/planning/week', label: 'Week', current: current === 'week' },
        ]}
      />
    </div>
  );
}
