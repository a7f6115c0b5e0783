// The import report: for each kind of thing, how many were imported, updated, unchanged or
// skipped, each skip with its reason, plus what the mappings changed (drafts, dropped markup,
// unknown shortcodes, missing images). Plain data: it is the job's checkpoint and its result,
// and the dashboard shows it. No server-only import: the report view shares these types.

export const OUTCOMES = ['imported', 'updated', 'unchanged', 'skipped'] as const;
export type Outcome = (typeof OUTCOMES)[number];

export type ReportItem = { id: string; title: string; reason: string };
export type KindTally = { imported: number; updated: number; unchanged: number; skipped: number; skips: ReportItem[] };

export type ImportReport = {
  source: string;
  dryRun: boolean;
  /** Records read from the file so far (the resume point). */
  records: number;
  kinds: Record<string, KindTally>;
  /** Notes from the mappings, by code, counted; a few examples each. */
  notes: Record<string, { count: number; examples: string[] }>;
  warnings: string[];
  /** Posts that were public (or meant to be) on the source and arrive as drafts: private, password-protected, members-only… */
  drafted: ReportItem[];
};

/** Lists stay bounded whatever the file: counts are exact, examples are capped. */
const MAX_SKIPS_PER_KIND = 500;
const MAX_EXAMPLES = 5;
const MAX_WARNINGS = 200;

export function emptyReport(source: string, dryRun: boolean): ImportReport {
  return { source, dryRun, records: 0, kinds: {}, notes: {}, warnings: [], drafted: [] };
}

export function tally(report: ImportReport, kind: string, outcome: Outcome, skip?: ReportItem): void {
  const k = (report.kinds[kind] ??= { imported: 0, updated: 0, unchanged: 0, skipped: 0, skips: [] });
  k[outcome]++;
  if (outcome === 'skipped' && skip && k.skips.length < MAX_SKIPS_PER_KIND) k.skips.push(skip);
}

export function note(report: ImportReport, code: string, example: string, count = 1): void {
  const n = (report.notes[code] ??= { count: 0, examples: [] });
  n.count += count;
  if (n.examples.length < MAX_EXAMPLES && !n.examples.includes(example)) n.examples.push(example);
}

export function warn(report: ImportReport, message: string): void {
  if (report.warnings.length < MAX_WARNINGS) report.warnings.push(message);
}

export function drafted(report: ImportReport, item: ReportItem): void {
  if (report.drafted.length < MAX_SKIPS_PER_KIND) report.drafted.push(item);
}

/** Totals across kinds, for the progress bar's counts. */
export function reportCounts(report: ImportReport): Record<Outcome, number> {
  const counts = { imported: 0, updated: 0, unchanged: 0, skipped: 0 };
  for (const k of Object.values(report.kinds)) for (const o of OUTCOMES) counts[o] += k[o];
  return counts;
}

/** The report as plain text, for the download and the CLI. */
export function formatReport(report: ImportReport): string {
  const lines = [`Import from ${report.source}${report.dryRun ? ' (dry run: nothing was written)' : ''}: ${report.records} records read.`, ''];
  for (const [kind, k] of Object.entries(report.kinds)) {
    lines.push(`${kind}: ${k.imported} imported, ${k.updated} updated, ${k.unchanged} unchanged, ${k.skipped} skipped`);
    for (const s of k.skips) lines.push(`  - skipped ${s.title || s.id} (${s.id}): ${s.reason}`);
    if (k.skipped > k.skips.length) lines.push(`  … and ${k.skipped - k.skips.length} more skipped`);
  }
  if (Object.keys(report.notes).length) lines.push('', 'Changed or dropped on the way in:');
  for (const [code, n] of Object.entries(report.notes)) lines.push(`  ${code}: ${n.count} (e.g. ${n.examples.join('; ')})`);
  if (report.drafted.length) lines.push('', 'Imported as drafts:', ...report.drafted.map((d) => `  ${d.title} (${d.id}): ${d.reason}`));
  if (report.warnings.length) lines.push('', 'Warnings:', ...report.warnings.map((w) => `  ${w}`));
  return lines.join('\n') + '\n';
}
