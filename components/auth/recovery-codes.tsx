'use client';

/** Recovery codes shown once, right after they are made: the only time they exist in plain text. */
export function RecoveryCodes({ codes }: { codes: string[] }) {
  const text = `${codes.join('\n')}\n`;
  return (
    <section aria-labelledby="recovery-codes-heading" className="rounded-md border-2 border-warning bg-warning-soft p-4 text-fg">
      <h3 id="recovery-codes-heading" className="font-semibold">
        Your recovery codes
      </h3>
      <p className="mt-1 text-sm">
        Save these {codes.length} codes somewhere safe, such as a password manager. Each one signs you in once if you lose your authenticator app or passkey. They are shown only now.
      </p>
      <ol aria-label="Recovery codes" className="mt-3 grid grid-cols-2 gap-x-6 gap-y-1 font-mono text-base">
        {codes.map((code) => (
          <li key={code}>{code}</li>
        ))}
      </ol>
      <p className="mt-3 flex flex-wrap gap-3 text-sm">
        <button type="button" className="rounded border border-current px-3 py-1 font-semibold" onClick={() => void navigator.clipboard?.writeText(text)}>
          Copy the codes
        </button>
        <a className="rounded border border-current px-3 py-1 font-semibold" href={`data:text/plain;charset=utf-8,${encodeURIComponent(text)}`} download="broadsheet-recovery-codes.txt">
          Download the codes
        </a>
      </p>
    </section>
  );
}
