/**
 * The chrome of a pane: the overlays (help, overview, error list), the notes pane and the
 * presenter's panes are each a box with Ink's round border and a header line, most with one
 * column of padding each side. Every size that depends on it is derived from these, once.
 */

/** Columns a pane's border takes: one each side. */
export const PANE_BORDER_COLUMNS = 2;

/** Columns a pane's border and its padding take: one of each, each side. */
export const PANE_CHROME_COLUMNS = PANE_BORDER_COLUMNS + 2;

/** Rows a pane's border (above and below) and its header line take. */
export const PANE_CHROME_ROWS = 3;

/** A size on the screen, in columns and rows. */
export interface Size {
  readonly columns: number;
  readonly rows: number;
}

/** A pane laid out: its size, and the room its header and its lines have inside its chrome. */
export interface PaneLayout {
  /** The whole pane, border included, in columns and rows. */
  readonly size: Size;
  /** Columns of the header row, inside the border and a column of padding each side. */
  readonly headerColumns: number;
  /** The area under the header for the pane's lines, inside the border (and the padding, when the pane has it). */
  readonly inner: Size;
}

/**
 * A pane of `size` (border included): the header row has the width inside the border and its
 * padding; the lines below it have that width too, or the width inside the border alone for an
 * unpadded pane (`isPadded: false`), whose contents keep their own margins (a slide in small type).
 */
export function layoutPane(size: Size, { isPadded = true } = {}): PaneLayout {
  return {
    size,
    headerColumns: Math.max(0, size.columns - PANE_CHROME_COLUMNS),
    inner: {
      columns: Math.max(0, size.columns - (isPadded ? PANE_CHROME_COLUMNS : PANE_BORDER_COLUMNS)),
      rows: Math.max(0, size.rows - PANE_CHROME_ROWS),
    },
  };
}
