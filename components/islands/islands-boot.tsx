'use client';

import { useEffect } from 'react';
import { startIslands } from './index';

/**
 * Starts the public pages' islands when a page does run React: in development (`next dev`),
 * or if a public page ever reaches a reader with Next's scripts. In production the server
 * takes React off public pages and loads the islands' own small script instead (lib/islands).
 */
export function IslandsBoot() {
  useEffect(() => startIslands(), []);
  return null;
}
