/**
 * Shortcuts in @alcalzone/ansi-tokenize, which Ink 8 calls for every row of every frame.
 *
 * - Ink turns every row it draws into styled characters (`tokenize`, then
 *   `styledCharsFromTokens`) and keeps them for that frame only, though a slide's rows are the
 *   same from one key press to the next: both results are remembered (each depends on its input
 *   alone, and Ink only reads them).
 * - Ink writes every row with `styledCharsToString`, which for each cell asks `diffAnsiCodes`
 *   which styles change from the cell before (three new Sets, four arrays) and writes them with
 *   `ansiCodesToString` (one more Set). Most neighbours carry the very same style objects; then
 *   the answer is no change, written as nothing, without working it out.
 *
 * The bundle substitutes these for the package's own (scripts/bundle-app.mjs,
 * ansiTokenizeShortcuts). Measured with ./remembered-string-width.ts (its comment has the
 * figures). tests/patches.e2e.test.ts fails when the pinned package or Ink no longer calls these
 * functions as substituted, and checks that the results are the same.
 */

/** A style code of ansi-tokenize, as it compares them: by identity and by `code`. */
export interface AnsiCode {
  readonly code: string;
  readonly endCode: string;
}

/** Most inputs remembered before the memory starts again, empty. */
export const REMEMBERED_ROWS = 10_000;

/** `tokenize` remembering its result for each text; a call with `endChar` goes straight through. */
export function rememberTokenize<Token>(
  tokenize: (text: string, endChar?: number) => Token[],
): (text: string, endChar?: number) => Token[] {
  const memory = new Map<string, Token[]>();
  return function rememberedTokenize(text, endChar) {
    if (endChar !== undefined) return tokenize(text, endChar);
    let tokens = memory.get(text);
    if (tokens === undefined) {
      tokens = tokenize(text);
      if (memory.size >= REMEMBERED_ROWS) memory.clear();
      memory.set(text, tokens);
    }
    return tokens;
  };
}

/** `styledCharsFromTokens` remembering its result for each array of tokens (as `tokenize` gave it). */
export function rememberStyledChars<Token extends object, Char>(
  styledCharsFromTokens: (tokens: Token[]) => Char[],
): (tokens: Token[]) => Char[] {
  const memory = new WeakMap<Token[], Char[]>();
  return function rememberedStyledChars(tokens) {
    let characters = memory.get(tokens);
    if (characters === undefined) {
      characters = styledCharsFromTokens(tokens);
      memory.set(tokens, characters);
    }
    return characters;
  };
}

const NO_CHANGE: readonly AnsiCode[] = Object.freeze([]);

/** `diffAnsiCodes` answering "no change" at once when both cells hold the very same codes. */
export function shortcutDiff(
  diffAnsiCodes: (from: AnsiCode[], to: AnsiCode[]) => AnsiCode[],
): (from: AnsiCode[], to: AnsiCode[]) => AnsiCode[] {
  return function diffUnlessSame(from, to) {
    if (from.length === to.length && from.every((code, index) => code === to[index])) return NO_CHANGE as AnsiCode[];
    return diffAnsiCodes(from, to);
  };
}

/** `ansiCodesToString` writing no codes as the empty string without building a Set. */
export function shortcutToString(ansiCodesToString: (codes: AnsiCode[]) => string): (codes: AnsiCode[]) => string {
  return function codesToString(codes) {
    return codes.length === 0 ? '' : ansiCodesToString(codes);
  };
}
