import stringWidth from 'string-width';
import type { MarkedText, SearchResult } from '../search/search-slides.js';

/** A run of a search result's line: text, and whether it is what the query matched. */
export interface MarkedRun {
  readonly text: string;
  readonly isMatch: boolean;
}

/** Share of a result's row a title without the match may take, when other text on the slide has it. */
const TITLE_SHARE = 0.4;
/** Fewest columns a title is cut to, so it is still recognised. */
const MIN_TITLE_COLUMNS = 8;

/** Columns of text kept before the first match of a snippet, so the match is read in context. */
const SNIPPET_LEAD_COLUMNS = 12;

/**
 * One row of the search results, at most `columns` wide: the slide's number (right-aligned to
 * `numberWidth`), its title (cut to 40% of the row when the match is elsewhere on the slide, so
 * the match shows), and after ` · ` the first other text the query is in, cut around
 * its first match (`…the start of the match…`); the matches are marked runs. Notes are marked
 * `notes:`. Cut with `…` where the row is too narrow.
 */
export function searchResultRuns(result: SearchResult, numberWidth: number, columns: number): MarkedRun[] {
  const number: MarkedRun = { text: `${String(result.slide + 1).padStart(numberWidth)}  `, isMatch: false };
  let title = markedRuns(result.title);
  // A title without the match gives way to the text that has it: at most TITLE_SHARE of the row.
  if (result.hit !== undefined && result.title.matches.length === 0) {
    title = cutRuns(title, Math.max(MIN_TITLE_COLUMNS, Math.floor(columns * TITLE_SHARE)));
  }
  const runs: MarkedRun[] = [number, ...title];
  if (result.hit !== undefined) {
    runs.push({ text: result.hit.isNotes ? ' · notes: ' : ' · ', isMatch: false });
    const used = runs.reduce((width, run) => width + stringWidth(run.text), 0);
    runs.push(...snippet(result.hit, columns - used));
  }
  return cutRuns(runs, columns);
}

/** `text` as runs, its matches marked. */
function markedRuns({ text, matches }: MarkedText): MarkedRun[] {
  const runs: MarkedRun[] = [];
  let at = 0;
  for (const { start, end } of matches) {
    if (start > at) runs.push({ text: text.slice(at, start), isMatch: false });
    runs.push({ text: text.slice(start, end), isMatch: true });
    at = end;
  }
  if (at < text.length) runs.push({ text: text.slice(at), isMatch: false });
  return runs;
}

/**
 * The part of `marked` to show in `columns`: from its start when its first match fits there,
 * else from a word a little before the match, after a `…`.
 */
function snippet(marked: MarkedText, columns: number): MarkedRun[] {
  const first = marked.matches[0];
  if (first === undefined || columns <= 0) return [];
  const { text } = marked;
  if (stringWidth(text.slice(0, first.end)) <= columns) return markedRuns(marked);
  let start = first.start;
  let lead = 0;
  while (start > 0 && lead < SNIPPET_LEAD_COLUMNS) {
    start -= 1;
    lead += stringWidth(text.charAt(start));
  }
  // Start at a word, not inside one.
  const space = text.indexOf(' ', start);
  if (space !== -1 && space < first.start) start = space + 1;
  const shifted = {
    text: text.slice(start),
    matches: marked.matches
      .filter((match) => match.start >= start)
      .map((match) => ({ start: match.start - start, end: match.end - start })),
  };
  return [{ text: '…', isMatch: false }, ...markedRuns(shifted)];
}

/** `runs` cut to `columns`, ending in `…` when cut; wide characters count two columns. */
export function cutRuns(runs: readonly MarkedRun[], columns: number): MarkedRun[] {
  const total = runs.reduce((width, run) => width + stringWidth(run.text), 0);
  if (total <= columns) return [...runs];
  const room = columns - 1;
  if (room < 0) return [];
  const cut: MarkedRun[] = [];
  let used = 0;
  for (const run of runs) {
    let text = '';
    for (const character of run.text) {
      const width = stringWidth(character);
      if (used + width > room) break;
      text += character;
      used += width;
    }
    if (text !== '') cut.push({ text, isMatch: run.isMatch });
    if (text.length < run.text.length) break;
  }
  cut.push({ text: '…', isMatch: false });
  return cut;
}
