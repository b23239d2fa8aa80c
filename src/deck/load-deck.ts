import {
  isAlias,
  isMap,
  isPair,
  isScalar,
  isSeq,
  LineCounter,
  parseDocument,
  visit,
  type Document,
  type Node as YamlNode,
} from 'yaml';
import type * as z from 'zod';
import { DeckError, type Diagnostic, type DiagnosticAt } from './deck-error.js';
import { formatPath, type PathSegment } from './field-path.js';
import { yamlErrorDiagnostics } from './yaml-errors.js';
import { closest } from '../text/closest.js';
import { DeckSchema, KNOWN_KEYS, type Deck } from './schema.js';
import { deckName, readDeckText } from './read-deck.js';
import { resolveAliases, withAliasesReplaced, type AliasTargets } from './aliases.js';

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
export async function loadDeck(file: string): Promise<Deck> {
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
}

/**
 * {@link parseDeck}, also returning where each field is, for findings about a valid deck.
 *
 * @throws {DeckError} As {@link parseDeck}.
 */
export function parseDeckWithPositions(text: string, file: string): ParsedDeck {
  const source = text.startsWith('\uFEFF') ? text.slice(1) : text;
  const lineCounter = new LineCounter();
  const at: DiagnosticAt = (offset, path, message) => {
    const { line, col } = lineCounter.linePos(offset);
    return { file, line, column: col, path, message };
  };

  const document = parseDocument(source, {
    lineCounter,
    schema: 'failsafe',
    prettyErrors: false,
    uniqueKeys: true,
  });

  // Syntax errors come first: what follows cannot be trusted with a half-read document.
  if (document.errors.length > 0) throw new DeckError(sortedByPlace(yamlErrorDiagnostics(document, source, at)));

  if (document.contents === null || (isScalar(document.contents) && document.contents.value === '')) {
    throw new DeckError([at(0, '', 'no slides: the file has no deck in it')]);
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
  const result = DeckSchema.safeParse(data);
  if (result.success) {
    return {
      deck: result.data,
      positionOf: (path) => {
        const { line, col } = lineCounter.linePos(locate(document, aliases.targets, path).node.range?.[0] ?? 0);
        return { line, column: col };
      },
    };
  }

  throw new DeckError(sortedByPlace(result.error.issues.flatMap((issue) => diagnose(document, aliases.targets, issue, at))));
}

/** `diagnostics` in file order, by line then column (yaml reports its errors as it finds them). */
function sortedByPlace(diagnostics: Diagnostic[]): Diagnostic[] {
  return diagnostics.sort((a, b) => a.line - b.line || a.column - b.column);
}

interface Located {
  /** Deepest node reached along the path. */
  readonly node: YamlNode;
  /** How many path segments were resolved to reach it. */
  readonly depth: number;
}

function diagnose(
  document: Document,
  aliasTargets: AliasTargets,
  issue: z.core.$ZodIssue,
  at: (offset: number, path: string, message: string) => Diagnostic,
): Diagnostic[] {
  const path = issue.path;
  const located = locate(document, aliasTargets, path);
  const nodeOffset = located.node.range?.[0] ?? 0;

  if (issue.code === 'unrecognized_keys') {
    const known = knownKeysFor(path);
    return issue.keys.map((key) => {
      const keyNode = isMap(located.node) ? findPair(located.node, key, aliasTargets)?.key : undefined;
      const offset = isYamlNode(keyNode) ? (keyNode.range?.[0] ?? nodeOffset) : nodeOffset;
      // A key written as an alias (`*a : x`) reads as its anchor's text, which the line lacks.
      const written = isAlias(keyNode) ? ` (the alias *${keyNode.source})` : '';
      // YAML 1.1 merge keys are not part of YAML 1.2, which the loader reads.
      if (key === '<<') return at(offset, formatPath(path), 'merge keys ("<<") are not supported (YAML 1.2 has none); write the keys out');
      const suggestion = closest(key, known);
      const hint = suggestion === undefined ? `; expected one of: ${known.join(', ')}` : `; did you mean "${suggestion}"?`;
      return at(offset, formatPath(path), `unknown key "${key}"${written}${hint}`);
    });
  }

  // A mapping with `text` can only be a bullet with sub-bullets (BulletSchema, a union with plain
  // text): what is wrong inside it is reported where it is, as the mapping branch found it,
  // rather than as the union's one message at the bullet.
  if (issue.code === 'invalid_union' && located.depth === path.length && isBulletMapping(located.node, aliasTargets)) {
    const inside = issue.errors.filter((branch) => !branch.every((problem) => problem.path.length === 0 && problem.code === 'invalid_type'));
    if (inside.length === 1) return (inside[0] ?? []).flatMap((problem) => diagnose(document, aliasTargets, { ...problem, path: [...path, ...problem.path] }, at));
  }

  if (located.depth === path.length - 1 && path.length > 0) {
    // The field itself is absent: point at the mapping that should hold it.
    const field = String(path[path.length - 1]);
    return [at(nodeOffset, formatPath(path.slice(0, -1)), `missing required field "${field}"`)];
  }

  return [at(nodeOffset, formatPath(path), issue.message)];
}

/** Whether `node` (through an alias) is a mapping with a `text` key. */
function isBulletMapping(node: YamlNode, aliasTargets: AliasTargets): boolean {
  const resolved = isAlias(node) ? aliasTargets.get(node) : node;
  return isMap(resolved) && findPair(resolved, 'text', aliasTargets) !== undefined;
}

/** The node at `path`, through aliases (`aliasTargets`, from {@link resolveAliases}). */
function locate(document: Document, aliasTargets: AliasTargets, path: readonly PathSegment[]): Located {
  let node = document.contents as YamlNode;
  let depth = 0;
  for (const segment of path) {
    const resolved = isAlias(node) ? (aliasTargets.get(node) as YamlNode | undefined) : node;
    let next: unknown;
    if (isSeq(resolved) && typeof segment === 'number') next = resolved.items[segment];
    else if (isMap(resolved)) next = findPair(resolved, String(segment), aliasTargets)?.value;
    if (next === undefined || next === null || !isYamlNode(next)) break;
    node = next;
    depth += 1;
  }
  return { node, depth };
}

function isYamlNode(value: unknown): value is YamlNode {
  return isAlias(value) || isScalar(value) || isMap(value) || isSeq(value);
}

/** The pair of `map` whose key is `key`, a key written as an alias (`*name : value`) included. */
function findPair(map: { items: unknown[] }, key: string, aliasTargets: AliasTargets) {
  for (const item of map.items) {
    if (!isPair(item)) continue;
    const keyNode = isAlias(item.key) ? aliasTargets.get(item.key) : item.key;
    if (isScalar(keyNode) && String(keyNode.value) === key) return item;
  }
  return undefined;
}

function knownKeysFor(path: readonly PathSegment[]): readonly string[] {
  const names = path.filter((segment) => typeof segment === 'string');
  const last = names[names.length - 1];
  if (last === undefined) return KNOWN_KEYS.deck;
  if (last === 'sections') return KNOWN_KEYS.section;
  if (last === 'slides') return KNOWN_KEYS.slide;
  return KNOWN_KEYS.bullet;
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
