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
