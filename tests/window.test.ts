import { describe, expect, it } from 'vitest';
import { lineWindow, sharedMarker, type LineWindow } from '../src/layout/window.js';

type Shape = Pick<LineWindow, 'start' | 'end' | 'maxScroll'>;

describe("lineWindow without markers, the notes pane's window", () => {
  // Rows are the pane's 10 less its chrome of 3.
  it.each<[string, number, number, number, Shape]>([
    ['lines that fit', 5, 10, 0, { start: 0, end: 5, maxScroll: 0 }],
    ['scrolled though they fit: nothing moves', 5, 10, 3, { start: 0, end: 5, maxScroll: 0 }],
    ['more lines than the 7 in sight', 20, 10, 0, { start: 0, end: 7, maxScroll: 13 }],
    ['scrolled part way', 20, 10, 4, { start: 4, end: 11, maxScroll: 13 }],
    ['scrolled past the end: the last lines', 20, 10, 99, { start: 13, end: 20, maxScroll: 13 }],
    ['scrolled back past the top', 20, 10, -5, { start: 0, end: 7, maxScroll: 13 }],
    ['a pane with no room inside its border', 20, 2, 0, { start: 0, end: 0, maxScroll: 20 }],
  ])('%s', (_name, lineCount, rows, scroll, window) => {
    const plain = lineWindow(lineCount, Math.max(0, rows - 3), { scroll }, { hasMarkers: false });
    expect(plain).toMatchObject(window);
    expect(plain).toMatchObject({ hasTopMarker: false, hasBottomMarker: false, hasSharedMarker: false });
  });

  it('pages by the lines in sight less one', () => {
    expect(lineWindow(20, 7, { scroll: 0 }, { hasMarkers: false }).page).toBe(6);
  });
});

describe('lineWindow with markers, scrolled', () => {
  type Expected = Pick<LineWindow, 'start' | 'end' | 'hasTopMarker' | 'hasBottomMarker' | 'hasSharedMarker'>;
  const shown = (start: number, end: number, top: boolean, bottom: boolean, shared = false): Expected => ({
    start,
    end,
    hasTopMarker: top,
    hasBottomMarker: bottom,
    hasSharedMarker: shared,
  });
  it.each<[string, number, number, number, Expected]>([
    ['all fit: no marker', 5, 7, 0, shown(0, 5, false, false)],
    ['at the top: lines, then the marker below', 20, 7, 0, shown(0, 6, false, true)],
    ['part way: a marker at each end', 20, 7, 4, shown(4, 9, true, true)],
    ['at the end: the marker above, then the last lines', 20, 7, 99, shown(14, 20, true, false)],
    ['two rows: the line and one marker for both ends', 20, 2, 5, shown(5, 6, false, false, true)],
    ['two rows at the end: the last line, and the marker says what is above', 20, 2, 99, shown(19, 20, false, false, true)],
    ['one row: the marker alone', 20, 1, 0, shown(0, 0, false, true)],
    ['one row at the end: the last line', 20, 1, 99, shown(19, 20, false, false)],
    ['no rows: nothing', 20, 0, 0, shown(0, 0, false, false)],
  ])('%s', (_name, count, rows, scroll, expected) => {
    expect(lineWindow(count, rows, { scroll })).toMatchObject(expected);
  });

  it('never takes more rows than it has, and from two rows a marker counts every line out of sight', () => {
    for (let count = 0; count <= 30; count += 1) {
      for (let rows = 0; rows <= 12; rows += 1) {
        for (let scroll = -2; scroll <= count + 2; scroll += 1) {
          const window = lineWindow(count, rows, { scroll });
          const markers = Number(window.hasTopMarker) + Number(window.hasBottomMarker) + Number(window.hasSharedMarker);
          expect(window.end - window.start + markers).toBeLessThanOrEqual(rows);
          expect(window.above).toBe(window.start);
          expect(window.below).toBe(count - window.end);
          // With one row, the marker alone or the last line alone: that is all a row holds.
          if (rows > 1 && window.above > 0) expect(window.hasTopMarker || window.hasSharedMarker).toBe(true);
          if (rows > 1 && window.below > 0) expect(window.hasBottomMarker || window.hasSharedMarker).toBe(true);
          if (rows === 1 && window.end === window.start) expect(window.hasBottomMarker).toBe(count > 0);
          // Scrolled as far as it goes, the last line shows.
          if (rows > 0) expect(lineWindow(count, rows, { scroll: window.maxScroll }).end).toBe(count);
        }
      }
    }
  });
});

describe('sharedMarker', () => {
  it.each([
    [9, 8, '⋯ ↑ 9 · ↓ 8'],
    [0, 8, '⋯ ↓ 8'],
    [9, 0, '⋯ ↑ 9'],
  ])('%i above and %i below: %s', (above, below, text) => {
    expect(sharedMarker({ ...lineWindow(above + below + 1, 2, { scroll: above }), above, below })).toBe(text);
  });
});
