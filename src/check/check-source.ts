import type { ParsedDeck } from '../deck/load-deck.js';
import type { PathSegment } from '../deck/field-path.js';
import { formatPath } from '../deck/field-path.js';
import { visibleText } from '../text/inline.js';
import type { Diagnostic } from '../deck/deck-error.js';

/** Fields that hold no prose: identifiers and settings, never quoted text. */
const NOT_PROSE = new Set(['id', 'duration', 'layout', 'reveal', 'theme']);

/** A passage in double quotes: straight quotes pair with straight ones, curly with curly. */
const QUOTED = /"([^"]+)"|“([^”]+)”/g;

/** A passage of the deck that must be found in the source, and where it is. */
export interface Quotation {
  /** The passage as the audience sees it (emphasis markers removed), without its quotation marks. */
  readonly text: string;
  /** Path of the field that holds it. */
  readonly path: readonly PathSegment[];
}

/**
 * Every quotation of a deck: each passage in double quotes (curly or straight) in any text of
 * the deck, and the whole of each `quote:` of a quote slide, in file order of their fields.
 */
export function quotationsOf(deck: unknown): Quotation[] {
  const quotations: Quotation[] = [];
  const walk = (value: unknown, path: PathSegment[]) => {
    if (typeof value === 'string') {
      const key = path.at(-1);
      if (typeof key === 'string' && NOT_PROSE.has(key)) return;
      const text = visibleText(value);
      if (key === 'quote') quotations.push({ text, path });
      else for (const match of text.matchAll(QUOTED)) quotations.push({ text: match[1] ?? match[2] ?? '', path });
    } else if (Array.isArray(value)) value.forEach((item, index) => walk(item, [...path, index]));
    else if (typeof value === 'object' && value !== null) for (const [key, item] of Object.entries(value)) walk(item, [...path, key]);
  };
  walk(deck, []);
  return quotations;
}

/**
 * Text as it is compared: every kind of double quotation mark as `"`, every apostrophe and
 * single quotation mark as `'`, every run of white space (line breaks included) as one space.
 */
export function comparable(text: string): string {
  return text
    .replace(/[\u201C\u201D\u201E\u201F\u2033\u00AB\u00BB"]/g, '"')
    .replace(/[\u2018\u2019\u201A\u201B\u2032']/g, "'")
    .replace(/\s+/g, ' ')
    .trim();
}

/**
 * Whether `passage` is in `source` word for word, as {@link checkSource} compares them: the
 * punctuation that closes or opens a quotation (`.`, `,`, `;`, `:`, `!`, `?`) is not part of
 * it, and its first letter may be of either case ("A new Asian structure" quotes "a new Asian
 * structure").
 */
export function isQuotedFrom(passage: string, source: string): boolean {
  return isQuotedIn(passage, comparable(source));
}

/** {@link isQuotedFrom} with the source already {@link comparable}, made so once for all passages. */
function isQuotedIn(passage: string, text: string): boolean {
  const words = comparable(passage).replace(/^[\s.,;:!?]+|[\s.,;:!?]+$/g, '');
  if (words === '') return true;
  const first = words.charAt(0);
  const rest = words.slice(1);
  return text.includes(first.toLowerCase() + rest) || text.includes(first.toUpperCase() + rest);
}

/**
 * `inkdeck check --source FILE`: an error for every quotation of the deck (see
 * {@link quotationsOf}) that `source` does not hold word for word ({@link isQuotedFrom}), at the
 * passage where the field writes it as shown, else at the field. Guards a talk that condenses a
 * text against misquoting it.
 *
 * @param file - The deck's name, as findings show it; `sourceName` the source's.
 */
export function checkSource(
  parsed: ParsedDeck,
  file: string,
  source: string,
  sourceName: string,
): (Diagnostic & { readonly severity: 'error' })[] {
  const text = comparable(source);
  return quotationsOf(parsed.deck)
    .filter((quotation) => !isQuotedIn(quotation.text, text))
    .map((quotation) => ({
      file,
      ...parsed.positionOfText(quotation.path, quotation.text.slice(0, 24)),
      path: formatPath(quotation.path),
      message: `"${quotation.text}" is not in ${sourceName} word for word: quote the source exactly (case of the first letter, line breaks and the kind of quotation marks aside)`,
      severity: 'error' as const,
    }));
}
