import 'server-only';
import { ImportFormatError } from './input';
import type { ImportInput, ImportRecord, ReaderOptions } from './records';

/** Reads a Broadsheet JSON export (lib/export). */
export async function* readBroadsheet(input: ImportInput, options: ReaderOptions = {}): AsyncGenerator<ImportRecord> {
  void input;
  void options;
  throw new ImportFormatError('Importing Broadsheet exports is not available yet.');
}
