import type { RewindSummary } from '../../../../electron/api/contract';
import { formatCount, formatDuration } from './format';

/** The figures of a finished rewind, as the summary table shows them. */
export function rewindSummaryRows(summary: RewindSummary): [string, string][] {
  return [
    ['Operations undone', formatCount(summary.undone)],
    ['Created files and folders removed', formatCount(summary.created)],
    ['Deleted or overwritten files restored', formatCount(summary.restored)],
    ['Updated files patched back', formatCount(summary.patched)],
    ['Renames reversed', formatCount(summary.renamed)],
    ['Attributes restored', formatCount(summary.attributes)],
    ['Duration', formatDuration(summary.durationMs)],
    ['Report on the Replica host', summary.reportFile],
  ];
}

/** Under the list of undone operations when it does not show them all. */
export function undoneListNote(summary: RewindSummary, shown: number): string | undefined {
  if (summary.undone <= shown) return undefined;
  return `The ${formatCount(shown)} most recent of ${formatCount(summary.undone)} undone operations are shown; the report lists them all.`;
}
