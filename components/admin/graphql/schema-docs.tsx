'use client';

import { useState } from 'react';
import { Button } from '@/components/ui/button';
import { Field } from '@/components/ui/field';
import { Input } from '@/components/ui/input';
import type { SchemaDocType } from '@/lib/graphql/console';

/** The explorer's Docs pane: the schema's types and fields, filtered by name, each field insertable into the query. */
export function SchemaDocs({ docs, onInsert }: { docs: SchemaDocType[]; onInsert: (text: string) => void }) {
  const [filter, setFilter] = useState('');
  const [open, setOpen] = useState('Query');
  const needle = filter.trim().toLowerCase();
  const shown = needle ? docs.filter((t) => t.name.toLowerCase().includes(needle) || t.fields.some((f) => f.name.toLowerCase().includes(needle))) : docs;
  const typeName = (type: string) => type.replace(/[[\]!]/g, '');

  return (
    <section aria-labelledby="graphql-docs" className="min-w-0 space-y-3">
      <h2 id="graphql-docs" className="text-sm font-semibold">
        Docs
      </h2>
      <Field id="graphql-docs-filter" label="Find a type or field">
        {(control) => <Input {...control} type="search" value={filter} onChange={(e) => setFilter(e.currentTarget.value)} />}
      </Field>
      <ul className="max-h-[36rem] space-y-1 overflow-auto text-sm">
        {shown.map((t) => (
          <li key={t.name}>
            <button type="button" className="font-mono font-semibold underline-offset-2 hover:underline" aria-expanded={open === t.name} onClick={() => setOpen(open === t.name ? '' : t.name)}>
              {t.name}
            </button>{' '}
            <span className="text-xs text-muted">{t.kind}</span>
            {open === t.name || needle ? (
              <div className="mt-1 mb-2 border-l border-subtle pl-3">
                {t.description ? <p className="text-xs text-muted">{t.description}</p> : null}
                <ul className="space-y-1">
                  {t.fields.map((f) => (
                    <li key={f.name} className="flex flex-wrap items-baseline gap-x-2">
                      <span className="font-mono">
                        {f.name}
                        {f.args ? <span className="text-muted">({f.args})</span> : null}
                        {f.type ? (
                          <>
                            {': '}
                            {docs.some((d) => d.name === typeName(f.type) && d.fields.length) ? (
                              <button type="button" className="underline underline-offset-2" onClick={() => (setFilter(''), setOpen(typeName(f.type)))}>
                                {f.type}
                              </button>
                            ) : (
                              f.type
                            )}
                          </>
                        ) : null}
                      </span>
                      {t.kind === 'object' ? (
                        <Button type="button" size="sm" variant="ghost" aria-label={`Insert ${f.name} into the query`} onClick={() => onInsert(`${f.name} `)}>
                          Insert
                        </Button>
                      ) : null}
                      {f.description ? <span className="w-full text-xs text-muted">{f.description}</span> : null}
                    </li>
                  ))}
                </ul>
              </div>
            ) : null}
          </li>
        ))}
      </ul>
    </section>
  );
}
