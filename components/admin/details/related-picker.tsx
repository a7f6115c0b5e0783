'use client';

import { useState } from 'react';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Field, FieldError } from '@/components/ui/field';
import { Input } from '@/components/ui/input';
import type { ActionState } from '@/lib/actions';
import { OrderedListField } from '../ordered-list-field';
import type { Item } from './types';

/** At most this many related articles can be pinned. */
const MAX_PINNED = 6;

/** Editors pin related articles, in order, found among published articles by title. */
export function RelatedPicker({
  articleId,
  related,
  onChange,
  search,
  error,
}: {
  articleId: string;
  related: Item[];
  onChange: (items: Item[]) => void;
  search: (articleId: string, q: string) => Promise<ActionState<{ id: string; title: string }[]>>;
  error?: string;
}) {
  const [query, setQuery] = useState('');
  const [results, setResults] = useState<{ id: string; title: string }[] | null>(null);
  const [searchError, setSearchError] = useState<string | null>(null);

  async function find() {
    setSearchError(null);
    try {
      const r = await search(articleId, query);
      if (r.ok && r.data) setResults(r.data);
      else setSearchError(r.message ?? 'The search failed. Try again.');
    } catch {
      setSearchError('The server could not be reached. Try again.');
    }
  }

  return (
    <fieldset>
      <legend className="text-sm font-semibold">Pinned related articles</legend>
      <p className="mb-2 text-sm text-muted">Shown first under “Related news”, in this order; the rest are chosen by shared tags and section.</p>
      <OrderedListField name="relatedIds" label="Pinned related articles" items={related} onChange={onChange} />
      <div className="mt-2 flex flex-wrap items-end gap-2">
        <Field id="details-related-search" label="Find published articles" className="grow">
          {(p) => (
            <Input
              {...p}
              type="search"
              value={query}
              onChange={(e) => setQuery(e.target.value)}
              onKeyDown={(e) => {
                if (e.key === 'Enter') {
                  e.preventDefault();
                  void find();
                }
              }}
            />
          )}
        </Field>
        <Button size="sm" onClick={() => void find()} disabled={!query.trim()}>
          Search articles
        </Button>
      </div>
      <div aria-live="polite" className="mt-2">
        {searchError ? <Alert tone="danger">{searchError}</Alert> : null}
        {results ? (
          results.length ? (
            <ul aria-label="Search results" className="space-y-1 text-sm">
              {results.map((r) => (
                <li key={r.id} className="flex items-center gap-2">
                  <span className="mr-auto">{r.title}</span>
                  <Button
                    size="sm"
                    disabled={related.some((x) => x.id === r.id) || related.length >= MAX_PINNED}
                    onClick={() => onChange([...related, { id: r.id, label: r.title }])}
                    aria-label={`Pin ${r.title}`}
                  >
                    Pin
                  </Button>
                </li>
              ))}
            </ul>
          ) : (
            <p className="text-sm text-muted">No published articles match.</p>
          )
        ) : null}
      </div>
      <FieldError id="details-relatedIds-error">{error}</FieldError>
    </fieldset>
  );
}
