import Link from 'next/link';

export default function NotFound() {
  return (
    <main className="mx-auto max-w-2xl px-4 py-24 text-center">
      <h1 className="font-serif text-4xl font-bold">Page not found</h1>
      <p className="mt-4 text-[var(--color-muted)]">The page you were looking for has moved or never existed.</p>
      <p className="mt-8">
        <Link href="/" className="font-semibold text-[var(--color-accent)] underline">
          Go to the front page
        </Link>
      </p>
    </main>
  );
}
