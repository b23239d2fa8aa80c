import { fitBigText } from './big-text.js';
import { wrapText } from '../text/wrap.js';

/**
 * Rows of the terminal the app leaves empty at the bottom. Ink clears the whole screen and the
 * scrollback on every redraw once its output is as tall as the terminal (ink/src/ink.tsx,
 * "outputHeight >= stdout.rows"), which flickers on each key press; one spare row avoids that.
 */
export const RESERVED_ROWS = 1;

/** Frames narrower or shorter than this show a "terminal too small" notice instead, in columns/rows. */
export const MIN_COLUMNS = 20;
export const MIN_ROWS = 6;

/** The smallest terminal the app draws a slide in, as the notices name it: `20x7` (the frame and the reserved row). */
export const SMALLEST_TERMINAL = `${MIN_COLUMNS}x${MIN_ROWS + RESERVED_ROWS}`;

/** Terminal width from which speaker notes go beside the slide instead of below it, in columns. */
export const NOTES_BESIDE_MIN_COLUMNS = 110;

/** Rows of the footer (audience view) or status row (presenter view), at the frame's bottom. */
export const FOOTER_ROWS = 1;

/**
 * What to say of a terminal of `columns` x `rows` too small for the app to draw a slide in (it
 * shows a "too small" notice there), or `undefined` when it is big enough. For commands that lay
 * frames out for a size given on the command line (`render`, `export`, `check`).
 */
export function tooSmallToDraw(columns: number, rows: number): string | undefined {
  if (isFrameDrawn(columns, frameRows(rows))) return undefined;
  return `${columns}x${rows} is below the smallest terminal the app draws in, ${SMALLEST_TERMINAL}: it shows only a "too small" notice there`;
}

/** Whether a frame of `columns` x `rows` is big enough to draw a slide in (else it shows a "too small" notice). */
export function isFrameDrawn(columns: number, rows: number): boolean {
  return columns >= MIN_COLUMNS && rows >= MIN_ROWS;
}

/** The frame's height for a terminal of `terminalRows` rows. */
export function frameRows(terminalRows: number): number {
  return Math.max(1, terminalRows - RESERVED_ROWS);
}

/** Where each part of a frame goes, in columns and rows. */
export interface FrameLayout {
  readonly slideColumns: number;
  readonly slideRows: number;
  /** `undefined` when the notes pane is hidden. */
  readonly notes?: { readonly placement: 'below' | 'beside'; readonly columns: number; readonly rows: number };
}

/**
 * Splits a frame of `columns` x `rows` (footer included) between the slide and the notes pane.
 * Notes go beside the slide when the terminal is wide enough for both to keep readable lines
 * ({@link NOTES_BESIDE_MIN_COLUMNS}), else below it, taking half of the height.
 */
export function layoutFrame(columns: number, rows: number, showNotes: boolean): FrameLayout {
  const bodyRows = Math.max(0, rows - FOOTER_ROWS);
  if (!showNotes) return { slideColumns: columns, slideRows: bodyRows };
  if (columns >= NOTES_BESIDE_MIN_COLUMNS) {
    const notesColumns = Math.floor(columns * 0.4);
    return {
      slideColumns: columns - notesColumns,
      slideRows: bodyRows,
      notes: { placement: 'beside', columns: notesColumns, rows: bodyRows },
    };
  }
  const notesRows = Math.min(bodyRows, Math.max(4, Math.floor(bodyRows * 0.5)));
  return {
    slideColumns: columns,
    slideRows: bodyRows - notesRows,
    notes: { placement: 'below', columns, rows: notesRows },
  };
}

/** Padding around a slide's content and the text area left inside, in columns and rows. */
export interface ContentArea {
  readonly paddingX: number;
  readonly paddingTop: number;
  readonly columns: number;
  readonly rows: number;
}

/**
 * The text area of a content slide drawn in `columns` x `rows`: three columns of margin from
 * 60 columns (one below, or in the presenter's compact panes) and a blank top row from 12 rows.
 */
export function contentArea(columns: number, rows: number, isCompact = false): ContentArea {
  const paddingX = columns >= 60 && !isCompact ? 3 : 1;
  const paddingTop = rows >= 12 && !isCompact ? 1 : 0;
  return { paddingX, paddingTop, columns: Math.max(1, columns - 2 * paddingX), rows: rows - paddingTop };
}

/** Horizontal padding of the title and section slides, in columns. */
export const TITLE_PADDING_X = 2;

