import stringWidth from 'string-width';
import type { Bullet, Column, TimelineEvent } from '../deck/schema.js';
import type { SlideBody } from '../deck/slides.js';
import { parseInline, visibleText, wrapSpans, type Span } from '../text/inline.js';
import { wrapText } from '../text/wrap.js';
import { drawBigText, fitBigText } from './big-text.js';
import { lineWindow } from './window.js';

/**
 * What a part of a row shows, which decides how it is styled: the slide's `title` and the `rule`
 * under it, a bullet's `marker` and `text`, a column's `heading`, a quotation (`quote`, its
 * quotation `mark`s and `attribution`), a `statement` in plain or `big` letters, a timeline's
 * `when` and `axis`, and the `more` marker of a slide cut short.
 */
export type PartRole =
  'title' | 'rule' | 'marker' | 'text' | 'heading' | 'quote' | 'mark' | 'attribution' | 'statement' | 'big' | 'when' | 'axis' | 'more';

/** A run of a row: styled text that starts at a column of the slide's block. */
export interface RowPart {
  /** Column where the part starts, counted from the left edge of the block. */
  readonly column: number;
  readonly role: PartRole;
  readonly spans: readonly Span[];
  /** The item (see `itemsOf`) the part shows, revealed at its step; `undefined` for parts of no item. */
  readonly item?: number;
}

/** One terminal row of a content slide: its parts left to right, never overlapping; none for a blank row. */
export interface SlideRow {
  readonly parts: readonly RowPart[];
}

/** A content slide laid out as a block of rows, to be placed in its area. */
export interface ContentBlock {
  readonly rows: readonly SlideRow[];
  /** Width of the widest row, in columns; never more than the width it was laid out for. */
  readonly width: number;
  /**
   * Whether the layout gave up its wide form for want of columns: columns stacked one above the
   * other, a timeline drawn as a vertical list.
   */
  readonly isNarrow: boolean;
}

/** How much of the slide to draw: `full` for the audience (big letters where they fit), `summary` for a presenter's pane. */
export type BlockForm = 'full' | 'summary';

/** Longest rule under a slide title, in columns. */
const RULE_COLUMNS = 40;

/**
 * Longest line of bullets and quotations, in columns: lines much longer than this are hard to
 * read from the back of a room, so on a wide terminal the block stays this wide and is centred.
 */
export const READING_COLUMNS = 72;

/** Space between two columns of a `columns` slide, and the narrowest a column may be before they stack, in columns. */
const COLUMN_GAP = 3;
export const MIN_COLUMN_WIDTH = 18;

/**
 * The narrowest a timeline event may be before the timeline is drawn as a list, in columns, and
 * the columns left between the texts of two events (a fresh-eyes trial read events one column
 * apart as one sentence).
 */
export const MIN_EVENT_WIDTH = 12;
const EVENT_GAP = 2;

/**
 * Widest a block of columns or a timeline is set, in columns: on a 200-column terminal two
 * columns drawn 98 columns apart no longer read as a comparison.
 */
export const WIDE_BLOCK_COLUMNS = 110;
/** Widest a column of a `columns` slide and a timeline event are set, in columns. */
const MAX_COLUMN_WIDTH = 44;
const MAX_EVENT_WIDTH = 26;

/**
 * Most lines of big letters a statement is drawn in: a sentence broken into more reads worse in
 * small big letters than in plain bold text.
 */
const MAX_BIG_STATEMENT_LINES = 3;

/** Widest a statement in plain letters is set, in columns: a short line reads as one thought. */
const STATEMENT_COLUMNS = 56;

/**
 * Lays out a content slide's title and body as rows of at most `columns` columns, fitting `rows`
 * rows: items are spaced by blank rows when everything still fits, and when even the compact
 * layout is too tall the last visible row says how many rows are hidden (`⋯ 12 more lines`).
 *
 * All items are laid out whatever the step, so revealing one never moves the others; the view
 * decides how parts of items not yet revealed look (hidden or dimmed). The marker counts only
 * rows the audience would see: rows of items not yet revealed are no content it is missing, and
 * while only those are cut off the marker's row stays blank.
 *
 * Quote and statement slides show no title: their text is the slide (the title stays in the
 * footer and the overview).
 *
 * @param columns - Width of the text area, in columns (padding already removed).
 * @param rows - Height available, in rows.
 * @param revealed - Items revealed so far; all of them by default (the presenter's view).
 */
