import stringWidth from 'string-width';
import type { Bullet } from '../deck/schema.js';
import { wrapText } from '../text/wrap.js';
import { lineWindow } from './window.js';

/** How a row of a content slide is styled. */
export type RowStyle = 'title' | 'rule' | 'bullet' | 'blank' | 'more';

/** One terminal row of a content slide. */
export interface SlideRow {
  readonly style: RowStyle;
  /** Index of the bullet this row belongs to; `undefined` for rows of no bullet. */
  readonly bullet?: number;
  /** Bullet marker or indent in front of `text` (`• `, `  `, `    ◦ `); empty for other rows. */
  readonly marker: string;
  readonly text: string;
}

/** Longest rule under a slide title, in columns. */
const RULE_COLUMNS = 40;

/**
 * Lays out a content slide as rows of at most `columns` columns, fitting `rows` rows: bullets
 * are spaced by blank rows when everything still fits, and when even the compact layout is too
 * tall the last visible row says how many rows are hidden (`⋯ 12 more lines`).
 *
 * All bullets are laid out whatever the step, so revealing one never moves the others; the
 * view decides how rows of bullets not yet revealed look (hidden or dimmed, see `bullet`). The
 * marker counts only rows the audience would see: rows of bullets not yet revealed are no
 * content it is missing, and while only those are cut off the marker's row stays blank.
 *
 * @param columns - Width of the text area, in columns (padding already removed).
 * @param rows - Height available, in rows.
 * @param revealed - Bullets revealed so far; all of them by default (the presenter's view).
 */
export function layoutContentSlide(
  title: string,
  bullets: readonly Bullet[],
  columns: number,
  rows: number,
  revealed = Number.POSITIVE_INFINITY,
): SlideRow[] {
  const head: SlideRow[] = [
    ...wrapText(title, columns)
      .split('\n')
      .map((text) => ({ style: 'title' as const, marker: '', text })),
    { style: 'rule', marker: '', text: '─'.repeat(Math.max(0, Math.min(columns, RULE_COLUMNS))) },
  ];
  const blocks = bullets.map((bullet, index) => bulletRows(bullet, index, columns));
  const compact = [...head, ...blocks.flat()];
  const spaced = [...head, ...blocks.flatMap((block) => [blankRow, ...block])];
  if (spaced.length <= rows) return spaced;
  if (compact.length <= rows) return compact;
  if (rows <= 0) return [];
  // From the top, with the one marker row below the rows shown.
  const { end } = lineWindow(compact.length, rows, { scroll: 0 });
  const hidden = compact.slice(end).filter((row) => row.bullet === undefined || row.bullet < revealed).length;
  if (hidden === 0) return [...compact.slice(0, end), blankRow];
  return [...compact.slice(0, end), { style: 'more', marker: '', text: moreLines(hidden) }];
}

/**
 * The marker for `count` lines (or other things, `noun`) out of sight: `⋯ 1 more line`,
 * `⋯ 12 more lines`, `⋯ 4 more slides`.
 */
export function moreLines(count: number, noun = 'line'): string {
  return `⋯ ${count} more ${noun}${count === 1 ? '' : 's'}`;
}

/**
 * Rows a content slide needs in its compact layout (no blank rows between bullets), and how far
 * its widest word goes past `columns` (0 when every word fits; wider words are broken).
 */
export function measureContentSlide(title: string, bullets: readonly Bullet[], columns: number): { rows: number; columnsOver: number } {
  const rows = layoutContentSlide(title, bullets, columns, Number.MAX_SAFE_INTEGER).filter((row) => row.style !== 'blank').length;
  // Each text has the width its marker (`• `, `  ◦ `) leaves it.
  const texts: [string, number][] = [
    [title, columns],
    ...bullets.flatMap((bullet): [string, number][] =>
      typeof bullet === 'string'
        ? [[bullet, columns - 2]]
        : [[bullet.text, columns - 2], ...bullet.bullets.map((child): [string, number] => [child, columns - 4])],
    ),
  ];
  // A loop, not Math.max(...words): a long bullet has more words than a call takes arguments.
  let columnsOver = 0;
  for (const [text, width] of texts) {
    for (const word of text.split(BREAK_OPPORTUNITY)) columnsOver = Math.max(columnsOver, stringWidth(word) - width);
  }
  return { rows, columnsOver };
}

/**
 * Where a line may break without splitting a word: at spaces, after a hyphen (UAX #14, HY; see
 * wrapText), and before any CJK ideograph, kana, hangul or full-width form, since those scripts
 * break between characters (UAX #14, ID).
 */
const BREAK_OPPORTUNITY = /\s+|(?<=-)|(?=[\u2E80-\u9FFF\uAC00-\uD7AF\uF900-\uFAFF\uFF00-\uFFEF])/u;

const blankRow: SlideRow = { style: 'blank', marker: '', text: '' };

function bulletRows(bullet: Bullet, index: number, columns: number): SlideRow[] {
  const text = typeof bullet === 'string' ? bullet : bullet.text;
  const children = typeof bullet === 'string' ? [] : bullet.bullets;
  return [...hangingIndent(text, '• ', index, columns), ...children.flatMap((child) => hangingIndent(child, '  ◦ ', index, columns))];
}

function hangingIndent(text: string, marker: string, bullet: number, columns: number): SlideRow[] {
  const indent = ' '.repeat(marker.length);
  return wrapText(text, columns - marker.length)
    .split('\n')
    .map((line, index) => ({ style: 'bullet', bullet, marker: index === 0 ? marker : indent, text: line }));
}
