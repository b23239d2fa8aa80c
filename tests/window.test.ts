import { describe, expect, it } from 'vitest';
import { plainWindow } from '../src/layout/window.js';

describe("plainWindow, the notes pane's window", () => {
  it.each([
    ['lines that fit', 5, 10, 0, { start: 0, end: 5, maxScroll: 0 }],
    ['scrolled though they fit: nothing moves', 5, 10, 3, { start: 0, end: 5, maxScroll: 0 }],
    ['more lines than the 7 in sight', 20, 10, 0, { start: 0, end: 7, maxScroll: 13 }],
    ['scrolled part way', 20, 10, 4, { start: 4, end: 11, maxScroll: 13 }],
    ['scrolled past the end: the last lines', 20, 10, 99, { start: 13, end: 20, maxScroll: 13 }],
    ['scrolled back past the top', 20, 10, -5, { start: 0, end: 7, maxScroll: 13 }],
    ['a pane with no room inside its border', 20, 2, 0, { start: 0, end: 0, maxScroll: 20 }],
  ])('%s', (_name, lineCount, rows, scroll, window) => {
    expect(plainWindow(lineCount, rows, scroll)).toEqual(window);
  });
});
