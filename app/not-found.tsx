import { NotFoundContent } from '@/components/site/not-found-content';

/** 404 for URLs no route matches (outside the public layout, so it brings its own main landmark). */
export default function NotFound() {
  return (
    <main id="main" className="px-4 py-8">
      <NotFoundContent />
    </main>
  );
}
