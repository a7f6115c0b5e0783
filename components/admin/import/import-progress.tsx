'use client';

import { useEffect, useState } from 'react';
import { Alert } from '@/components/ui/alert';
import { Badge } from '@/components/ui/badge';
import type { ImportStatus } from '@/lib/import/dashboard';
import { ImportReportView } from './import-report';

const POLL_MS = 1000;
const running = (s: ImportStatus['status']) => s === 'QUEUED' || s === 'RUNNING';

/** An import's progress bar and counts, refreshed every second while it runs (from the job, so a reload loses nothing), then its report. */
export function ImportProgress({ initial }: { initial: ImportStatus }) {
  const [status, setStatus] = useState(initial);
  const [stale, setStale] = useState(false);
  useEffect(() => {
    if (!running(status.status)) return;
    const timer = setTimeout(async () => {
      try {
        const res = await fetch(`/api/import/${status.id}`, { cache: 'no-store' });
        if (!res.ok) throw new Error(String(res.status));
        setStatus(await res.json());
        setStale(false);
      } catch {
        setStale(true);
        setStatus((s) => ({ ...s }));
      }
    }, POLL_MS);
    return () => clearTimeout(timer);
  }, [status]);

  const c = status.counts;
  const label = { QUEUED: 'Waiting to start', RUNNING: 'Importing', SUCCEEDED: 'Finished', FAILED: 'Failed', CANCELLED: 'Cancelled' }[status.status];
  return (
    <div className="grid gap-3">
      <p className="flex flex-wrap items-center gap-2 text-sm">
        <Badge tone={status.status === 'FAILED' ? 'danger' : status.status === 'SUCCEEDED' ? 'success' : 'info'}>{label}</Badge>
        <span>
          {status.filename || 'Export file'} from {status.source}
          {status.dryRun ? ' (dry run: nothing is written)' : ''}
        </span>
      </p>
      <div className="flex items-center gap-3">
        <progress className="h-3 w-full max-w-md" max={100} value={status.percent} aria-label="Import progress" />
        <span className="text-sm tabular-nums">{status.percent}%</span>
      </div>
      <p className="text-sm" aria-live="polite" data-testid="import-counts">
        {c.imported ?? 0} imported, {c.updated ?? 0} updated, {c.unchanged ?? 0} unchanged, {c.skipped ?? 0} skipped
      </p>
      {stale ? <Alert tone="warning">The progress could not be refreshed; trying again. The import goes on on the server.</Alert> : null}
      {status.status === 'FAILED' ? (
        <Alert tone="danger">
          {status.error ?? 'The import failed.'} Each item is written whole or not at all: fix the file or the Source and import again; what was already imported is reported as unchanged.
        </Alert>
      ) : null}
      {status.status === 'SUCCEEDED' && status.report ? (
        <>
          <h3 className="text-base font-semibold">Report</h3>
          <p className="flex gap-4 text-sm">
            <a className="underline" href={`/api/import/${status.id}/report`} download>
              Download the report
            </a>
            <a className="underline" href={`/api/import/${status.id}/report?format=json`} download>
              Download as JSON
            </a>
          </p>
          <ImportReportView report={status.report} />
        </>
      ) : null}
    </div>
  );
}
