import Link from 'next/link';

/** Shown instead of an article's editor or history to someone who may not open it. */
export function ArticleAccessRefused({ reason }: { reason: string }) {
  return (
    <div>
      <h1 className="text-2xl font-bold">You cannot open this article</h1>
      <p className="mt-2">{reason} Ask an editor if you need to work on it.</p>
      <p className="mt-4">
        <Link href="/admin" className="underline">
          Back to your articles
        </Link>
      </p>
    </div>
  );
}
