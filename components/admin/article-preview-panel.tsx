'use client';

import { useState } from 'react';
import type { ActionState } from '@/lib/actions';

/**
 * "Preview" panel of the article edit page: makes a signed, expiring link to the draft as
 * readers would see it, copies it, and shows it so it can be opened or copied by hand.
 */
export function ArticlePreviewPanel({ articleId, action }: { articleId: string; action: (id: string) => Promise<ActionState<{ url: string; expires: string }>> }) {
  const [link, setLink] = useState<{ url: string; expires: string; copied: boolean } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);

  async function create() {
    setPending(true);
    setError(null);
    try {
      const result = await action(articleId);
      if (!result.ok || !result.data) return setError(result.message ?? 'The preview link could not be made. Try again.');
      let copied = false;
      try {
        await navigator.clipboard.writeText(result.data.url);
        copied = true;
      } catch {
        // Clipboard refused (permissions, insecure origin): the link is shown to copy by hand.
      }
      setLink({ ...result.data, copied });
    } catch {
      setError('The server could not be reached. Check your connection and try again.');
    } finally {
      setPending(false);
    }
  }

  return (
    <section aria-labelledby="preview-panel" className="mt-10 max-w-xl rounded border border-black/10 bg-white p-5 dark:border-white/15 dark:bg-neutral-900">
      <h2 id="preview-panel" className="text-lg font-semibold">
        Preview
      </h2>
      <p className="mt-1 text-sm">See the last saved version as readers will, or share it with someone without an account. Save your changes first.</p>
      <button type="button" onClick={() => void create()} disabled={pending} className="mt-3 rounded bg-neutral-900 px-4 py-2 text-sm font-semibold text-white disabled:opacity-60 dark:bg-white dark:text-neutral-900">
        {pending ? 'Making link…' : 'Copy preview link'}
      </button>
      <div aria-live="polite" className="mt-3 text-sm">
        {error ? (
          <p role="alert" className="rounded bg-red-50 p-2 text-red-900">
            {error}
          </p>
        ) : null}
        {link ? (
          <>
            <p role="status">{link.copied ? `Copied. Anyone with the link can read this draft until ${link.expires}.` : `Copy the link below. Anyone with it can read this draft until ${link.expires}.`}</p>
            <label htmlFor="preview-link" className="mt-2 block font-semibold">
              Preview link
            </label>
            <input id="preview-link" readOnly value={link.url} onFocus={(e) => e.target.select()} className="mt-1 w-full rounded border border-black/30 bg-white px-2 py-1 font-mono text-xs text-neutral-900 dark:border-white/30 dark:bg-neutral-900 dark:text-neutral-100" />
            <a href={link.url} target="_blank" rel="noreferrer" className="mt-2 inline-block font-semibold underline">
              Open preview
            </a>
          </>
        ) : null}
      </div>
    </section>
  );
}
