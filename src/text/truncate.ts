import cliTruncate from 'cli-truncate';

/**
 * `text` cut to at most `columns` terminal columns, ending in `…` when cut (cli-truncate, as Ink
 * truncates); wide characters (CJK) count two columns. An empty string for `columns` <= 0.
 */
export function truncateToWidth(text: string, columns: number): string {
  return columns <= 0 ? '' : cliTruncate(text, columns);
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

/**
 * `text` cut to at most `columns` columns, ending in `…` when cut, at the end of a word where
 * it can be (`Russia and China…`, not `Russia and China: Old Allie…`), with the punctuation
 * before the cut dropped; inside the word only when the first word alone is too long. For titles
 * shown whole or cut, such as the footer's.
 */
export function truncateAtWord(text: string, columns: number): string {
  const cut = truncateToWidth(text, columns);
  if (cut === text || !cut.endsWith('…')) return cut;
  const kept = cut.slice(0, -1);
  const isAtBoundary = /^\s/.test(text.slice(kept.length));
  const end = isAtBoundary ? kept.length : kept.search(/\s+\S*$/);
  if (end <= 0) return cut;
  return `${kept.slice(0, end).replace(/[\s,;:.–—-]+$/u, '')}…`;
}
