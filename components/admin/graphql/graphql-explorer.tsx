'use client';

import { useActionState, useRef, type KeyboardEvent } from 'react';
import { Button } from '@/components/ui/button';
import { Field } from '@/components/ui/field';
import { Textarea } from '@/components/ui/input';
import type { ConsoleResult, SchemaDocType } from '@/lib/graphql/console';
import { SchemaDocs } from './schema-docs';

type Props = {
  initial: ConsoleResult;
  docs: SchemaDocType[];
  action: (prev: ConsoleResult | null, form: FormData) => Promise<ConsoleResult>;
};

/**
 * The dashboard's GraphQL explorer: query, variables and result side by side, run with the
 * signed-in session (a server action; Ctrl/⌘+Enter runs it from either box), and the schema's
 * types in a Docs pane whose fields insert themselves into the query. A small GraphiQL-like tool
 * of our own, not GraphiQL (see the page).
 */
export function GraphQLExplorer({ initial, docs, action }: Props) {
  const [state, run, pending] = useActionState(action, null);
  const form = useRef<HTMLFormElement>(null);
  const query = useRef<HTMLTextAreaElement>(null);
  const shown = state ?? initial;

  const onKeyDown = (e: KeyboardEvent<HTMLTextAreaElement>) => {
    if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
      e.preventDefault();
      form.current?.requestSubmit();
    }
  };
  /** Puts a field's name at the query's cursor (the Docs pane's "Insert"). */
  const insert = (text: string) => {
    const box = query.current;
    if (!box) return;
    const { selectionStart: start, selectionEnd: end, value } = box;
    box.value = `${value.slice(0, start)}${text}${value.slice(end)}`;
    box.focus();
    box.setSelectionRange(start + text.length, start + text.length);
  };

  return (
    <div className="grid gap-6 xl:grid-cols-[minmax(0,1fr)_minmax(0,1fr)_18rem]">
      <form ref={form} action={run} className="space-y-4">
        <Field id="graphql-query" label="Query" hint="Ctrl+Enter (⌘+Enter) runs it." error={shown.error}>
          {(control) => <Textarea {...control} ref={query} name="query" rows={16} defaultValue={shown.query} className="font-mono text-sm" spellCheck={false} onKeyDown={onKeyDown} />}
        </Field>
        <Field id="graphql-variables" label="Variables (JSON)" hint='Optional, e.g. {"first": 5}.'>
          {(control) => <Textarea {...control} name="variables" rows={3} defaultValue={shown.variables} className="font-mono text-sm" spellCheck={false} onKeyDown={onKeyDown} />}
        </Field>
        <Button type="submit" variant="primary" disabled={pending}>
          {pending ? 'Running…' : 'Run query'}
        </Button>
      </form>
      <section aria-labelledby="graphql-result" className="min-w-0">
        <h2 id="graphql-result" className="text-sm font-semibold">
          Result
        </h2>
        <p aria-live="polite" className="mt-1 text-xs text-muted">
          {pending ? 'Running the query…' : shown.output ? `Answered in ${shown.ms ?? 0} ms.` : 'Run a query to see its answer here.'}
        </p>
        <pre tabIndex={0} aria-label="Result (JSON)" className="mt-2 max-h-[36rem] min-h-[12rem] overflow-auto rounded border border-subtle p-3 text-sm">
          {shown.output ?? ''}
        </pre>
      </section>
      <SchemaDocs docs={docs} onInsert={insert} />
    </div>
  );
}