export function layoutContentBlock(
  slide: { readonly title: string; readonly body: SlideBody },
  columns: number,
  rows: number,
  { revealed = Number.POSITIVE_INFINITY, form = 'full' }: { readonly revealed?: number; readonly form?: BlockForm } = {},
): ContentBlock {
  const width = Math.max(1, columns);
  const { spaced, compact, isNarrow } = bodyRows(slide, width, rows, form, undefined);
  const fitted = fitRows(spaced, compact, rows, revealed);
  return { rows: fitted, width: Math.min(width, blockWidth(fitted)), isNarrow };
}

/**
 * Rows a content slide needs in its compact layout (no blank rows between items), how far its
 * widest word goes past the width it has (0 when every word fits; wider words are broken), and
 * whether its layout gave up its wide form (see {@link ContentBlock.isNarrow}), laid out in
 * `form` for `rows` rows (a statement's big letters depend on them). For `check` and the
 * presenter's panes.
 */
export function measureContentSlide(
  slide: { readonly title: string; readonly body: SlideBody },
  columns: number,
  { rows = Number.MAX_SAFE_INTEGER, form = 'full' }: { readonly rows?: number; readonly form?: BlockForm } = {},
): { rows: number; columnsOver: number; isNarrow: boolean } {
  const width = Math.max(1, columns);
  const overflow = { columnsOver: 0 };
  const { compact, isNarrow } = bodyRows(slide, width, rows, form, overflow);
  return { rows: compact.length, columnsOver: overflow.columnsOver, isNarrow };
}

/**
 * The marker for `count` lines (or other things, `noun`) out of sight: `⋯ 1 more line`,
 * `⋯ 12 more lines`, `⋯ 4 more slides`.
 */
export function moreLines(count: number, noun = 'line'): string {
  return `⋯ ${count} more ${noun}${count === 1 ? '' : 's'}`;
}

/**
 * Where the widest word of the texts laid out went past its width, in columns: kept for `check`
 * (measureContentSlide) only; a frame's layout, on every key press, passes none and skips it.
 */
type Overflow = { columnsOver: number } | undefined;

interface BodyRows {
  readonly spaced: SlideRow[];
  readonly compact: SlideRow[];
  readonly isNarrow: boolean;
}

function bodyRows(
  slide: { readonly title: string; readonly body: SlideBody },
  columns: number,
  rows: number,
  form: BlockForm,
  overflow: Overflow,
): BodyRows {
  const { body } = slide;
  const reading = form === 'full' ? Math.min(columns, READING_COLUMNS) : columns;
  const wide = Math.min(columns, WIDE_BLOCK_COLUMNS);
  const head = (width: number) => titleRows(slide.title, width, overflow);
  switch (body.layout) {
    case 'bullets':
      return stacked(
        head(reading),
        body.bullets.map((bullet, index) => bulletRows(bullet, index, reading, overflow)),
        false,
      );
    case 'columns': {
      const width = Math.min(wide, body.columns.length * (MAX_COLUMN_WIDTH + COLUMN_GAP) - COLUMN_GAP);
      return columnRows(body.columns, width, head(width), overflow);
    }
    case 'timeline': {
      const width = Math.min(wide, body.events.length * MAX_EVENT_WIDTH);
      return timelineRows(body.events, width, head(width), overflow);
    }
    case 'quote': {
      const quote = quoteRows(body.quote, body.by, reading, overflow);
      return { spaced: quote, compact: quote.filter((row) => row.parts.length > 0), isNarrow: false };
    }
    case 'statement': {
      const statement = statementRows(body.statement, columns, rows, form, overflow);
      return { spaced: statement, compact: statement, isNarrow: false };
    }
  }
}

const BLANK_ROW: SlideRow = { parts: [] };

/** `head` over `groups` one after another: spaced by a blank row before each group, or not. */
function stacked(head: readonly SlideRow[], groups: readonly (readonly SlideRow[])[], isNarrow: boolean): BodyRows {
  return {
    spaced: [...head, ...groups.flatMap((group) => [BLANK_ROW, ...group])],
    compact: [...head, ...groups.flat()],
    isNarrow,
  };
}

