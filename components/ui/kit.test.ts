import { createElement as h } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { DataTable, type Column } from './data-table';
import { describedBy, Field, fieldControlProps } from './field';
import { Input } from './input';
import { selectionSummary, toggleAll, toggleOne } from './selection';

type Row = { id: string; title: string };
const rows: Row[] = [
  { id: 'a', title: 'Pier reopens' },
  { id: 'b', title: 'Ferry returns' },
];
const columns: Column<Row>[] = [
  { key: 'title', header: 'Title', rowHeader: true, cell: (r) => r.title },
  { key: 'id', header: 'Id', cell: (r) => r.id },
];

describe('Field', () => {
  it('points the control at its error first, then its hint, and marks it invalid only with an error', () => {
    expect(describedBy('f', {})).toBeUndefined();
    expect(describedBy('f', { hint: 'Lowercase' })).toBe('f-hint');
    expect(describedBy('f', { hint: 'Lowercase', error: 'Too long' })).toBe('f-error f-hint');
    expect(fieldControlProps('f', { error: '' })).toEqual({ id: 'f', 'aria-describedby': undefined });
    expect(fieldControlProps('f', { error: 'Too long' })['aria-invalid']).toBe(true);
  });

  it('renders the label for the control and the messages the control is described by', () => {
    const html = renderToStaticMarkup(h(Field, { id: 'slug', label: 'Slug', hint: 'Lowercase letters', error: 'Not a slug', children: (p) => h(Input, { ...p, name: 'slug' }) }));
    expect(html).toContain('<label for="slug"');
    expect(html).toMatch(/<input[^>]*id="slug"[^>]*aria-describedby="slug-error slug-hint"[^>]*aria-invalid="true"/);
    expect(html).toContain('id="slug-error"');
    expect(html).toContain('id="slug-hint"');
  });
});

describe('DataTable', () => {
  it('has a caption, row headers, and aria-sort on the sorted column only, with links to sort by the others', () => {
    const html = renderToStaticMarkup(
      h(DataTable<Row>, { caption: 'Articles', columns, rows, rowKey: (r) => r.id, sort: { key: 'title', direction: 'ascending', links: { title: '/x?sort=title', id: '/x?sort=id' } } }),
    );
    expect(html).toContain('<caption class="sr-only">Articles</caption>');
    expect(html.match(/aria-sort="[a-z]+"/g)).toEqual(['aria-sort="ascending"']);
    expect(html).toContain('href="/x?sort=id"');
    expect(html).toMatch(/<th scope="row"[^>]*>Pier reopens<\/th>/);
  });

  it('shows the empty state instead of an empty table', () => {
    const html = renderToStaticMarkup(h(DataTable<Row>, { caption: 'Articles', columns, rows: [], rowKey: (r) => r.id, empty: 'No articles yet.' }));
    expect(html).not.toContain('<table');
    expect(html).toContain('No articles yet.');
  });

  it('names each row’s box and the select-all box', () => {
    const html = renderToStaticMarkup(
      h(DataTable<Row>, {
        caption: 'Articles',
        columns,
        rows,
        rowKey: (r) => r.id,
        selection: { selected: new Set(['a']), onChange: () => {}, label: (r) => `Select ${r.title}`, allLabel: 'Select all' },
      }),
    );
    expect(html).toContain('aria-label="Select all"');
    expect(html).toMatch(/aria-label="Select Pier reopens"[^>]*checked/);
    expect(html).not.toMatch(/aria-label="Select Ferry returns"[^>]*checked/);
  });
});

describe('row selection', () => {
  it('tells all from some, and select-all selects the rows shown or clears them', () => {
    expect(selectionSummary(['a', 'b'], new Set(['a']))).toEqual({ count: 1, all: false, some: true });
    expect(selectionSummary([], new Set())).toEqual({ count: 0, all: false, some: false });
    expect([...toggleAll(['a', 'b'], new Set(['a']))].sort()).toEqual(['a', 'b']);
    // Rows of another page stay selected when this page's are cleared.
    expect([...toggleAll(['a', 'b'], new Set(['a', 'b', 'z']))]).toEqual(['z']);
    expect([...toggleOne(new Set(['a']), 'a')]).toEqual([]);
  });
});
