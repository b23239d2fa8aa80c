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
  /** Offsets of `- ` lines YAML folded into the plain text above them. */
  const folded: number[] = [];
  const aliases = new Set<string>();
  let unclosed: StructureProblem | undefined;
  // A quote never closed leaves its brackets open too: yaml's errors say where the quote opens.
  let hasUnclosedQuote = false;
  /** Notes the anchors, tags, comments and aliases among source tokens (an item's start, a value's end). */
  const note = (sourceTokens: readonly CST.SourceToken[] | readonly CST.Token[] | undefined, isIgnored: boolean) => {
    for (const token of sourceTokens ?? []) {
      if (token.type === 'alias') aliases.add(token.source.slice(1));
      else if (isIgnored) continue;
      else if (token.type === 'anchor') anchors.push(token);
      else if (token.type === 'tag') tags.push(token);
      else if (token.type === 'comment') comments.push(token);
    }
  };
  const stack: { token: CST.Token; depth: number; isIgnored: boolean }[] = tokens.map((token) => ({ token, depth: 0, isIgnored: false }));
  while (stack.length > 0) {
    const { token, depth, isIgnored } = stack.pop() as (typeof stack)[number];
    switch (token.type) {
      case 'document':
        note(token.start, isIgnored);
        if (token.value !== undefined) stack.push({ token: token.value, depth, isIgnored });
        note(token.end, isIgnored);
        break;
      case 'block-map':
      case 'block-seq':
      case 'flow-collection': {
        const inner = depth + 1;
        if (inner > MAX_NESTING_DEPTH) {
          return {
            fatal: {
              offset: token.offset,
              message: `lists and mappings nest deeper than ${MAX_NESTING_DEPTH} levels here; a deck needs 8 at most`,
            },
            hidden: [],
          };
        }
        if (token.type === 'flow-collection') {
          const close = token.start.source === '[' ? ']' : '}';
          if (unclosed === undefined && !token.end.some((end) => end.source === close)) {
            unclosed = { offset: token.start.offset, message: `YAML syntax: this ${token.start.source} is never closed with ${close}` };
          }
          note(token.end, isIgnored);
        }
        // A top-level key starting with `x-` holds what the deck does not show (anchors to share).
        const isTop = token.type === 'block-map' && depth === 0;
        for (const item of token.items) {
          const isItemIgnored = isIgnored || (isTop && isExtensionItem(item));
          note(item.start, isItemIgnored);
          if ('sep' in item) note(item.sep, isItemIgnored);
          if ('key' in item && item.key !== null && item.key !== undefined)
            stack.push({ token: item.key, depth: inner, isIgnored: isItemIgnored });
          if (item.value !== undefined) stack.push({ token: item.value, depth: inner, isIgnored: isItemIgnored });
        }
        break;
      }
      case 'block-scalar':
        note(token.props, isIgnored);
        break;
      case 'alias':
      case 'scalar':
      case 'single-quoted-scalar':
      case 'double-quoted-scalar':
        if (token.type === 'alias') aliases.add(token.source.slice(1));
        if ((token.type === 'double-quoted-scalar' || token.type === 'single-quoted-scalar') && !isClosedQuote(token.source)) {
          hasUnclosedQuote = true;
        }
        // `- Parent` with `- child` indented under it: YAML reads one text, "Parent - child".
        if (token.type === 'scalar' && !isIgnored) {
          const dash = /\n[ \t]*- /.exec(token.source);
          if (dash !== null) folded.push(token.offset + dash.index + dash[0].length - 2);
        }
        note(token.end, isIgnored);
        break;
      default:
        // Tokens between documents (comments alone on their lines, directives, markers).
        break;
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
        // On a list or a mapping there is no text to quote: the anchor is only unused.
        message: isBeforeCollection(source, anchor.offset + anchor.source.length)
          ? `"${anchor.source}" is a YAML anchor that no alias uses; use it with *${anchor.source.slice(1)}, or remove it`
          : `"${anchor.source}" is read as a YAML anchor (a name for the value after it), not as text, and no alias uses it; to show it, quote the text: ${quoted(anchor.offset)}`,
      })),
    ...tags
      .filter((tag) => !FAILSAFE_TAGS.has(tag.source))
      .map((tag) => ({
        offset: tag.offset,
        message: `"${tag.source}" is read as a YAML tag (a type for the value after it), not as text; to show it, quote the text: ${quoted(tag.offset)}`,
      })),
    ...folded.map((offset) => ({
      offset,
      message: `this line is read as more of the text above it (YAML joins them into one line of text), not as a sub-bullet; a bullet with sub-bullets is written \`- text: …\` with \`bullets:\` and the list under it`,
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

/** Whether an item of the top-level mapping has a key starting with `x-`. */
function isExtensionItem(item: { readonly key?: CST.Token | null }): boolean {
  return item.key !== null && item.key !== undefined && 'source' in item.key && item.key.source.startsWith(EXTENSION_KEY_PREFIX);
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
  return lineStart + valueStartOf(before);
}

/** Whether what follows `offset` on its line is a list or a mapping: `[`, `{`, or nothing (a block below). */
function isBeforeCollection(source: string, offset: number): boolean {
  const rest = (source.slice(offset).split(/\r\n|\r|\n/, 1)[0] ?? '').replace(/\s+#.*$/, '').trim();
  return rest === '' || rest.startsWith('[') || rest.startsWith('{');
}

/**
 * Where the value on a YAML line starts, in characters: after the dashes of list items and the
 * key of a mapping item (`  - title: `), or at the first character that is neither.
 */
export function valueStartOf(line: string): number {
  return /^\s*(?:-\s+)*(?:[^\s:#'"][^:#]*:\s+)?/.exec(line)?.[0].length ?? 0;
}