function titleRows(title: string, columns: number, overflow: Overflow): SlideRow[] {
  return [
    ...plainLines(title, columns, overflow).map((line) => row({ column: 0, role: 'title', spans: [{ text: line }] })),
    row({ column: 0, role: 'rule', spans: [{ text: '─'.repeat(Math.max(0, Math.min(columns, RULE_COLUMNS))) }] }),
  ];
}

function row(...parts: RowPart[]): SlideRow {
  return { parts };
}

/** A bullet and its sub-bullets with hanging indents (`• `, `  ◦ `), the text after the marker. */
function bulletRows(bullet: Bullet, item: number, columns: number, overflow: Overflow): SlideRow[] {
  const text = typeof bullet === 'string' ? bullet : bullet.text;
  const children = typeof bullet === 'string' ? [] : bullet.bullets;
  return [
    ...hangingIndent(text, '• ', item, columns, overflow),
    ...children.flatMap((child) => hangingIndent(child, '  ◦ ', item, columns, overflow)),
  ];
}

function hangingIndent(text: string, marker: string, item: number, columns: number, overflow: Overflow): SlideRow[] {
  const indent = marker.length;
  return styledLines(text, columns - indent, overflow).map((spans, index) =>
    row(...(index === 0 ? [{ column: 0, role: 'marker' as const, spans: [{ text: marker }], item }] : []), {
      column: indent,
      role: 'text',
      spans,
      item,
    }),
  );
}

/** `text`'s emphasis parsed, wrapped to `columns`, recording in `overflow` a word wider than that. */
function styledLines(text: string, columns: number, overflow: Overflow): Span[][] {
  if (overflow !== undefined) noteOverflow(visibleText(text), columns, overflow);
  return wrapSpans(parseInline(text), columns);
}

/** Plain text (titles, headings, dates), wrapped to `columns`. */
function plainLines(text: string, columns: number, overflow: Overflow): string[] {
  if (overflow !== undefined) noteOverflow(text, columns, overflow);
  return wrapText(text, columns).split('\n');
}

/**
 * Where a line may break without splitting a word: at spaces, after a hyphen (UAX #14, HY; see
 * wrapText), and before any CJK ideograph, kana, hangul or full-width form, since those scripts
 * break between characters (UAX #14, ID).
 */
const BREAK_OPPORTUNITY = /\s+|(?<=-)|(?=[\u2E80-\u9FFF\uAC00-\uD7AF\uF900-\uFAFF\uFF00-\uFFEF])/u;

function noteOverflow(text: string, columns: number, overflow: { columnsOver: number }): void {
  // A loop, not Math.max(...words): a long bullet has more words than a call takes arguments.
  for (const word of text.split(BREAK_OPPORTUNITY))
    overflow.columnsOver = Math.max(overflow.columnsOver, stringWidth(word) - Math.max(1, columns));
}

/**
 * Columns side by side, each a heading over its bullets, `COLUMN_GAP` apart; stacked in order
 * when a column would be narrower than {@link MIN_COLUMN_WIDTH}. Items are the bullets of all
 * columns, column by column.
 */
