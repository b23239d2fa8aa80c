import { isMap, isScalar, isSeq, visit, type Document } from 'yaml';
import type { Diagnostic, DiagnosticAt } from './deck-error.js';
import { formatPath, type PathSegment } from './field-path.js';
import { DECK_KEYS } from './schema-shape.js';
import { valueStartOf } from './yaml-structure.js';

/**
 * The syntax errors the `yaml` library found in `document`, said for a deck's author: each at
 * `file:line:column` (through `at`, given offsets into `source`) with the path of the mapping it
 * is in, in the words of {@link describeYamlError}.
 *
 * A tab in the indentation, or a quote never closed, throws the rest of the parse out (one tab
 * gave 14 errors, the tab's second and the rest far from it): when there are any, only those are
 * reported. A quote never closed is reported where it opens; yaml reports it where the file ends.
 * A duplicate key that yaml finds only because it took the keys after `key: value: more` into a
 * mapping of its own (a fresh-eyes trial saw `duplicate key "quote"` for a key written once) is
 * left out.
 *
 * @returns The diagnostics in the order yaml found the errors; empty when there are none.
 */
export function yamlErrorDiagnostics(document: Document, source: string, at: DiagnosticAt): Diagnostic[] {
  const unclosedQuotes = new Map(
    document.errors.map((error) => [error, error.code === 'MISSING_CHAR' ? openingQuoteEndingAt(document, error.pos[0]) : undefined]),
  );
  const tabs = document.errors.filter((error) => error.code === 'TAB_AS_INDENT');
  const quotes = document.errors.filter((error) => unclosedQuotes.get(error) !== undefined);
  // `key: value: more` (a mapping written where a value belongs): yaml takes the keys after it
  // into that mapping, and reports one of them as a duplicate there, a key that is not one.
  const nested = document.errors
    .filter((error) => error.code === 'BLOCK_AS_IMPLICIT_KEY')
    .map((error) => formatPath(pathOfKeyAt(document, error.pos[0])))
    .filter((path) => path !== '');
  const isFollowOn = (error: (typeof document.errors)[number]) =>
    error.code === 'DUPLICATE_KEY' && nested.some((path) => formatPath(pathOfKeyAt(document, error.pos[0])).startsWith(path));
  const reported = (tabs.length > 0 ? tabs : quotes.length > 0 ? quotes : document.errors).filter((error) => !isFollowOn(error));
  const diagnostics = reported.map((error) => {
    const unclosed = unclosedQuotes.get(error);
    if (unclosed !== undefined) return at(unclosed, formatPath(pathOfKeyAt(document, unclosed)), 'YAML syntax: this quote is never closed');
    const offset = error.pos[0];
    return at(
      offset,
      formatPath(pathOfKeyAt(document, offset)),
      describeYamlError(error.code, error.message, source.slice(offset), source.slice(0, offset)),
    );
  });
  // One mistake yaml reports twice on a line (`-child`) is said once.
  return diagnostics.filter(
    (diagnostic, index) =>
      diagnostics.findIndex((other) => other.line === diagnostic.line && other.message === diagnostic.message) === index,
  );
}

/**
 * The path of the mapping holding the key that starts at `offset` (a duplicate key), or an empty
 * path when no key starts there.
 */
function pathOfKeyAt(document: Document, offset: number): PathSegment[] {
  const search = (node: unknown, path: PathSegment[]): PathSegment[] | undefined => {
    if (isMap(node)) {
      for (const pair of node.items) {
        if (isScalar(pair.key) && pair.key.range?.[0] === offset) return path;
        const key = isScalar(pair.key) ? String(pair.key.value) : '?';
        const found = search(pair.value, [...path, key]);
        if (found !== undefined) return found;
      }
    } else if (isSeq(node)) {
      for (const [index, item] of node.items.entries()) {
        const found = search(item, [...path, index]);
        if (found !== undefined) return found;
      }
    }
    return undefined;
  };
  return search(document.contents, []) ?? [];
}

/** Where the quoted scalar that runs on to `offset` (a missing closing quote) opens, if one does. */
function openingQuoteEndingAt(document: Document, offset: number): number | undefined {
  let found: number | undefined;
  visit(document, {
    Scalar(_, scalar) {
      const isQuoted = scalar.type === 'QUOTE_DOUBLE' || scalar.type === 'QUOTE_SINGLE';
      if (found === undefined && isQuoted && scalar.range !== undefined && scalar.range !== null && scalar.range[1] === offset)
        found = scalar.range[0];
    },
  });
  return found;
}

