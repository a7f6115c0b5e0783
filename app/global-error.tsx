'use client';

import './globals.css';
import { ErrorContent } from '@/components/site/error-content';

/** The root layout itself failed: this replaces it, so it brings its own html and body. */
export default function GlobalError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <html lang="en">
      <body className="min-h-screen antialiased">
        <main id="main" className="px-4 py-8">
          <ErrorContent error={error} reset={reset} />
        </main>
      </body>
    </html>
  );
}