function columnRows(columns: readonly Column[], width: number, head: SlideRow[], overflow: Overflow): BodyRows {
  const firstItem = columns.map((_, index) => columns.slice(0, index).reduce((sum, column) => sum + column.bullets.length, 0));
  const columnWidth = Math.floor((width - COLUMN_GAP * (columns.length - 1)) / columns.length);
  const isStacked = columnWidth < MIN_COLUMN_WIDTH;
  const cellWidth = isStacked ? width : columnWidth;
  const headings = columns.map((column) =>
    plainLines(column.heading, cellWidth, overflow).map((line) => row({ column: 0, role: 'heading', spans: [{ text: line }] })),
  );
  const bullets = columns.map((column, index) =>
    column.bullets.map((bullet, offset) => hangingIndent(bullet, '• ', (firstItem[index] ?? 0) + offset, cellWidth, overflow)),
  );
  if (isStacked) {
    // One column after another: its heading, then its bullets, spaced as bullet slides are.
    const groups = columns.map((_, index) => stacked(headings[index] ?? [], bullets[index] ?? [], true));
    return {
      spaced: stacked(
        head,
        groups.map((group) => group.spaced),
        true,
      ).spaced,
      compact: stacked(
        head,
        groups.map((group) => group.compact),
        true,
      ).compact,
      isNarrow: true,
    };
  }
  // Side by side in bands: the headings, then the first bullet of each column, the second, and
  // so on, each band as tall as its tallest column, so that the points compared face each other.
  const bands = [
    headings,
    ...Array.from({ length: Math.max(...bullets.map((list) => list.length)) }, (_, index) => bullets.map((list) => list[index] ?? [])),
  ];
  const sideBySide = (isSpaced: boolean) =>
    bands.flatMap((band, bandIndex) => {
      const height = Math.max(...band.map((rows) => rows.length));
      const rows = Array.from({ length: height }, (_, index) =>
        row(
          ...band.flatMap((rows, column) =>
            (rows[index]?.parts ?? []).map((part) => ({ ...part, column: part.column + column * (columnWidth + COLUMN_GAP) })),
          ),
        ),
      );
      return isSpaced && bandIndex > 0 ? [BLANK_ROW, ...rows] : rows;
    });
  return { spaced: [...head, BLANK_ROW, ...sideBySide(true)], compact: [...head, ...sideBySide(false)], isNarrow: false };
}

/**
 * A timeline: across the width, each event's date over a mark on one line and its text below,
 * when every event has {@link MIN_EVENT_WIDTH} columns and its date fits them; otherwise down
 * the slide, a mark and date per event with its text under it. Each event is an item.
 */
function timelineRows(events: readonly TimelineEvent[], width: number, head: SlideRow[], overflow: Overflow): BodyRows {
  const slot = Math.floor(width / events.length);
  const isAcross = slot >= MIN_EVENT_WIDTH && events.every((event) => stringWidth(event.when) <= slot - EVENT_GAP);
  if (isAcross) {
    const what = events.map((event) => styledLines(event.what, slot - EVENT_GAP, overflow));
    const height = Math.max(...what.map((lines) => lines.length));
    const rows = [
      row(...events.map((event, item) => ({ column: item * slot, role: 'when' as const, spans: [{ text: event.when }], item }))),
      row(
        ...events.map((_, item) => ({
          column: item * slot,
          role: 'axis' as const,
          spans: [{ text: `●${'─'.repeat(item === events.length - 1 ? 0 : slot - 1)}` }],
          item,
        })),
      ),
      ...Array.from({ length: height }, (_, line) =>
        row(
          ...what.flatMap((lines, item) => {
            const spans = lines[line];
            return spans === undefined ? [] : [{ column: item * slot, role: 'text' as const, spans, item }];
          }),
        ),
      ),
    ];
    return { spaced: [...head, BLANK_ROW, ...rows], compact: [...head, ...rows], isNarrow: false };
  }
  const groups = events.map((event, item) => [
    ...plainLines(event.when, width - 2, overflow).map((line, index) =>
      row(...(index === 0 ? [{ column: 0, role: 'axis' as const, spans: [{ text: '●' }], item }] : []), {
        column: 2,
        role: 'when',
        spans: [{ text: line }],
        item,
      }),
    ),
    ...styledLines(event.what, width - 2, overflow).map((spans) => row({ column: 2, role: 'text', spans, item })),
  ]);
  return stacked(head, groups, true);
}

/**
 * A quotation in quotation marks the layout draws (`“`, `”`; typographic marks, as the text
 * gives none), its lines after the opening mark's column, and below it, after a blank row, its
 * attribution set right (`— Vladimir Putin`).
 */
function quoteRows(quote: string, by: string | undefined, columns: number, overflow: Overflow): SlideRow[] {
  // Two columns before the text (`“ `) and one after its last line (`”`).
  const lines = styledLines(quote, columns - 3, overflow);
  const rows = lines.map((spans, index) => {
    const parts: RowPart[] = [
      ...(index === 0 ? [{ column: 0, role: 'mark' as const, spans: [{ text: '“' }] }] : []),
      { column: 2, role: 'quote', spans },
    ];
    if (index === lines.length - 1) parts.push({ column: 2 + spansWidth(spans), role: 'mark', spans: [{ text: '”' }] });
    return row(...parts);
  });
  if (by === undefined) return rows;
  const width = Math.min(columns, Math.max(...rows.map(rowWidth)));
  const attribution = styledLines(`— ${by}`, columns, overflow).map((spans) =>
    row({ column: Math.max(0, width - spansWidth(spans)), role: 'attribution', spans }),
  );
  return [...rows, BLANK_ROW, ...attribution];
}

