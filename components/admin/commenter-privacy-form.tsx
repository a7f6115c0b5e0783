'use client';

import { useActionState } from 'react';
import { ActionMessage } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Panel } from '@/components/ui/card';
import { Checkbox } from '@/components/ui/checkbox';
import { Field } from '@/components/ui/field';
import { Input } from '@/components/ui/input';
import type { ActionState } from '@/lib/actions';

type Action = (prev: ActionState<{ json: string; filename: string }>, form: FormData) => Promise<ActionState<{ json: string; filename: string }>>;

/** Export (downloads JSON) or erase everything about one commenter's email address. */
export function CommenterPrivacyForm({ exportAction, eraseAction }: { exportAction: Action; eraseAction: (prev: ActionState, form: FormData) => Promise<ActionState> }) {
  const [exported, exportFormAction, exporting] = useActionState(
    async (prev: ActionState<{ json: string; filename: string }>, form: FormData) => {
      const result = await exportAction(prev, form);
      if (result.ok && result.data) {
        const url = URL.createObjectURL(new Blob([result.data.json], { type: 'application/json' }));
        const a = Object.assign(document.createElement('a'), { href: url, download: result.data.filename });
        a.click();
        URL.revokeObjectURL(url);
      }
      return result;
    },
    { ok: false },
  );
  const [erased, eraseFormAction, erasing] = useActionState(eraseAction, { ok: false });
  return (
    <div className="grid gap-6 md:grid-cols-2">
      <Panel id="privacy-export" title="Export">
        <form action={exportFormAction} aria-label="Export a commenter’s data" className="space-y-3">
          <Field id="export-email" label="Email address">
            {(p) => <Input {...p} name="email" type="email" required />}
          </Field>
          <Button type="submit" variant="primary" disabled={exporting}>
            Download export
          </Button>
          <ActionMessage state={exported} />
        </form>
      </Panel>
      <Panel id="privacy-erase" title="Erase" tone="danger">
        <form action={eraseFormAction} aria-label="Erase a commenter’s data" className="space-y-3">
          <Field id="erase-email" label="Email address">
            {(p) => <Input {...p} name="email" type="email" required />}
          </Field>
          <Checkbox name="confirm" required label="I understand this deletes every comment by this address, for good." />
          <Button type="submit" variant="danger" disabled={erasing}>
            Erase everything
          </Button>
          <ActionMessage state={erased} />
        </form>
      </Panel>
    </div>
  );
}
