/**
 * A string-width that remembers what it measured.
 *
 * string-width splits a string into graphemes (Intl.Segmenter) and tests each against Unicode
 * property patterns, and Ink and the libraries under it (widest-line, cli-truncate, slice-ansi,
 * wrap-ansi) measure the texts of every frame again: the rows of a big title, the progress bar.
 * The bundle gives each of those importers its own string-width wrapped by {@link rememberWidths}
 * (scripts/bundle-app.mjs, rememberedStringWidth), so each keeps the version it asked for.
 *
 * Measured on the 2-core development machine, Node 24.21, Ink 8.0, 50 presses between slides,
 * 4 interleaved rounds (bench/run.mjs's method), with the ansi-tokenize shortcuts of
 * ./ansi-tokenize-shortcuts.ts: both together took key to frame from a median of 5.8 to 4.5 ms
 * on big-title slides and 4.3 to 3.5 ms on content slides, and the first ten presses after start
 * from 131 to 118 ms in all; each alone bought about half of that. tests/patches.e2e.test.ts fails
 * when the pinned libraries no longer import string-width, and checks the widths are the same.
 */

/** string-width's call: the width of `text` in terminal columns; `options` as string-width takes them. */
export type StringWidth = (text: string, options?: object) => number;

/** Most widths kept before the memory starts again, empty: a frame's texts are far fewer. */
export const REMEMBERED_WIDTHS = 10_000;

/**
 * `stringWidth` remembering each string's width. A width depends on the string alone; a call
 * with options, or with something other than a string, goes straight through.
 */
export function rememberWidths(stringWidth: StringWidth): StringWidth {
  const memory = new Map<string, number>();
  return function rememberedStringWidth(text, options) {
    if (options !== undefined || typeof text !== 'string') return stringWidth(text, options);
    let width = memory.get(text);
    if (width === undefined) {
      width = stringWidth(text);
      if (memory.size >= REMEMBERED_WIDTHS) memory.clear();
      memory.set(text, width);
    }
    return width;
  };
}
