'use client';

import { Button } from '@/components/ui/button';
import { Field } from '@/components/ui/field';
import { Input } from '@/components/ui/input';

/** "Publish at" and Schedule / Reschedule, for editors, while the article is not live. */
export function ScheduleFields({
  value,
  onChange,
  error,
  timeZone,
  scheduled,
  busy,
  noun = 'article',
}: {
  value: string;
  onChange: (e: { target: { value: string } }) => void;
  error?: string;
  timeZone: string;
  scheduled: boolean;
  busy: boolean;
  /** What goes live: "article" or "page". */
  noun?: string;
}) {
  return (
    <fieldset className="rounded-lg border border-subtle p-4">
      <legend className="px-1 text-sm font-semibold">Schedule</legend>
      <div className="flex flex-wrap items-end gap-3">
        <Field id="article-publish-at" label="Publish at" hint={`Time zone: ${timeZone}. The ${noun} goes live at this time on its own.`} error={error} className="min-w-0 flex-1">
          {(p) => <Input {...p} name="publishAt" type="datetime-local" step={1} value={value} onChange={onChange} />}
        </Field>
      </div>
      <Button type="submit" name="intent" value="schedule" disabled={busy} className="mt-3 w-full">
        {scheduled ? 'Reschedule' : 'Schedule'}
      </Button>
    </fieldset>
  );
}
