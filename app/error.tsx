'use client';

import { ErrorContent } from '@/components/site/error-content';

/**
 * A page below the root layout failed to render (the public layout's own data included): the
 * reader gets a way back instead of a blank screen. A database outage says so (503 from the server).
 */
export default function Error({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <main id="main" className="px-4 py-8">
      <ErrorContent error={error} reset={reset} />
    </main>
  );
}
