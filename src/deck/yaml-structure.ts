import type { CST } from 'yaml';
import { EXTENSION_KEY_PREFIX } from './extension-keys.js';

/**
 * Deepest nesting of lists and mappings a deck may have, in levels. A deck needs 8 (the deck, its
 * sections, a section, its slides, a slide, its bullets, a bullet, its sub-bullets); the `yaml`
 * library composes a document recursively and overflows the stack somewhere past 900 levels,
 * reporting "Maximum call stack size exceeded" as a syntax error at an unstable place.
 */
export const MAX_NESTING_DEPTH = 64;

/** The failsafe schema's own tags (YAML 1.2 §10.1), which change nothing in what is shown. */
const FAILSAFE_TAGS = new Set(['!!str', '!!map', '!!seq']);

/** Longest text quoted back in a message, in characters. */
const QUOTED_TEXT_CHARS = 48;

/** A problem found in a deck's YAML structure: where it is (an offset into the source) and what it is. */
export interface StructureProblem {
  readonly offset: number;
  readonly message: string;
}

/** What {@link structureProblems} finds. */
export interface StructureProblems {
  /** Too deep a nesting, or a `[` or `{` never closed: the document cannot be composed as meant. */
  readonly fatal?: StructureProblem;
  /** Anchors no alias uses and tags: text YAML would take away from what is shown, in file order. */
  readonly hidden: readonly StructureProblem[];
}

/**
 * Reads the concrete syntax tree of a deck (yaml's `Parser` tokens, before composing) for what
 * would break the composer or change the text silently:
 * - lists and mappings nested deeper than {@link MAX_NESTING_DEPTH}: one problem, at the first
 *   that is too deep;
 * - a `[` or `{` never closed: one problem where it opens (yaml reports it at the next line or
 *   the end of the file, with follow-on errors);
 * - an anchor (`&word`) that no alias refers to, a tag (`!word`, `!!binary`), and a comment that
 *   reads as text (`- Rank #1 in exports`), outside the top-level `x-` keys: YAML takes them off
 *   the text, so `- &Largest deal` would show as "deal" (issue 16); each is reported where it
 *   is, with the text quoted as it should be written.
 *
 * Iterative, so no input can overflow the stack here.
 *
 * @param source - The text the tokens were read from, to quote it back.
 */
