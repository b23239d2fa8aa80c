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
