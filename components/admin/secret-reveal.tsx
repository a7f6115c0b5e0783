'use client';

import { useState } from 'react';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Input } from '@/components/ui/input';

/** A secret shown once after it is made (an API key, a signing secret), with a Copy button. */
export function SecretReveal({ id, label, value, title, note }: { id: string; label: string; value: string; title: string; note: string }) {
  const [copied, setCopied] = useState(false);
  return (
    <Alert tone="warning">
      <p className="font-semibold">{title}</p>
      <div className="mt-2 flex flex-wrap items-center gap-2">
        <label htmlFor={id} className="text-sm font-semibold">
          {label}
        </label>
        <Input id={id} readOnly value={value} onFocus={(e) => e.currentTarget.select()} compact fit className="w-[34rem] max-w-full font-mono" />
        <Button
          size="sm"
          onClick={() =>
            navigator.clipboard?.writeText(value).then(
              () => setCopied(true),
              () => setCopied(false),
            )
          }
        >
          {copied ? 'Copied' : 'Copy'}
        </Button>
      </div>
      <p className="mt-2 text-sm">{note}</p>
    </Alert>
  );
}