export function structureProblems(tokens: readonly CST.Token[], source: string): StructureProblems {
  const anchors: CST.SourceToken[] = [];
  const tags: CST.SourceToken[] = [];
  const comments: CST.SourceToken[] = [];
  const aliases = new Set<string>();
  let unclosed: StructureProblem | undefined;
  // A quote never closed leaves its brackets open too: yaml's errors say where the quote opens.
  let hasUnclosedQuote = false;
  const stack: { value: unknown; depth: number; isIgnored: boolean }[] = tokens.map((value) => ({ value, depth: 0, isIgnored: false }));
  while (stack.length > 0) {
    const { value, depth, isIgnored } = stack.pop() as (typeof stack)[number];
    if (typeof value !== 'object' || value === null) continue;
    if (Array.isArray(value)) {
      for (const item of value) stack.push({ value: item, depth, isIgnored });
      continue;
    }
    const token = value as { type?: string; offset?: number; source?: string };
    const offset = token.offset ?? 0;
    if (token.type === 'comment' && !isIgnored) comments.push(token as CST.SourceToken);
    if (token.type === 'anchor' && !isIgnored) anchors.push(token as CST.SourceToken);
    else if (token.type === 'tag' && !isIgnored) tags.push(token as CST.SourceToken);
    else if (token.type === 'alias') aliases.add((token.source ?? '').slice(1));
    const isCollection = token.type === 'block-map' || token.type === 'block-seq' || token.type === 'flow-collection';
    const inner = isCollection ? depth + 1 : depth;
    if (inner > MAX_NESTING_DEPTH) {
      return {
        fatal: { offset, message: `lists and mappings nest deeper than ${MAX_NESTING_DEPTH} levels here; a deck needs 8 at most` },
        hidden: [],
      };
    }
    if ((token.type === 'double-quoted-scalar' || token.type === 'single-quoted-scalar') && !isClosedQuote(token.source ?? '')) {
      hasUnclosedQuote = true;
    }
    if (token.type === 'flow-collection' && unclosed === undefined) {
      const collection = value as CST.FlowCollection;
      const close = collection.start.source === '[' ? ']' : '}';
      if (!collection.end.some((end) => end.source === close)) {
        unclosed = {
          offset: collection.start.offset,
          message: `YAML syntax: this ${collection.start.source} is never closed with ${close}`,
        };
      }
    }
    // A top-level key starting with `x-` holds what the deck does not show (anchors to share).
    const ignoredKeys = token.type === 'block-map' && depth === 0 ? topLevelExtensionItems(value as CST.BlockMap) : new Set();
    for (const [key, child] of Object.entries(value)) {
      if (key === 'items' && Array.isArray(child)) {
        for (const item of child as unknown[]) stack.push({ value: item, depth: inner, isIgnored: isIgnored || ignoredKeys.has(item) });
      } else if (typeof child === 'object') stack.push({ value: child, depth: inner, isIgnored });
    }
  }
  if (unclosed !== undefined && !hasUnclosedQuote) return { fatal: unclosed, hidden: [] };
  const quoted = (from: number) => {
    const line =
      source
        .slice(from)
        .split(/\r\n|\r|\n/, 1)[0]
        ?.trim() ?? '';
    const text = line.length > QUOTED_TEXT_CHARS ? `${line.slice(0, QUOTED_TEXT_CHARS)}…` : line;
    return JSON.stringify(text);
  };
  const hidden = [
    ...anchors
      .filter((anchor) => !aliases.has(anchor.source.slice(1)))
      .map((anchor) => ({
        offset: anchor.offset,
        message: `"${anchor.source}" is read as a YAML anchor (a name for the value after it), not as text, and no alias uses it; to show it, quote the text: ${quoted(anchor.offset)}`,
      })),
    ...tags
      .filter((tag) => !FAILSAFE_TAGS.has(tag.source))
      .map((tag) => ({
        offset: tag.offset,
        message: `"${tag.source}" is read as a YAML tag (a type for the value after it), not as text; to show it, quote the text: ${quoted(tag.offset)}`,
      })),
    ...comments.flatMap((comment) => {
      const start = textBeforeComment(source, comment.offset);
      return start === undefined
        ? []
        : [
            {
              offset: comment.offset,
              message: `"${comment.source.split(/\s/, 1)[0] ?? ''}" starts a YAML comment, which is not shown; to show it, quote the text: ${quoted(start)}`,
            },
          ];
    }),
  ].sort((a, b) => a.offset - b.offset);
  return { hidden };
}

/** The items of the top-level mapping whose key starts with `x-`. */
function topLevelExtensionItems(map: CST.BlockMap): Set<unknown> {
  return new Set(
    map.items.filter(
      (item) =>
        item.key !== null && item.key !== undefined && 'source' in item.key && String(item.key.source).startsWith(EXTENSION_KEY_PREFIX),
    ),
  );
}

/**
 * Whether a quoted scalar's source ends with its closing quote: `"…"` with the last quote not
 * escaped by a backslash, `'…'` with the last quote not half of a doubled `''` (YAML 1.2 §7.3).
 */
function isClosedQuote(source: string): boolean {
  const quote = source[0];
  if (source.length < 2 || source.at(-1) !== quote) return false;
  const body = source.slice(1, -1);
  const trailing = (pattern: RegExp) => pattern.exec(body)?.[0].length ?? 0;
  return quote === '"' ? trailing(/\\*$/) % 2 === 0 : trailing(/'*$/) % 2 === 0;
}

/**
 * Where the text starts that a comment at `offset` cuts short, when it looks like text rather
 * than a comment: `#` right after a word and one space, followed by no space (`- Rank #1 in
 * exports`, `- #MeToo movement`), after a plain value or where a value belongs. A comment
 * written as one (`# note`, set apart by two spaces or more, after a quoted value, or alone on
 * its line) is a comment. `undefined` when it is one.
 */
function textBeforeComment(source: string, offset: number): number | undefined {
  if (!/^#\S/.test(source.slice(offset, offset + 2))) return undefined;
  const lineStart = source.lastIndexOf('\n', offset - 1) + 1;
  const before = source.slice(lineStart, offset);
  // Alone on its line, after a quoted value (already whole), or set apart by more than one space
  // (`- plain  # note`, comments aligned in a column): a comment.
  if (!/[^\s"'] $/.test(before)) return undefined;
  // The value starts after the item's dash or the key's colon, or is all there is.
  const value = /^(\s*(?:-\s+)*(?:[^\s:#'"][^:#]*:\s+)?)/.exec(before)?.[1] ?? '';
  return lineStart + value.length;
}