/** One yaml error (its `code` and `message`), given the source on either side of where it is. */
function describeYamlError(code: string, message: string, sourceFromError: string, sourceBeforeError: string): string {
  // `- "He said "hi" to me"`: the first inner quote closes the text, and yaml sees a stray word.
  if (code === 'UNEXPECTED_TOKEN' && /["'][ \t]*$/.test(sourceBeforeError.split('\n').at(-1) ?? '')) {
    return 'YAML syntax: text goes on after a closing quote; inside "…" write a quote as \\", or quote the text with \' instead';
  }
  const line = (sourceBeforeError.slice(sourceBeforeError.lastIndexOf('\n') + 1) + (sourceFromError.split('\n', 1)[0] ?? '')).trimEnd();
  const lineAbove = lineAboveOf(sourceBeforeError);
  const missing =
    code === 'DUPLICATE_KEY' ? undefined : (missingColonOrSpace(line) ?? startsWithIndicator(line) ?? misaligned(line, lineAbove));
  if (missing !== undefined) return missing;
  if (code === 'MULTIPLE_DOCS') return 'a deck is one YAML document, but a second one starts here (a line with ---)';
  if (code === 'DUPLICATE_KEY') {
    const key = /^("[^"\n]*"|'[^'\n]*'|[^:\n]+?)\s*:/.exec(sourceFromError)?.[1];
    const name = key === undefined ? '' : ` "${key.replace(/^["']|["']$/g, '')}"`;
    return `duplicate key${name}: each key may appear only once in a mapping`;
  }
  // yaml appends " at line L, column C" and a code excerpt; the position is already in front.
  const firstLine = message.split('\n')[0] ?? message;
  return `YAML syntax: ${firstLine.replace(/ at line \d+, column \d+:?$/, '').replace(/\.$/, '')}`;
}

/**
 * What is missing when `line` reads as a key without its colon or the space after it
 * (`title:Foo`, `title Foo`): yaml takes the whole line for a key that runs on to the next one
 * and says "Implicit keys need to be on a single line". Only a deck's own key names count for a
 * missing colon, so a line of text is not taken for one.
 */
function missingColonOrSpace(line: string): string | undefined {
  // `-child`: a list item needs a space after its dash (YAML 1.2 §8.2.1).
  const dash = /^\s*-([^\s-].*)$/.exec(line);
  if (dash !== null) return `a space is missing after the "-" of this list item; write "- ${dash[1]}"`;
  const noSpace = /^\s*(?:-\s+)?([A-Za-z][\w-]*):([^\s:].*)$/.exec(line);
  if (noSpace !== null) return `a space is missing after the colon of "${noSpace[1]}:"; write "${noSpace[1]}: ${noSpace[2]}"`;
  const noColon = /^\s*(?:-\s+)?([A-Za-z][\w-]*)[ \t]+([^:#\s][^:]*)$/.exec(line);
  if (noColon !== null && DECK_KEYS.has(noColon[1] ?? ''))
    return `a colon is missing after "${noColon[1]}"; write "${noColon[1]}: ${noColon[2]}"`;
  return undefined;
}

/** What YAML reads a value starting with each of its indicator characters as (YAML 1.2 §5.3). */
const INDICATORS: Readonly<Record<string, string>> = {
  '*': 'an alias, a reference to an anchor',
  '&': 'an anchor',
  '!': 'a tag',
  '@': 'a reserved character',
  '`': 'a reserved character',
  '%': 'a directive',
  '|': 'a block of text below',
  '>': 'a block of text below',
};

/**
 * What to say when the value on `line` starts with a YAML indicator (`- *Largest deal`,
 * `- @mention`, `- | text`): yaml's own words ("Unexpected scalar at node end", "Plain value
 * cannot start with reserved character @", "Not a YAML token") do not say how to write the text.
 */
function startsWithIndicator(line: string): string | undefined {
  const value = line.slice(valueStartOf(line));
  const indicator = value[0];
  if (indicator === undefined || !(indicator in INDICATORS)) return undefined;
  return `a value starting with ${indicator} is read as YAML syntax (${INDICATORS[indicator]}), not as text; to show it, quote the text: ${JSON.stringify(value.trim())}`;
}

/**
 * What to say when the key on `line` is indented a little more or less than the key on the line
 * above it (`       bullets:` under `        notes: n`): keys of one mapping must start in one
 * column, and yaml's words ("Sequence item without - indicator", "All mapping items must start at
 * the same column") do not say which.
 */
function misaligned(line: string, above: string | undefined): string | undefined {
  const key = /^( *(?:- +)?)[^\s:#'"-][^:#]*:(?:\s|$)/;
  const here = key.exec(line);
  const there = above === undefined ? null : key.exec(above);
  if (here === null || there === null || (above ?? '').trimEnd().endsWith(':')) return undefined;
  const [indent, aboveIndent] = [here[1]?.length ?? 0, there[1]?.length ?? 0];
  if (indent === aboveIndent || Math.abs(indent - aboveIndent) > 3) return undefined;
  return `this key starts in column ${indent + 1} and the one above in column ${aboveIndent + 1}: the keys of one mapping must line up`;
}

/** The last line of `before` above its own last line that holds something (not blank, not a comment). */
function lineAboveOf(before: string): string | undefined {
  let end = before.lastIndexOf('\n');
  while (end > 0) {
    const start = before.lastIndexOf('\n', end - 1) + 1;
    const candidate = before.slice(start, end).trim();
    if (candidate !== '' && !candidate.startsWith('#')) return before.slice(start, end);
    end = start - 1;
  }
  return undefined;
}
