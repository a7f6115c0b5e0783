'use client';

import dynamic from 'next/dynamic';
import type { GraphiQLEditorProps } from './graphiql-editor';

// GraphiQL runs in the browser only (Monaco and its web workers), so the server renders its place.
const GraphiQLEditor = dynamic(() => import('./graphiql-editor').then((m) => m.GraphiQLEditor), {
  ssr: false,
  loading: () => (
    <p role="status" className="p-4 text-sm text-muted">
      Loading GraphiQL…
    </p>
  ),
});

/** GraphiQL, sized for the dashboard; it runs operations with the signed-in session (see GraphiQLEditor). */
export function GraphiQLExplorer(props: GraphiQLEditorProps) {
  return (
    <section aria-label="GraphiQL" className="broadsheet-graphiql h-[44rem] overflow-hidden rounded border border-subtle">
      <GraphiQLEditor {...props} />
    </section>
  );
}
