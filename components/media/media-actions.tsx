'use client';

import { createContext, useContext, type ReactNode } from 'react';
import type { DescribedMediaState } from '@/lib/action-states';

/** "Describe at first use": fills the library's blank alt text, caption and credit. */
export type DescribeMedia = (id: string, text: { alt: string; caption: string; credit: string }) => Promise<DescribedMediaState>;

const DescribeMediaContext = createContext<DescribeMedia | null>(null);

/**
 * Hands the media picker its server action: the screen that renders the editor passes the
 * action in (components never import from app/), and every picker below it uses it.
 */
export function MediaActionsProvider({ describe, children }: { describe: DescribeMedia; children: ReactNode }) {
  return <DescribeMediaContext.Provider value={describe}>{children}</DescribeMediaContext.Provider>;
}

/** The describe action of the enclosing MediaActionsProvider. */
export function useDescribeMedia(): DescribeMedia {
  const describe = useContext(DescribeMediaContext);
  if (!describe) throw new Error('MediaPicker needs a MediaActionsProvider above it (the screen passes describeMediaAction).');
  return describe;
}
