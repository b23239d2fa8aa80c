import {
  Composer,
  isAlias,
  isMap,
  isScalar,
  isSeq,
  LineCounter,
  Parser,
  visit,
  YAMLParseError,
  type CST,
  type Document,
  type Node as YamlNode,
} from 'yaml';
import { resolveAliases, withAliasesReplaced, type AliasTargets } from './aliases.js';
import { DeckError, type Diagnostic, type DiagnosticAt } from './deck-error.js';
import type { PathSegment } from './field-path.js';
import { issueDiagnostics, offsetOfPath, rangeOfPath } from './place-issues.js';
import { deckName, readDeckText } from './read-deck.js';
import { DeckSchema, type Deck } from './schema.js';
import { yamlErrorDiagnostics } from './yaml-errors.js';
import { structureProblems } from './yaml-structure.js';
import { withoutExtensionKeys } from './extension-keys.js';

export { formatPath, type PathSegment } from './field-path.js';
export { deckName, MAX_DECK_BYTES, readDeckText, readDeckTextSync, STDIN_FILE, STDIN_NAME } from './read-deck.js';

/**
 * Reads and validates a deck file.
 *
 * @param file - Path as the user gave it; it is also the name used in every message.
 * @returns The validated deck.
 * @throws {DeckError} When the file cannot be read, is larger than {@link MAX_DECK_BYTES}, or is
 *   not a valid deck. Nothing else is thrown.
 */
export async function readDeck(file: string): Promise<Deck> {
  return parseDeck(await readDeckText(file), deckName(file));
}

/**
 * Parses and validates deck text.
 *
 * Scalars are kept exactly as written (YAML failsafe schema), a UTF-8 byte order mark is
 * ignored, and CRLF line endings load like LF.
 *
 * @param text - The YAML source.
 * @param file - Name used in messages, such as `slides.yaml`.
 * @returns The validated deck.
 * @throws {DeckError} With every problem found, in file order, each positioned at the offending
 *   key or value.
 */
export function parseDeck(text: string, file: string): Deck {
  return parseDeckWithPositions(text, file).deck;
}

/** A validated deck and the way back from a field's path to its place in the file. */
export interface ParsedDeck {
  readonly deck: Deck;
  /** 1-based line and column of the field at `path` (or of the nearest enclosing one). */
  readonly positionOf: (path: readonly PathSegment[]) => { readonly line: number; readonly column: number };
  /**
   * 1-based line and column where `needle` is first written inside the field at `path` (a
   * passage of its text); where the file writes it otherwise (escaped, folded across lines),
   * the field's own place, as {@link ParsedDeck.positionOf}.
   */
  readonly positionOfText: (path: readonly PathSegment[], needle: string) => { readonly line: number; readonly column: number };
}

/**
 * {@link parseDeck}, also returning where each field is, for findings about a valid deck.
 *
 * @throws {DeckError} As {@link parseDeck}.
 */
export function parseDeckWithPositions(text: string, file: string): ParsedDeck {
  const { data, document, aliasTargets, at, lineCounter, source } = readYamlData(text, file, 'no slides: the file has no deck in it');
  const result = DeckSchema.safeParse(withoutExtensionKeys(data));
  if (result.success) {
    return {
      deck: result.data,
      positionOf: (path) => {
        const { line, col } = lineCounter.linePos(offsetOfPath(document, aliasTargets, path));
        return { line, column: col };
      },
      positionOfText: (path, needle) => {
        const [start, end] = rangeOfPath(document, aliasTargets, path);
        const found = needle === '' ? -1 : source.indexOf(needle, start);
        const { line, col } = lineCounter.linePos(found >= 0 && found < end ? found : start);
        return { line, column: col };
      },
    };
  }

  throw new DeckError(sortedByPlace(result.error.issues.flatMap((issue) => issueDiagnostics(document, aliasTargets, issue, at))));
}

/** A YAML file read as data, with what places a field of it in the text. */
export interface YamlData {
  /** The document's data: mappings, lists and text (failsafe schema), aliases replaced. */
  readonly data: unknown;
  readonly document: Document;
  /** Where each alias points (see resolveAliases). */
  readonly aliasTargets: AliasTargets;
  /** A diagnostic at an offset of the text. */
  readonly at: DiagnosticAt;
  readonly lineCounter: LineCounter;
  /** The text as parsed: a BOM dropped, lone CRs made LFs. */
  readonly source: string;
}

