import { PANE_CHROME_COLUMNS, PANE_CHROME_ROWS } from './chrome.js';

/** Rows an overlay's border and header take, above and below its lines. */
export const OVERLAY_CHROME_ROWS = PANE_CHROME_ROWS;

/** Columns an overlay's round border and its padding of one column each side take. */
export const OVERLAY_BORDER_COLUMNS = PANE_CHROME_COLUMNS;

/** Which of its lines an overlay shows, and how many are out of sight either side. */
export interface OverlayWindow {
  /** Index of the first line shown. */
  readonly start: number;
  /** Index after the last line shown. */
  readonly end: number;
  readonly above: number;
  readonly below: number;
  /** Largest useful scroll: the one that shows the last line. */
  readonly maxScroll: number;
  /** Lines one scroll key moves: the lines shown less one, kept in sight for context. */
  readonly page: number;
  /** Whether a row above the lines says how many are hidden above. */
  readonly hasTopMarker: boolean;
}

/**
 * The window onto `lineCount` lines in an overlay `rows` tall (the help or the error list: a
 * bordered box with a header row), scrolled `scroll` lines down (clamped). A marker row takes
 * the place of a line at the bottom when lines are hidden below, and at the top when lines are
 * hidden above and there are three rows or more (with fewer, the lines themselves matter more).
 * Lines and markers never take more than the rows there are.
 */
export function overlayWindow(lineCount: number, rows: number, scroll: number): OverlayWindow {
  const visible = Math.max(0, rows - OVERLAY_CHROME_ROWS);
  if (lineCount <= visible) return { start: 0, end: lineCount, above: 0, below: 0, maxScroll: 0, page: 1, hasTopMarker: false };
  const hasRoomForTopMarker = visible >= 3;
  // Scrolled to the end: the top marker, if any, and the last lines fill the area.
  const maxScroll = Math.max(0, lineCount - Math.max(1, visible - (hasRoomForTopMarker ? 1 : 0)));
  const start = Math.min(Math.max(0, scroll), maxScroll);
  const hasTopMarker = start > 0 && hasRoomForTopMarker;
  const room = Math.max(0, visible - (hasTopMarker ? 1 : 0));
  const end = lineCount - start <= room ? lineCount : start + Math.max(0, room - 1);
  return { start, end, above: start, below: lineCount - end, maxScroll, page: Math.max(1, end - start - 1), hasTopMarker };
}

/** Which of its lines a pane without markers shows: the notes pane, whose header says the range. */
export interface PlainWindow {
  /** Index of the first line shown. */
  readonly start: number;
  /** Index after the last line shown. */
  readonly end: number;
  /** Largest useful scroll: the one that shows the last line. */
  readonly maxScroll: number;
}

/**
 * The window onto `lineCount` lines in a pane `rows` tall (a bordered box with a header row,
 * PANE_CHROME_ROWS), scrolled `scroll` lines down, clamped so the last line is never scrolled
 * past the bottom.
 */
export function plainWindow(lineCount: number, rows: number, scroll: number): PlainWindow {
  const visible = Math.max(0, rows - PANE_CHROME_ROWS);
  const maxScroll = Math.max(0, lineCount - visible);
  const start = Math.min(Math.max(0, scroll), maxScroll);
  return { start, end: Math.min(lineCount, start + visible), maxScroll };
}

/** Which overview entries show, and how many are hidden above and below them. */
export interface OverviewWindow {
  /** First entry shown, 0-based. */
  readonly start: number;
  /** One past the last entry shown. */
  readonly end: number;
  /** Entries hidden above and below; each non-zero count takes a marker row when rows >= 3. */
  readonly above: number;
  readonly below: number;
}

/**
 * The window onto `count` overview entries in `rows` rows, keeping entry `cursor` in view and
 * centred where possible. When entries are hidden and there are three rows or more, a marker row
 * (`⋯ 4 more slides above`, `⋯ 12 more slides`) takes the place of an entry at that end, and
 * hides two entries or more. With two rows, the highlighted entry shows with one marker row for
 * both ends (`⋯ ↑ 8 · ↓ 9`, more slides above and below); with one, the entry alone.
 */
export function overviewWindow(count: number, rows: number, cursor: number): OverviewWindow {
  const window = (start: number, entries: number): OverviewWindow => ({
    start,
    end: start + entries,
    above: start,
    below: count - start - entries,
  });
  if (count <= rows) return window(0, count);
  // Two rows: the highlighted entry and one marker row for both ends. One row: the entry.
  if (rows < 3) return window(cursor, 1);
  // Both markers shown: the entries between them, centred on the cursor.
  const between = rows - 2;
  const start = cursor - Math.floor(between / 2);
  // Near an end, that end's marker goes, and its row shows an entry: a marker never stands in
  // for a single entry it could have shown.
  if (start <= 1) return window(0, rows - 1);
  if (start + between >= count - 1) return window(count - (rows - 1), rows - 1);
  return window(start, between);
}

/** The overview's window in its pane, with the rows its entries and markers have inside the pane's chrome. */
export interface OverviewPaneWindow extends OverviewWindow {
  /** Rows for entries and markers: the pane's rows less its chrome (PANE_CHROME_ROWS), at least one. */
  readonly entryRows: number;
}

/** The overview's window in a pane `rows` tall (border and header included), keeping entry `cursor` in view. */
export function overviewPaneWindow(count: number, rows: number, cursor: number): OverviewPaneWindow {
  const entryRows = Math.max(1, rows - PANE_CHROME_ROWS);
  return { ...overviewWindow(count, entryRows, cursor), entryRows };
}
