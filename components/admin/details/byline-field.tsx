'use client';

import { useState } from 'react';
import { Button } from '@/components/ui/button';
import { Field, FieldError } from '@/components/ui/field';
import { Select } from '@/components/ui/input';
import { OrderedListField } from '../ordered-list-field';
import type { Item } from './types';

/** The byline in order, with a person to add from the staff list; writers cannot take themselves out. */
export function BylineField({ authors, onChange, staff, currentUserId, error }: { authors: Item[]; onChange: (items: Item[]) => void; staff: Item[]; currentUserId: string | null; error?: string }) {
  const [adding, setAdding] = useState('');
  const available = staff.filter((s) => !authors.some((a) => a.id === s.id));
  return (
    <fieldset>
      <legend className="text-sm font-semibold">Byline</legend>
      <OrderedListField
        name="authorIds"
        label="Byline order"
        items={authors}
        onChange={onChange}
        canRemove={(id) => id !== currentUserId && authors.length > 1}
        removeHint={currentUserId ? 'You stay in the byline of your own article; an editor can hand it over.' : undefined}
      />
      <div className="mt-2 flex flex-wrap items-end gap-2">
        <Field id="details-add-author" label="Add an author">
          {(p) => (
            <Select
              {...p}
              compact
              fit
              value={adding}
              onChange={(e) => setAdding(e.target.value)}
              options={[{ value: '', label: 'Choose a person…' }, ...available.map((s) => ({ value: s.id, label: s.label }))]}
            />
          )}
        </Field>
        <Button
          size="sm"
          disabled={!adding}
          onClick={() => {
            const person = staff.find((s) => s.id === adding);
            if (person) onChange([...authors, person]);
            setAdding('');
          }}
        >
          Add to byline
        </Button>
      </div>
      <FieldError id="details-authorIds-error">{error}</FieldError>
    </fieldset>
  );
}
