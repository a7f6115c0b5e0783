'use client';

// Monaco's workers as separate files from our own origin (no blob: or CDN), which the CSP allows.
import 'graphiql/setup-workers/webpack';
import 'graphiql/style.css';
import './graphiql-theme.css';
import { GraphiQL } from 'graphiql';
import type { IntrospectionQuery } from 'graphql';
import { useCallback, useSyncExternalStore } from 'react';
import type { ConsoleAnswer } from '@/lib/graphql/console';
import { readThemeChoice, subscribeThemeChoice } from '@/lib/theme';

export type GraphiQLEditorProps = {
  /** The schema, introspected on the server: GraphiQL's Docs pane, completion and validation read it. */
  schema: IntrospectionQuery;
  initialQuery: string;
  /** Runs one operation with the signed-in session (a server action). */
  run: (operation: { query: string; variables?: Record<string, unknown> | null; operationName?: string | null }) => Promise<ConsoleAnswer>;
};

const DARK = '(prefers-color-scheme: dark)';

function subscribeTheme(onChange: () => void) {
  const media = window.matchMedia(DARK);
  media.addEventListener('change', onChange);
  const off = subscribeThemeChoice(onChange);
  return () => {
    media.removeEventListener('change', onChange);
    off();
  };
}

/** The dashboard's theme as applied (a chosen one, else the system's), so GraphiQL matches the page around it. */
function useAppliedTheme(): 'light' | 'dark' {
  return useSyncExternalStore(
    subscribeTheme,
    () => {
      const choice = readThemeChoice();
      return choice === 'system' ? (window.matchMedia(DARK).matches ? 'dark' : 'light') : choice;
    },
    () => 'light',
  );
}

/**
 * GraphiQL with the schema given up front and a fetcher that calls the dashboard's server action,
 * so it needs no key: the session's role is checked on the server for every operation. The
 * headers editor is off (there is nothing to authenticate with), and the theme follows the page's.
 */
export function GraphiQLEditor({ schema, initialQuery, run }: GraphiQLEditorProps) {
  const theme = useAppliedTheme();
  const fetcher = useCallback((params: { query: string; variables?: Record<string, unknown> | null; operationName?: string | null }) => run(params), [run]);
  return <GraphiQL fetcher={fetcher} schema={schema} initialQuery={initialQuery} defaultQuery={initialQuery} isHeadersEditorEnabled={false} forcedTheme={theme} />;
}
