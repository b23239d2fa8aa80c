/**
 * The one rule for what a scrolling region shows when its lines do not all fit: the help, the
 * error list, the speaker notes, the overview, a content slide's bullets and the presenter's
 * small slides all take their window from {@link lineWindow}, computed before anything is drawn,
 * so that what a key scrolls is what is drawn.
 */

/** Where a window onto lines stands. */
export type WindowAnchor =
  /** Scrolled this many lines down (clamped to the lines there are): the help, the error list, the notes, a slide from its top. */
  | { readonly scroll: number }
  /** Around this line, kept in sight and centred where possible: the overview's highlight. */
  | { readonly keep: number };

/** Which of its lines a region shows, and the marker rows that stand for the lines out of sight. */
export interface LineWindow {
  /** Index of the first line shown. */
  readonly start: number;
  /** Index after the last line shown. */
  readonly end: number;
  /** Lines out of sight above and below the window. */
  readonly above: number;
  readonly below: number;
  /** Largest useful scroll: the one that shows the last line. */
  readonly maxScroll: number;
  /** Lines one scroll key moves: the lines shown less one, kept in sight for context; at least 1. */
  readonly page: number;
  /** A marker row above the lines (`⋯ 9 more lines above`). */
  readonly hasTopMarker: boolean;
  /** A marker row below the lines (`⋯ 4 more lines`). */
  readonly hasBottomMarker: boolean;
  /** One marker row below the line for both ends (`⋯ ↑ 9 · ↓ 8`): a region of two rows. */
  readonly hasSharedMarker: boolean;
}

/**
 * The window onto `count` lines in a region of `rows` rows (inside any border and header).
 *
 * Without markers (`hasMarkers: false`, for a pane whose header says the range itself) the
 * lines fill the rows and the scroll stops when the last line is at the bottom.
 *
 * With markers, when the lines do not all fit, a marker row takes the place of a line:
 * - three rows or more: one below when lines are hidden below, one above when hidden above;
 * - two rows: the line and one marker row for both ends;
 * - one row: the marker alone, or the line alone when it is the last one or the line to keep
 *   (the overview's highlight must stay in sight).
 *
 * Anchored to keep a line, the window centres it, but a marker never stands for a single line it
 * could have shown: near an end, the window moves to that end. Lines and markers never take more
 * than `rows` rows.
 */
export function lineWindow(count: number, rows: number, anchor: WindowAnchor, { hasMarkers = true } = {}): LineWindow {
  const room = Math.max(0, rows);
  const window = (start: number, end: number, maxScroll: number, markers: { top?: boolean; bottom?: boolean; shared?: boolean } = {}) => ({
    start,
    end,
    above: start,
    below: count - end,
    maxScroll,
    page: Math.max(1, end - start - 1),
    hasTopMarker: markers.top ?? false,
    hasBottomMarker: markers.bottom ?? false,
    hasSharedMarker: markers.shared ?? false,
  });
  const clamp = (line: number, max: number) => Math.min(Math.max(0, line), max);
  if (count <= room) return window(0, count, 0);
  if (!hasMarkers) {
    const maxScroll = count - room;
    const start = 'scroll' in anchor ? clamp(anchor.scroll, maxScroll) : clamp(anchor.keep - Math.floor(room / 2), maxScroll);
    return window(start, start + room, maxScroll);
  }
  if (room === 0) return window(0, 0, count);
  if (room === 1) {
    const start = clamp('scroll' in anchor ? anchor.scroll : anchor.keep, count - 1);
    const isLineShown = 'keep' in anchor || start === count - 1;
    return window(start, isLineShown ? start + 1 : start, count - 1, { bottom: !isLineShown });
  }
  if (room === 2) {
    const start = clamp('scroll' in anchor ? anchor.scroll : anchor.keep, count - 1);
    return window(start, start + 1, count - 1, { shared: true });
  }
  // Scrolled to the end, the top marker and the last lines fill the rows.
  const maxScroll = count - (room - 1);
  let start: number;
  if ('scroll' in anchor) start = clamp(anchor.scroll, maxScroll);
  else {
    // Both markers shown, the lines between them centred on the one kept; near an end, that end.
    const centred = anchor.keep - Math.floor((room - 2) / 2);
    start = centred <= 1 ? 0 : clamp(centred, maxScroll);
  }
  const hasTopMarker = start > 0;
  const lines = room - (hasTopMarker ? 1 : 0);
  const end = count - start <= lines ? count : start + lines - 1;
  return window(start, end, maxScroll, { top: hasTopMarker, bottom: end < count });
}

/** The marker row of a two-row window, for both ends: `⋯ ↑ 9 · ↓ 8` (arrows, not words: it may have 16 columns). */
export function sharedMarker(window: LineWindow): string {
  const hidden = [window.above > 0 ? `↑ ${window.above}` : '', window.below > 0 ? `↓ ${window.below}` : ''].filter((part) => part !== '');
  return `⋯ ${hidden.join(' · ')}`;
}
