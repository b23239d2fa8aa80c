/**
 * Rows of the terminal the app leaves empty at the bottom. Ink clears the whole screen and the
 * scrollback on every redraw once its output is as tall as the terminal (ink/src/ink.tsx,
 * "outputHeight >= stdout.rows"), which flickers on each key press; one spare row avoids that.
 */
export const RESERVED_ROWS = 1;

/** Frames narrower or shorter than this show a "terminal too small" notice instead, in columns/rows. */
export const MIN_COLUMNS = 20;
export const MIN_ROWS = 6;

/** Terminal width from which speaker notes go beside the slide instead of below it, in columns. */
export const NOTES_BESIDE_MIN_COLUMNS = 110;

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
  const bodyRows = Math.max(0, rows - 1);
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

/**
 * Room for the big title of a title slide drawn in `columns` x `rows`: the slide less its
 * padding, its subtitle, byline and source lines and the gaps between them.
 */
export function titleSlideTitleArea(
  details: { readonly subtitle?: string; readonly hasByline: boolean; readonly source?: string },
  columns: number,
  rows: number,
): { columns: number; rows: number } {
  const detailRows = (details.subtitle ? 2 : 0) + (details.hasByline ? 2 : 0) + (details.source ? 1 : 0);
  return { columns: columns - 2 * TITLE_PADDING_X, rows: Math.max(0, rows - detailRows - 2) };
}

/** Room for the big title of a section slide drawn in `columns` x `rows`, below its label. */
export function sectionSlideTitleArea(columns: number, rows: number): { columns: number; rows: number } {
  return { columns: columns - 2 * TITLE_PADDING_X, rows: Math.max(0, rows - 3) };
}