/** The lines under the title of a title slide, wrapped, and the rows they take with their gaps. */
export interface TitleDetails {
  readonly subtitle: readonly string[];
  readonly byline: readonly string[];
  readonly source: readonly string[];
  /** Rows of all of the above, with one blank row before the subtitle and before the byline. */
  readonly rows: number;
}

/** Wraps the subtitle, byline (`author · date`) and source of a title slide to `columns`. */
export function titleDetails(
  slide: { readonly subtitle?: string; readonly author?: string; readonly date?: string; readonly source?: string },
  columns: number,
): TitleDetails {
  const wrap = (text: string | undefined) => (text === undefined || text === '' ? [] : wrapText(text, columns).split('\n'));
  const subtitle = wrap(slide.subtitle);
  const byline = wrap([slide.author, slide.date].filter((part) => part !== undefined && part !== '').join(' · '));
  const source = wrap(slide.source);
  const rows = subtitle.length + byline.length + source.length + (subtitle.length > 0 ? 1 : 0) + (byline.length > 0 ? 1 : 0);
  return { subtitle, byline, source, rows };
}

/**
 * Room for the big title of a title slide drawn in `columns` x `rows`: the slide less its
 * padding, its wrapped subtitle, byline and source lines, and one blank row under the title.
 */
export function titleSlideTitleArea(
  slide: { readonly subtitle?: string; readonly author?: string; readonly date?: string; readonly source?: string },
  columns: number,
  rows: number,
): { columns: number; rows: number } {
  const inner = columns - 2 * TITLE_PADDING_X;
  return { columns: inner, rows: Math.max(0, rows - titleDetails(slide, inner).rows - 1) };
}

/** What of a title slide fits in `columns` x `rows`: the title's rows and the detail lines kept. */
export interface TitleSlideFit {
  readonly title: { readonly columns: number; readonly rows: number };
  readonly details: TitleDetails;
  /** Lines of the title and details left out for want of rows; a marker row then says how many. */
  readonly hiddenLines: number;
}

/**
 * Fits a title slide into `columns` x `rows`. The title comes first: when the details leave it
 * too few rows for its big text or its plain text, it takes the rows its plain text needs and the details keep what is left, in order
 * (subtitle, byline, source), each clipped rather than drawn over the footer. What is left out
 * is counted, and one row is kept for saying so, as content slides do (`⋯ 2 more lines`).
 */
export function fitTitleSlide(
  slide: { readonly title: string; readonly subtitle?: string; readonly author?: string; readonly date?: string; readonly source?: string },
  columns: number,
  rows: number,
): TitleSlideFit {
  const area = titleSlideTitleArea(slide, columns, rows);
  const details = titleDetails(slide, area.columns);
  const titleLines = wrapText(slide.title, area.columns).split('\n').length;
  // The room left fits the title, big or as plain text; otherwise the title takes its rows first.
  if (area.rows >= 1 && (area.rows >= titleLines || fitBigText(slide.title, area.columns, area.rows) !== undefined))
    return { title: area, details, hiddenLines: 0 };
  const detailLines = details.subtitle.length + details.byline.length + details.source.length;
  const fitIn = (budget: number): TitleSlideFit => {
    const titleRows = Math.min(titleLines, Math.max(1, budget));
    let left = budget - titleRows - 1;
    // In order: once a part is cut, the parts after it are left out too, so what shows reads on.
    let isCut = false;
    const take = (lines: readonly string[], gap: number) => {
      if (lines.length === 0) return [];
      const kept = isCut || left - gap <= 0 ? [] : lines.slice(0, left - gap);
      isCut = kept.length < lines.length;
      left -= kept.length === 0 ? 0 : kept.length + gap;
      return kept;
    };
    const subtitle = take(details.subtitle, 0);
    const byline = take(details.byline, 1);
    const source = take(details.source, 0);
    const keptRows = subtitle.length + byline.length + source.length + (byline.length > 0 && subtitle.length > 0 ? 1 : 0);
    const hiddenLines = titleLines - titleRows + detailLines - subtitle.length - byline.length - source.length;
    return { title: { columns: area.columns, rows: titleRows }, details: { subtitle, byline, source, rows: keptRows }, hiddenLines };
  };
  const whole = fitIn(rows);
  return whole.hiddenLines === 0 || rows < 2 ? whole : fitIn(rows - 1);
}

/** Room for the big title of a section slide drawn in `columns` x `rows`, below its label. */
export function sectionSlideTitleArea(columns: number, rows: number): { columns: number; rows: number } {
  return { columns: columns - 2 * TITLE_PADDING_X, rows: Math.max(0, rows - 3) };
}