/**
 * One sentence, each line centred: in big letters when the fonts can draw it in `columns` x
 * `rows` in at most {@link MAX_BIG_STATEMENT_LINES} lines (full form only; big letters have no
 * emphasis, so it is drawn without its markers), else in bold plain letters, at most {@link STATEMENT_COLUMNS} wide.
 */
function statementRows(statement: string, columns: number, rows: number, form: BlockForm, overflow: Overflow): SlideRow[] {
  const big = form === 'full' ? fitBigText(visibleText(statement), columns, rows) : undefined;
  if (big !== undefined && big.lines.length <= MAX_BIG_STATEMENT_LINES) {
    const drawn = big.lines.flatMap((line, index) => [...(index === 0 ? [] : ['']), ...drawBigText(line, big.font)]);
    return centred(
      drawn.map((text) => ({ role: 'big' as const, spans: [{ text }] })),
      big.width,
    );
  }
  const lines = styledLines(statement, balancedWidth(statement, Math.min(columns, STATEMENT_COLUMNS)), overflow);
  return centred(
    lines.map((spans) => ({ role: 'statement' as const, spans })),
    Math.max(...lines.map(spansWidth)),
  );
}

/**
 * The narrowest width, at most `columns`, at which `text` takes as few lines as at `columns`:
 * its lines then come out of about equal length (`A revolutionary mind change / and strenuous
 * confidence building` rather than a long line over one word).
 */
function balancedWidth(text: string, columns: number): number {
  const linesAt = (width: number) => wrapSpans(parseInline(text), width).length;
  const fewest = linesAt(columns);
  if (fewest === 1) return columns;
  let narrow = 1;
  let wide = columns;
  // The line count only grows as the width shrinks: the narrowest width keeping `fewest` lines.
  while (narrow < wide) {
    const middle = Math.floor((narrow + wide) / 2);
    if (linesAt(middle) <= fewest) wide = middle;
    else narrow = middle + 1;
  }
  return wide;
}

function centred(lines: { role: PartRole; spans: readonly Span[] }[], width: number): SlideRow[] {
  return lines.map((line) =>
    spansWidth(line.spans) === 0 ? BLANK_ROW : row({ column: Math.floor((width - spansWidth(line.spans)) / 2), ...line }),
  );
}

/** Width of a part, in columns. */
export function partWidth(part: RowPart): number {
  return spansWidth(part.spans);
}

function spansWidth(spans: readonly Span[]): number {
  return spans.reduce((width, span) => width + stringWidth(span.text), 0);
}

/** Width of a row, in columns: where its last part ends. */
export function rowWidth(slideRow: SlideRow): number {
  return slideRow.parts.reduce((width, part) => Math.max(width, part.column + partWidth(part)), 0);
}

function blockWidth(rows: readonly SlideRow[]): number {
  return rows.reduce((width, slideRow) => Math.max(width, rowWidth(slideRow)), 0);
}

/** Whether a row shows the audience something at `revealed`: a part of no item, or of an item revealed. */
function isSeen(slideRow: SlideRow, revealed: number): boolean {
  return slideRow.parts.some((part) => part.item === undefined || part.item < revealed);
}

/** The spaced rows if they fit, else the compact ones, else as many as fit with a marker row. */
function fitRows(spaced: SlideRow[], compact: SlideRow[], rows: number, revealed: number): SlideRow[] {
  if (spaced.length <= rows) return spaced;
  if (compact.length <= rows) return compact;
  if (rows <= 0) return [];
  // From the top, with the one marker row below the rows shown.
  const { end } = lineWindow(compact.length, rows, { scroll: 0 });
  const hidden = compact.slice(end).filter((slideRow) => isSeen(slideRow, revealed)).length;
  if (hidden === 0) return [...compact.slice(0, end), BLANK_ROW];
  return [...compact.slice(0, end), row({ column: 0, role: 'more', spans: [{ text: moreLines(hidden) }] })];
}
