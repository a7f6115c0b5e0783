import Link from 'next/link';

export default function DashboardNotFound() {
  return (
    <div>
      <h1 className="text-2xl font-bold">Not found</h1>
      <p className="mt-2">That article or page does not exist, or it was deleted.</p>
      <p className="mt-4">
        <Link href="/admin" className="underline">
          Back to articles
        </Link>
      </p>
    </div>
  );
}
