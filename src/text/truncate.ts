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
 * `text` cut to at most `columns` columns between words, ending in `…` when cut, so that what
 * shows never ends in part of a word or a number (`more than 10000…` for 100000). When the last
 * break between words would leave more than a quarter of the columns blank (a long path, a
 * long first word), the text is cut inside the word instead, as {@link truncateToWidth} does.
 */
export function truncateAtWord(text: string, columns: number): string {
  if (stringWidth(text) <= columns) return text;
  const cut = truncateToWidth(text, columns);
  const kept = cut.slice(0, -1);
  const lastSpace = kept.trimStart().length === 0 ? -1 : kept.lastIndexOf(' ');
  if (lastSpace <= kept.length - kept.trimStart().length) return cut;
  const atWord = `${kept.slice(0, lastSpace).trimEnd()}…`;
  return stringWidth(atWord) >= columns - Math.floor(columns / 4) ? atWord : cut;
}
