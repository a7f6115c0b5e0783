'use client';

import Link from 'next/link';
import { DATABASE_UNAVAILABLE_DIGEST } from '@/lib/outage';

/**
 * What a page that failed to render says. An unreachable database (the digest lib/db stamps on
 * those errors; the server answers them 503 with Retry-After) gets its own words: it is nobody's
 * mistake and it passes, so the reader is asked to come back shortly.
 */
export function ErrorContent({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  const outage = error.digest === DATABASE_UNAVAILABLE_DIGEST;
  return (
    <div className="mx-auto max-w-2xl py-8" role="alert">
      <h1 className="font-serif text-4xl font-bold">{outage ? "We can't reach the newsroom's database right now" : "This page couldn't load"}</h1>
      <p className="mt-4 text-[var(--color-muted)]">
        {outage ? 'The stories are safe; the site just cannot read them at this moment. Please try again in a minute.' : 'Something went wrong on our side. Please try again in a moment.'}
      </p>
      <div className="mt-6 flex flex-wrap gap-4">
        <button type="button" onClick={reset} className="rounded bg-[var(--color-accent)] px-5 py-2 font-semibold text-white">
          Try again
        </button>
        <Link href="/" className="self-center font-semibold text-[var(--color-accent)] underline">
          Go to the front page
        </Link>
      </div>
      {error.digest && !outage ? <p className="mt-6 text-sm text-[var(--color-muted)]">Reference: {error.digest}</p> : null}
    </div>
  );
}
