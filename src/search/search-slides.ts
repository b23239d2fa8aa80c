import { itemsOf, type Slide } from '../deck/slides.js';
import { visibleText } from '../text/inline.js';

/** A stretch of a text, `start` to `end` (UTF-16 indices, end excluded). */
export interface TextRange {
  readonly start: number;
  readonly end: number;
}

/** A text of a slide as shown (emphasis markers removed), and where the query matches in it. */
export interface MarkedText {
  readonly text: string;
  /** In order, not overlapping; empty when the query is not in the text. */
  readonly matches: readonly TextRange[];
}

/** A slide the query is found on. */
export interface SearchResult {
  /** The slide, 0-based. */
  readonly slide: number;
  /** Its title, with any match in it marked. */
  readonly title: MarkedText;
  /** The first of its other texts the query is in (a bullet, a column, the quote, an event, the notes), if any. */
  readonly hit?: MarkedText & { readonly isNotes: boolean };
}

/** Curly and other typographic quotation marks, searched as the straight ones a keyboard types. */
const QUOTES: Readonly<Record<string, string>> = {
  '\u201C': '"',
  '\u201D': '"',
  '\u201E': '"',
  '\u201F': '"',
  '\u00AB': '"',
  '\u00BB': '"',
  '\u2018': "'",
  '\u2019': "'",
  '\u201A': "'",
  '\u201B': "'",
};

/**
 * `text` folded for search: lower case, and accents dropped by Unicode canonical decomposition
 * (NFD) less its combining marks (General Category M), and typographic quotation marks as
 * straight ones, so `pax` finds `Pax`, `etats` finds `États` and `"new model"` finds `“new model”`. `origins[i]` is the index in `text` of the character folded character `i` came from.
 */
export function foldForSearch(text: string): { readonly folded: string; readonly origins: readonly number[] } {
  let folded = '';
  const origins: number[] = [];
  let index = 0;
  for (const character of text) {
    const plain = (QUOTES[character] ?? character).normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
    for (let i = 0; i < plain.length; i += 1) origins.push(index);
    folded += plain;
    index += character.length;
  }
  origins.push(index);
  return { folded, origins };
}

/** Where `query` (already folded) is in `text`, every occurrence, as ranges of `text`. */
export function findMatches(text: string, foldedQuery: string): TextRange[] {
  if (foldedQuery === '') return [];
  const { folded, origins } = foldForSearch(text);
  const matches: TextRange[] = [];
  let at = folded.indexOf(foldedQuery);
  while (at !== -1) {
    const start = origins[at] ?? 0;
    // The end of a match in the middle of a folded character is the end of that character.
    let end = origins[at + foldedQuery.length] ?? text.length;
    if (end <= start) end = origins.find((origin) => origin > start) ?? text.length;
    matches.push({ start, end });
    at = folded.indexOf(foldedQuery, at + foldedQuery.length);
  }
  return matches;
}

/** The texts of a slide the search looks in besides its title, in the order they are shown. */
function textsOf(slide: Slide): string[] {
  switch (slide.kind) {
    case 'title':
      return [slide.subtitle, slide.author, slide.date].filter((text): text is string => text !== undefined);
    case 'section':
      return [];
    case 'content': {
      const { body } = slide;
      if (body.layout === 'columns') return body.columns.flatMap((column) => [column.heading, ...column.bullets]);
      if (body.layout === 'quote') return [body.quote, ...(body.by === undefined ? [] : [body.by])];
      if (body.layout === 'statement') return [body.statement];
      return itemsOf(body);
    }
  }
}

/** Runs of white space, which a one-line result shows as one space. */
function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/**
 * The slides `query` is found on, in deck order: case-insensitive, accents folded (see
 * foldForSearch), in the slide titles, the title slide's subtitle, author and date, bullets,
 * column headings and bullets, quotes and their attribution, statements, timeline events, and
 * with `isNotesSearched` (the presenter view) the speaker notes. Text is searched as it is shown:
 * `**bold**` is found as `bold`. A query of white space alone finds nothing.
 */
export function searchSlides(slides: readonly Slide[], query: string, { isNotesSearched = false } = {}): SearchResult[] {
  const foldedQuery = foldForSearch(oneLine(query)).folded;
  if (foldedQuery === '') return [];
  const shown = (text: string) => oneLine(visibleText(text));
  const results: SearchResult[] = [];
  slides.forEach((slide, index) => {
    const titleText = shown(slide.title);
    const title = { text: titleText, matches: findMatches(titleText, foldedQuery) };
    let hit: SearchResult['hit'];
    for (const text of textsOf(slide)) {
      const line = shown(text);
      const matches = findMatches(line, foldedQuery);
      if (matches.length > 0) {
        hit = { text: line, matches, isNotes: false };
        break;
      }
    }
    if (hit === undefined && isNotesSearched && slide.notes !== undefined) {
      const line = shown(slide.notes);
      const matches = findMatches(line, foldedQuery);
      if (matches.length > 0) hit = { text: line, matches, isNotes: true };
    }
    if (title.matches.length > 0 || hit !== undefined) results.push({ slide: index, title, ...(hit === undefined ? {} : { hit }) });
  });
  return results;
}
