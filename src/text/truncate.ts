import cliTruncate from 'cli-truncate';
import stringWidth from 'string-width';

/**
 * `text` cut to at most `columns` terminal columns, ending in `…` when cut (cli-truncate, as Ink
 * truncates). cli-truncate 5, the line Ink 6 uses, can return one column more than asked when a
 * wide character (CJK) meets the limit: 14 columns gave `中文标题非常非…`, 15 wide, which pushed the
 * footer's bar one column right. cli-truncate 6 fixes it but needs Node 22; until then, a result
 * that is too wide is cut again one column shorter.
 */
export function truncateToWidth(text: string, columns: number): string {
  if (columns <= 0) return '';
  const cut = cliTruncate(text, columns);
  return stringWidth(cut) <= columns ? cut : cliTruncate(text, columns - 1);
}

/**
 * `text` cut to at most `columns` columns (ending in `…` when cut, as {@link truncateToWidth}
 * does), but never inside a number: a cut there would leave another number (`more than 10000…`
 * for 100000), so the cut moves back to before it. Spaces before the `…` are dropped.
 */
export function truncateOutsideNumbers(text: string, columns: number): string {
  const cut = truncateToWidth(text, columns);
  if (cut === text || !cut.endsWith('…')) return cut;
  const kept = cut.slice(0, -1);
  const isInNumber = /\d$/.test(kept) && /^\d/.test(text.slice(kept.length));
  // Nor after a space: `key …` reads as if a word were missing.
  return `${(isInNumber ? kept.replace(/\d+$/, '') : kept).trimEnd()}…`;
}
