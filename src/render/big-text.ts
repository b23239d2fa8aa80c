import cfonts from 'cfonts';
import cfontsSize from 'cfonts/lib/Size.js';
import stringWidth from 'string-width';

// cfonts breaks lines where the terminal it measured *at import* ends, which makes its output
// depend on the host terminal and go stale after a resize. Line breaking is ours (below), so
// widen cfonts' idea of the terminal until it never breaks a line on its own.
(cfontsSize.Size as { width: number }).width = Number.MAX_SAFE_INTEGER;

// cfonts draws from scratch on every call, asking supports-color (which reads the environment)
// about the terminal for every character, and ink-big-text calls it on every render of a title:
// about 0.5 ms of each key press onto a big-title slide in a CPU profile (issue #7). With the
// width fixed above, a drawing depends only on its text and options (colours are `system`, which
// draws no colour codes), so each one is remembered, for ink-big-text's calls and for ours.
const renderUncached = cfonts.render;
const drawings = new Map<string, ReturnType<typeof renderUncached>>();
cfonts.render = (text: string, options?: object, ...rest: unknown[]) => {
  if (rest.length > 0) return (renderUncached as (...args: unknown[]) => ReturnType<typeof renderUncached>)(text, options, ...rest);
  const key = `${text}\u0000${JSON.stringify(options)}`;
  let drawing = drawings.get(key);
  if (drawing === undefined) {
    drawing = renderUncached(text, options);
    drawings.set(key, drawing);
  }
  return drawing;
};

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

/** The rows cfonts draws for `text` in `font` (remembered, as every drawing is; see above). */
export function drawBigText(text: string, font: BigTextFont): readonly string[] {
  const result = cfonts.render(text, { ...BIG_TEXT_OPTIONS, font }) as false | { array: string[] };
  return result === false ? [] : result.array;
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
