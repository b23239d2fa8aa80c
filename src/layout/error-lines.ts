import { formatDiagnostic, type Diagnostic } from '../deck/deck-error.js';
import { sourceExcerpt } from '../text/source-excerpt.js';
import { truncateToWidth } from '../text/truncate.js';
import { wrapText } from '../text/wrap.js';
import { PANE_CHROME_COLUMNS } from './chrome.js';

/**
 * The error list's lines for a panel `columns` wide: each problem's `file:line:column` message,
 * wrapped, then the source lines around it, each cut to the panel with `…` where it goes on,
 * with a blank line between problems.
 */
export function errorLines(diagnostics: readonly Diagnostic[], text: string, columns: number): string[] {
  const inner = Math.max(1, columns - PANE_CHROME_COLUMNS);
  return diagnostics.flatMap((diagnostic, index) => [
    ...(index > 0 ? [''] : []),
    ...wrapText(formatDiagnostic(diagnostic), inner).split('\n'),
    // Cut by columns, wide characters counting two, with `…` where a line goes on.
    ...sourceExcerpt(text, diagnostic).map((line) => truncateToWidth(line, inner)),
  ]);
}
