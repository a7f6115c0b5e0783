'use client';

import { useState } from 'react';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Panel } from '@/components/ui/card';
import { Field } from '@/components/ui/field';
import { Input } from '@/components/ui/input';
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
    <Panel id="preview-panel" title="Preview" description="See the last saved version as readers will, or share it with someone without an account. Save your changes first.">
      <Button onClick={() => void create()} disabled={pending}>
        {pending ? 'Making link…' : 'Copy preview link'}
      </Button>
      <div aria-live="polite" className="mt-3 space-y-2 text-sm">
        {error ? <Alert tone="danger">{error}</Alert> : null}
        {link ? (
          <>
            <p role="status">
              {link.copied ? `Copied. Anyone with the link can read this draft until ${link.expires}.` : `Copy the link below. Anyone with it can read this draft until ${link.expires}.`}
            </p>
            <Field id="preview-link" label="Preview link">
              {(p) => <Input {...p} readOnly value={link.url} onFocus={(e) => e.target.select()} compact className="font-mono text-xs" />}
            </Field>
            <a href={link.url} target="_blank" rel="noreferrer" className="inline-block font-semibold underline">
              Open preview
            </a>
          </>
        ) : null}
      </div>
    </Panel>
  );
}
