import { isAlias, isMap, isNode, isScalar, isSeq, Scalar, type Document, type Node as YamlNode, type Pair } from 'yaml';
import { formatDuration } from '../deck/duration.js';
import { parseDeck, readYamlData } from '../deck/load-deck.js';
import type { Deck } from '../deck/schema.js';

/** What writing slide durations into a deck's text did. */
export interface AppliedDurations {
  /** The deck's text with the durations written in; the same text when nothing changed. */
  readonly text: string;
  /** Slides (0-based, as laid out by buildSlides) whose `duration:` was written or changed. */
  readonly written: readonly number[];
  /**
   * Content slides passed over because the deck shares them through YAML's anchors and aliases
   * (`&slide` … `*slide`, on the slide or a list or section holding it): one `duration:` written
   * there would change every copy.
   */
  readonly shared: readonly number[];
}

interface Edit {
  readonly at: number;
  readonly end: number;
  readonly text: string;
}

/** The pair of `map` whose key is `key`. */
function pairOf(map: YamlNode, key: string): Pair<unknown, unknown> | undefined {
  if (!isMap(map)) return undefined;
  return map.items.find((pair) => isScalar(pair.key) && pair.key.value === key) as Pair<unknown, unknown> | undefined;
}

/** Where the value `node` ends in the text, when it is a node with a place. */
function endOf(node: unknown): number | undefined {
  return isNode(node) ? (node.range?.[1] ?? undefined) : undefined;
}

/** The value written with the quotes the old one had (`"2m"` stays double-quoted). */
function quotedLike(old: Scalar, value: string): string {
  if (old.type === Scalar.QUOTE_DOUBLE) return `"${value}"`;
  if (old.type === Scalar.QUOTE_SINGLE) return `'${value}'`;
  return value;
}

/**
 * The edit that sets `duration:` on the slide mapping `slide` of `source`: the value replaced
 * where there is one (its quotes kept); else a line `duration: …` after the slide's title, at
 * the column of its keys, or `, duration: …` at the end of a flow mapping (`{ title: …, … }`).
 */
function durationEdit(slide: YamlNode, value: string, source: string, newline: string): Edit | undefined {
  if (!isMap(slide) || slide.items.length === 0) return undefined;
  const existing = pairOf(slide, 'duration');
  if (existing !== undefined) {
    const old = existing.value;
    if (!isScalar(old) || old.range == null) return undefined;
    return { at: old.range[0], end: old.range[1], text: quotedLike(old, value) };
  }
  const after = pairOf(slide, 'title') ?? slide.items[0];
  const key = after?.key;
  const afterValue = after?.value;
  if (!isScalar(key) || key.range == null) return undefined;
  const valueEnd = endOf(afterValue) ?? key.range[1];
  if (slide.flow === true) {
    const last = slide.items.at(-1);
    const lastEnd = endOf(last?.value);
    return lastEnd == null ? undefined : { at: lastEnd, end: lastEnd, text: `, duration: ${value}` };
  }
  // After the title's last line (a block scalar ends after its final line break; a plain or
  // quoted one at its last character, before a comment on the same line).
  const lineEnd = source[valueEnd - 1] === '\n' ? valueEnd - 1 : source.indexOf('\n', valueEnd);
  const lineStart = source.lastIndexOf('\n', key.range[0] - 1) + 1;
  const indent = source.slice(lineStart, key.range[0]).replace(/[^ ]/g, ' ');
  if (lineEnd === -1) return { at: source.length, end: source.length, text: `${newline}${indent}duration: ${value}` };
  // Before the line break ("\r\n" too), so the new line ends as the others do.
  const breakAt = source[lineEnd - 1] === '\r' ? lineEnd - 1 : lineEnd;
  return { at: breakAt, end: breakAt, text: `${newline}${indent}duration: ${value}` };
}

/**
 * Writes a `duration:` into the deck `text` (of `file`) for each content slide in `durationsMs`
 * (0-based slide index -> milliseconds, written as {@link formatDuration} does), changing nothing
 * else: comments, order, quoting, blank lines, line endings and a byte order mark stay, byte for
 * byte. The edits are made on the text at the places yaml's Document API gives for each slide
 * (a re-serialised document would reflow what the author wrote). Title and section slides have
 * no `duration:` and are passed over; so are slides the deck shares through an anchor and its
 * aliases, where one value would change every copy.
 *
 * @throws {DeckError} When `text` is not a valid deck, or (a bug) the edited text is not one.
 */
export function applyDurations(text: string, file: string, deck: Deck, durationsMs: ReadonlyMap<number, number>): AppliedDurations {
  const bom = text.startsWith('\uFEFF') ? 1 : 0;
  const { document, source } = readYamlData(text, file, 'the deck is empty');
  // New lines end as the file's do: CRLF, a lone CR (old Mac files), or LF.
  const newline = text.includes('\r\n') ? '\r\n' : /\r(?!\n)/.test(text) ? '\r' : '\n';
  const edits: Edit[] = [];
  const written: number[] = [];
  const shared: number[] = [];
  let index = 1;
  deck.sections.forEach((section, sectionIndex) => {
    index += 1;
    section.slides.forEach((_, slideIndex) => {
      const ms = durationsMs.get(index);
      if (ms !== undefined) {
        const node = slideNode(document, sectionIndex, slideIndex);
        const edit = node === undefined ? undefined : durationEdit(node, formatDuration(ms), source, newline);
        if (edit === undefined) shared.push(index);
        else {
          edits.push(edit);
          written.push(index);
        }
      }
      index += 1;
    });
  });
  // The loader's offsets are the text's (after a BOM): it reads a lone CR as LF, one for one.
  let result = text.slice(bom);
  for (const edit of [...edits].sort((a, b) => b.at - a.at)) result = `${result.slice(0, edit.at)}${edit.text}${result.slice(edit.end)}`;
  const edited = `${text.slice(0, bom)}${result}`;
  parseDeck(edited, file);
  return { text: edited, written, shared };
}

/**
 * The node of slide `slideIndex` of section `sectionIndex`, when no node on the path to it is an
 * alias or holds an anchor: the slide is written once in the deck, and only there.
 */
function slideNode(document: Document, sectionIndex: number, slideIndex: number): YamlNode | undefined {
  const path: unknown[] = [];
  const root = (document.contents as YamlNode | null) ?? undefined;
  path.push(root);
  const sections = isMap(root) ? pairOf(root, 'sections')?.value : undefined;
  path.push(sections);
  const section = isSeq(sections) ? sections.items[sectionIndex] : undefined;
  path.push(section);
  const slides = isMap(section) ? pairOf(section, 'slides')?.value : undefined;
  path.push(slides);
  const slide = isSeq(slides) ? slides.items[slideIndex] : undefined;
  path.push(slide);
  const isShared = path.some((node) => node === undefined || isAlias(node) || (node as { anchor?: string }).anchor !== undefined);
  return isShared ? undefined : (slide as YamlNode);
}
