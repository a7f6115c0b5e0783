import type { ComponentProps, ReactNode } from 'react';
import { cn } from './cn';

/** A raised box on the dashboard's canvas. */
export function Card({ className, ...props }: ComponentProps<'div'>) {
  return <div className={cn('rounded-lg border border-subtle bg-surface p-5 shadow-xs', className)} {...props} />;
}

/**
 * A titled section of a screen (a landmark named by its heading): "Add a user", "Preview",
 * "Delete image". `tone="danger"` marks the places where things are removed for good.
 */
export function Panel({
  id,
  title,
  description,
  actions,
  tone,
  headingLevel = 2,
  className,
  children,
}: {
  id: string;
  title: ReactNode;
  description?: ReactNode;
  actions?: ReactNode;
  tone?: 'danger';
  headingLevel?: 2 | 3;
  className?: string;
  children?: ReactNode;
}) {
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  return (
    <section aria-labelledby={id} className={cn('rounded-lg border bg-surface p-5 shadow-xs', tone === 'danger' ? 'border-danger/40' : 'border-subtle', className)}>
      <div className="flex flex-wrap items-start justify-between gap-3">
        <div>
          <Heading id={id} className="text-lg font-semibold">
            {title}
          </Heading>
          {description ? <div className="mt-1 text-sm text-muted">{description}</div> : null}
        </div>
        {actions}
      </div>
      {children ? <div className="mt-4">{children}</div> : null}
    </section>
  );
}

/** What a list or screen says when it has nothing to show. */
export function EmptyState({ children, className }: { children: ReactNode; className?: string }) {
  return <div className={cn('rounded-lg border border-dashed border-subtle p-6 text-center text-sm text-muted', className)}>{children}</div>;
}