/**
 * Reads `text` (of `file`) as one YAML document of data, as every YAML file inkdeck reads is
 * read (a deck, a key file): YAML 1.2 failsafe (every scalar is the text written), unique keys,
 * aliases bounded (resolveAliases), no key that is a list or a mapping.
 *
 * @throws {DeckError} With positioned diagnostics for what is wrong as YAML, in file order, or
 *   `emptyMessage` at the start for a file with nothing in it.
 */
export function readYamlData(text: string, file: string, emptyMessage: string): YamlData {
  // A lone CR is a line break in YAML 1.2 (§5.4) and in editors; yaml's lexer takes only LF and
  // CRLF, so old Mac files become LF, offset for offset, and positions count lines as editors do.
  const source = (text.startsWith('\uFEFF') ? text.slice(1) : text).replace(/\r(?!\n)/g, '\n');
  const lineCounter = new LineCounter();
  const at: DiagnosticAt = (offset, path, message) => {
    const { line, col } = lineCounter.linePos(offset);
    return { file, line, column: col, path, message };
  };

  // The tokens first: what would overflow the composer's stack, or throw the rest of the parse
  // out (a bracket never closed), is said once, where it is, before composing.
  const tokens = [...new Parser(lineCounter.addNewLine).parse(source)];
  const structure = structureProblems(tokens, source);
  if (structure.fatal !== undefined) throw new DeckError([at(structure.fatal.offset, '', structure.fatal.message)]);
  const document = composeOne(tokens, source.length);

  // Syntax errors come first: what follows cannot be trusted with a half-read document.
  if (document.errors.length > 0) throw new DeckError(sortedByPlace(yamlErrorDiagnostics(document, source, at)));
  // Then text YAML would take off what is shown: an anchor or a tag written where text was meant.
  if (structure.hidden.length > 0) throw new DeckError(structure.hidden.map((problem) => at(problem.offset, '', problem.message)));

  if (document.contents === null || (isScalar(document.contents) && document.contents.value === '')) {
    throw new DeckError([at(0, '', emptyMessage)]);
  }

  const aliases = resolveAliases(document);
  if (aliases.problem !== undefined) throw new DeckError([at(aliases.problem.offset, '', aliases.problem.message)]);

  const collectionKey = findCollectionKey(document, aliases.targets);
  if (collectionKey !== undefined) throw new DeckError([at(collectionKey, '', 'a key must be plain text, not a list or a mapping')]);

  let data: unknown;
  try {
    data = withAliasesReplaced(document, aliases.targets).toJS();
  } catch (error) {
    // The checks above leave nothing known to throw here; if yaml still does, say so in place.
    throw new DeckError([at(0, '', `YAML: ${error instanceof Error ? error.message : String(error)}`)]);
  }
  return { data, document, aliasTargets: aliases.targets, at, lineCounter, source };
}

/**
 * The one document of `tokens`, as yaml's parseDocument composes it (failsafe schema, unique
 * keys); a second document is an error of the first (MULTIPLE_DOCS), as there.
 */
function composeOne(tokens: readonly CST.Token[], length: number): Document {
  const composer = new Composer({ schema: 'failsafe', prettyErrors: false, uniqueKeys: true });
  let document: Document | undefined;
  for (const next of composer.compose(tokens, true, length)) {
    if (document === undefined) document = next;
    else {
      document.errors.push(new YAMLParseError([next.range[0], next.range[1]], 'MULTIPLE_DOCS', 'Source contains multiple documents'));
      break;
    }
  }
  // compose(…, true) always ends with a document, an empty one for an empty source.
  return document as Document;
}

/** `diagnostics` in file order, by line then column (yaml reports its errors as it finds them). */
export function sortedByPlace(diagnostics: Diagnostic[]): Diagnostic[] {
  return diagnostics.sort((a, b) => a.line - b.line || a.column - b.column);
}

/**
 * The offset of the first key that is a list or a mapping (`? [a, b]`): no deck field is named
 * like that, and yaml would turn it into text with a warning printed to stderr.
 */
function findCollectionKey(document: Document, aliasTargets: AliasTargets): number | undefined {
  let found: number | undefined;
  visit(document, {
    Pair(_, pair) {
      // An alias to a list or a mapping is one too: yaml would turn it into text, with a warning.
      const key = isAlias(pair.key) ? aliasTargets.get(pair.key) : pair.key;
      if (found === undefined && (isMap(key) || isSeq(key))) found = (pair.key as YamlNode).range?.[0] ?? 0;
    },
  });
  return found;
}
