'use client';

import { useRouter } from 'next/navigation';
import { useState, type FormEvent } from 'react';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Checkbox } from '@/components/ui/checkbox';
import { Field } from '@/components/ui/field';
import { Input, Select } from '@/components/ui/input';
import { importSiteUrlSchema } from '@/lib/validation/imports';

const SOURCES = [
  { value: 'wordpress', label: 'WordPress (WXR export, .xml)' },
  { value: 'ghost', label: 'Ghost (Export content, .json)' },
  { value: 'broadsheet', label: 'Broadsheet (export, .json)' },
];

/** Sends the file as the request body (XMLHttpRequest, for upload progress); the server streams it to disk. */
function upload(url: string, file: File, onProgress: (fraction: number) => void): Promise<{ status: number; body: { id?: string; error?: { message?: string } } | null }> {
  return new Promise((resolve) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', url);
    xhr.setRequestHeader('Content-Type', 'application/octet-stream');
    xhr.upload.onprogress = (e) => e.lengthComputable && onProgress(e.loaded / e.total);
    xhr.onload = () => {
      let body = null;
      try {
        body = JSON.parse(xhr.responseText);
      } catch {}
      resolve({ status: xhr.status, body });
    };
    xhr.onerror = () => resolve({ status: 0, body: null });
    xhr.send(file);
  });
}

export function ImportForm({ maxMegabytes }: { maxMegabytes: number }) {
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [fileError, setFileError] = useState<string | undefined>();
  const [siteUrlError, setSiteUrlError] = useState<string | undefined>();
  const [source, setSource] = useState('wordpress');
  const [sent, setSent] = useState<number | null>(null);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const file = form.get('file');
    setError(null);
    setFileError(undefined);
    setSiteUrlError(undefined);
    if (!(file instanceof File) || !file.size) return setFileError('Choose the export file to import.');
    if (file.size > maxMegabytes * 1024 * 1024) return setFileError(`This file is larger than the ${maxMegabytes} MB upload limit. Import it from the command line instead (npm run import).`);
    const params = new URLSearchParams({ source, dryRun: form.get('dryRun') ? '1' : '0', filename: file.name });
    if (source === 'ghost') {
      const siteUrl = importSiteUrlSchema.safeParse(form.get('siteUrl'));
      if (!siteUrl.success) return setSiteUrlError(siteUrl.error.issues[0]?.message);
      if (siteUrl.data) params.set('siteUrl', siteUrl.data);
    }
    setSent(0);
    const { status, body } = await upload(`/api/import?${params}`, file, setSent);
    setSent(null);
    if (status === 202 && body?.id) return router.push(`/admin/import?job=${body.id}`);
    setError(
      status === 0
        ? 'The upload did not reach the server. Check your connection and import again.'
        : (body?.error?.message ?? `The import could not start (HTTP ${status}). Reload the page and try again.`),
    );
  }

  return (
    <form onSubmit={onSubmit} className="grid max-w-xl gap-4" noValidate>
      <Field
        id="import-file"
        label="Export file"
        hint={`The file your old site exported (WordPress: Tools → Export; Ghost: Settings → Labs → Export content). Up to ${maxMegabytes} MB.`}
        error={fileError}
      >
        {(p) => <Input {...p} type="file" name="file" accept=".xml,.json,application/xml,text/xml,application/json" required />}
      </Field>
      <Field id="import-source" label="Source">
        {(p) => <Select {...p} name="source" options={SOURCES} value={source} onChange={(e) => setSource(e.currentTarget.value)} />}
      </Field>
      {source === 'ghost' ? (
        <Field
          id="import-site-url"
          label="Ghost site address"
          hint="Optional. Ghost exports its own links and images as __GHOST_URL__; give the old site's address (https://blog.example.com) so they point to it and images can be fetched."
          error={siteUrlError}
        >
          {(p) => <Input {...p} type="url" name="siteUrl" inputMode="url" autoComplete="url" placeholder="https://blog.example.com" />}
        </Field>
      ) : null}
      <Checkbox id="import-dry-run" name="dryRun" label="Dry run" hint="Read the whole file and report what would be imported, without writing anything." />
      <div className="flex items-center gap-3">
        <Button type="submit" variant="primary" disabled={sent !== null}>
          Import
        </Button>
        {sent !== null ? (
          <span className="flex items-center gap-2 text-sm text-muted">
            <progress max={1} value={sent} aria-label="Uploading the export file" />
            Uploading… {Math.round(sent * 100)}%
          </span>
        ) : null}
      </div>
      <div aria-live="polite">{error ? <Alert tone="danger">{error}</Alert> : null}</div>
    </form>
  );
}
