import cfonts from 'cfonts';
import cfontsSize from 'cfonts/lib/Size.js';
import stringWidth from 'string-width';

/** cfonts fonts to try, biggest first; all draw the same character set. */
export const BIG_TEXT_FONTS = ['block', 'simple', 'tiny'] as const;
export type BigTextFont = (typeof BIG_TEXT_FONTS)[number];

/**
 * Options passed to cfonts, both to measure and (through ink-big-text) to draw, so the measured
 * size is the drawn size. `colors: ['system']` emits no colour codes; colour comes from Ink.
 * `spaceless` drops the blank lines cfonts puts above and below a drawing.
 */
export const BIG_TEXT_OPTIONS = {
  align: 'left',
  colors: ['system'],
  background: 'transparent',
  letterSpacing: 1,
  lineHeight: 1,
  // cfonts 3 calls this option `spaceless`; ink-big-text still documents the old `space`.
  spaceless: true,
  maxLength: 0,
} as const;

/**
 * Characters every cfonts font can draw (cfonts `CHARS` minus `|`, its line break). cfonts
 * silently drops anything else, so a title containing another character must not be drawn big.
 */
const DRAWABLE = /^[A-Za-z0-9!?.+\-_=@#$%&()/:;,'" ]+$/;

/** Whether cfonts can draw every character of `text` (else it would silently drop some). */
export function isDrawable(text: string): boolean {
  return DRAWABLE.test(text);
}

/** A title laid out in big text: the font and the text of each line, with its size. */
export interface BigTextLayout {
  readonly font: BigTextFont;
  /** Text of each big-text line; joined with `|` for cfonts. */
  readonly lines: readonly string[];
  /** Width of the widest drawn line, in columns. */
  readonly width: number;
  /** Height of the drawing, in rows. */
  readonly height: number;
}

/**
 * The terminal size cfonts breaks lines at, passed to every drawing of ours: line breaking is
 * ours ({@link fitBigText}), and cfonts' own default is the terminal it measured when it was
 * first imported, which would make a drawing depend on the host terminal. cfonts' `Render` takes
 * the size as its fifth argument, so nothing of cfonts is changed for other users of it.
 */
const UNBOUNDED_SIZE = { width: Number.MAX_SAFE_INTEGER, height: Number.MAX_SAFE_INTEGER };

type CfontsRender = (
  text: string,
  options: object,
  debug: boolean | undefined,
  debugLevel: number | undefined,
  size: typeof UNBOUNDED_SIZE,
) => false | { array: string[]; string: string };

const drawings = new Map<string, readonly string[]>();

/**
 * The rows cfonts draws for `text` in `font` with {@link BIG_TEXT_OPTIONS}, never broken by
 * cfonts. Remembered: a drawing depends only on its text and font (colours are `system`, which
 * draws no colour codes), and (debugging left as the host set it) cfonts draws from scratch on every call, asking supports-color
 * about the terminal for every character.
 */
export function drawBigText(text: string, font: BigTextFont): readonly string[] {
  const key = `${font}\u0000${text}`;
  let drawing = drawings.get(key);
  if (drawing === undefined) {
    const result = (cfonts.render as unknown as CfontsRender)(text, { ...BIG_TEXT_OPTIONS, font }, undefined, undefined, UNBOUNDED_SIZE);
    drawing = result === false ? [] : result.array;
    drawings.set(key, drawing);
  }
  return drawing;
}

/**
 * Whether cfonts, called without a size as ink-big-text calls it, draws a line `width` columns
 * wide on one line: it breaks lines wider than the terminal it measured when first imported
 * (cfonts `lib/Size.js`, read at import from the `window-size` package).
 */
export function cfontsDrawsOnOneLine(width: number): boolean {
  return width <= cfontsSize.Size.width;
}

function widthOf(rows: readonly string[]): number {
  return rows.reduce((widest, row) => Math.max(widest, stringWidth(row)), 0);
}

const characterWidths = new Map<string, number>();

/**
 * Width of `text` drawn in `font`, in columns, without drawing it: cfonts draws each character
 * with its letter spacing after it, so a line is exactly as wide as the sum of its characters
 * drawn alone (checked for every font used, in tests). Each character is drawn once per font.
 */
function measure(text: string, font: BigTextFont): number {
  let width = 0;
  for (const character of text.toUpperCase()) {
    const key = `${font}\u0000${character}`;
    let characterWidth = characterWidths.get(key);
    if (characterWidth === undefined) {
      characterWidth = widthOf(drawBigText(character, font));
      characterWidths.set(key, characterWidth);
    }
    width += characterWidth;
  }
  return width;
}

/**
 * Chooses the biggest font in which `text` fits `columns` x `rows`, breaking it between words
 * (never inside one) as needed.
 *
 * @param text - The title; whitespace runs count as one break opportunity.
 * @param columns - Width available, in columns.
 * @param rows - Height available, in rows.
 * @returns The layout, or `undefined` when the title must be shown as plain text instead: it
 *   has a character cfonts cannot draw (accents, CJK, curly quotes, emoji) or fits in no font.
 */
export function fitBigText(text: string, columns: number, rows: number): BigTextLayout | undefined {
  const words = text.trim().split(/\s+/);
  if (words.length === 0 || words[0] === '' || !isDrawable(text)) return undefined;

  for (const font of BIG_TEXT_FONTS) {
    const lines: string[] = [];
    let fits = true;
    for (const word of words) {
      const current = lines[lines.length - 1];
      const joined = current === undefined ? word : `${current} ${word}`;
      if (current !== undefined && measure(joined, font) <= columns) {
        lines[lines.length - 1] = joined;
      } else if (measure(word, font) <= columns) {
        lines.push(word);
      } else {
        fits = false;
        break;
      }
    }
    if (!fits) continue;
    const fontRows = drawBigText('A', font).length;
    const height = lines.length * fontRows + (lines.length - 1) * BIG_TEXT_OPTIONS.lineHeight;
    if (height <= rows) return { font, lines, width: Math.max(...lines.map((line) => measure(line, font))), height };
  }
  return undefined;
}
