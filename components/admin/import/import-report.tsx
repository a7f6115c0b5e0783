import type { ImportReport } from '@/lib/import/job/report';

/** The report of an import: counts per kind, each skip with its reason, what the mappings changed. */
export function ImportReportView({ report }: { report: ImportReport }) {
  const kinds = Object.entries(report.kinds);
  return (
    <div className="grid gap-4 text-sm">
      <table className="w-full text-left">
        <caption className="sr-only">Import report, by kind</caption>
        <thead>
          <tr className="border-b border-subtle">
            <th scope="col" className="py-1 pr-3">
              Kind
            </th>
            {['Imported', 'Updated', 'Unchanged', 'Skipped'].map((h) => (
              <th key={h} scope="col" className="py-1 pr-3 text-right">
                {h}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {kinds.map(([kind, k]) => (
            <tr key={kind} className="border-b border-subtle">
              <th scope="row" className="py-1 pr-3 font-medium">
                {kind}
              </th>
              <td className="py-1 pr-3 text-right tabular-nums">{k.imported}</td>
              <td className="py-1 pr-3 text-right tabular-nums">{k.updated}</td>
              <td className="py-1 pr-3 text-right tabular-nums">{k.unchanged}</td>
              <td className="py-1 pr-3 text-right tabular-nums">{k.skipped}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {kinds.some(([, k]) => k.skips.length) ? (
        <details>
          <summary className="cursor-pointer font-semibold">Skipped, and why</summary>
          <ul className="mt-2 list-disc space-y-1 pl-5">
            {kinds.flatMap(([kind, k]) =>
              k.skips.map((s, i) => (
                <li key={`${kind}-${s.id}-${i}`}>
                  <span className="font-medium">
                    {kind} “{s.title || s.id}”
                  </span>
                  : {s.reason}
                </li>
              )),
            )}
          </ul>
        </details>
      ) : null}
      {report.drafted.length ? (
        <details>
          <summary className="cursor-pointer font-semibold">Imported as drafts ({report.drafted.length})</summary>
          <ul className="mt-2 list-disc space-y-1 pl-5">
            {report.drafted.map((d) => (
              <li key={d.id}>
                “{d.title}”: {d.reason}
              </li>
            ))}
          </ul>
        </details>
      ) : null}
      {Object.keys(report.notes).length ? (
        <details>
          <summary className="cursor-pointer font-semibold">Changed or dropped on the way in</summary>
          <ul className="mt-2 list-disc space-y-1 pl-5">
            {Object.entries(report.notes).map(([code, n]) => (
              <li key={code}>
                {code}: {n.count}
              </li>
            ))}
          </ul>
        </details>
      ) : null}
    </div>
  );
}
