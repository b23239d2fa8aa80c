import {
  isAlias,
  isMap,
  isPair,
  isScalar,
  isSeq,
  LineCounter,
  Pair,
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
import { deckName, formatMiB, MAX_DECK_BYTES, readDeckText } from './read-deck.js';

export { formatPath, type PathSegment } from './field-path.js';
export { deckName, MAX_DECK_BYTES, readDeckText, readDeckTextSync, STDIN_FILE, STDIN_NAME } from './read-deck.js';

/**
 * Most values the aliases of a deck may expand to in all, counted as YAML nodes. Far above any
 * real deck, far below a "billion laughs" file (CVE-2003-1564 class: nested aliases that expand
 * exponentially).
 */
export const MAX_EXPANDED_NODES = 100_000;

/**
 * Most text the aliases of a deck may expand to in all, in characters: as much as the largest
 * deck file holds. One long anchored string repeated by many aliases stays under the node limit
 * (2,000 aliases of a 200 KB string), and would be laid out as millions of lines.
 */
export const MAX_EXPANDED_CHARS = MAX_DECK_BYTES;

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
  if (aliases.problem !== undefined) {
    const { kind, offset, name } = aliases.problem;
    throw new DeckError([at(offset, '', ALIAS_PROBLEMS[kind](name))]);
  }

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
  aliasTargets: ReadonlyMap<unknown, unknown>,
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
function isBulletMapping(node: YamlNode, aliasTargets: ReadonlyMap<unknown, unknown>): boolean {
  const resolved = isAlias(node) ? aliasTargets.get(node) : node;
  return isMap(resolved) && findPair(resolved, 'text', aliasTargets) !== undefined;
}

/** The node at `path`, through aliases (`aliasTargets`, from {@link resolveAliases}). */
function locate(document: Document, aliasTargets: ReadonlyMap<unknown, unknown>, path: readonly PathSegment[]): Located {
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
function findPair(map: { items: unknown[] }, key: string, aliasTargets: ReadonlyMap<unknown, unknown>) {
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

/** What can be wrong with an alias, said about the alias `name`. */
const ALIAS_PROBLEMS = {
  unresolved: (name: string) => `unknown alias *${name}: no anchor &${name} before it`,
  cycle: (name: string) => `the alias *${name} is inside the value anchored as &${name}, which would then contain itself`,
  values: (name: string) => `the aliases up to *${name} expand to more than ${MAX_EXPANDED_NODES} values; refusing to load`,
  text: (name: string) => `the aliases up to *${name} expand to more than ${formatMiB(MAX_EXPANDED_CHARS)} of text; refusing to load`,
} as const;

/** Values and characters of text a node stands for once its aliases are expanded. */
interface ExpandedSize {
  readonly values: number;
  readonly chars: number;
}

/**
 * Resolves every alias to the node of its anchor, in one walk in document order: an alias names
 * the closest anchor before it (YAML 1.2, 3.2.2.2). yaml's own `Alias.resolve` searches the
 * document again for each alias, which made 50,000 aliases take minutes; this stays linear.
 * The walk stops at the first alias that names no anchor, that lies inside the value it names,
 * or that brings what the aliases so far expand to over {@link MAX_EXPANDED_NODES} values or
 * {@link MAX_EXPANDED_CHARS} characters. Sizes of anchored values are remembered, so nested
 * aliases (a "billion laughs") are counted without being expanded.
 */
function resolveAliases(document: Document): { targets: Map<unknown, unknown>; problem?: { kind: keyof typeof ALIAS_PROBLEMS; offset: number; name: string } } {
  const anchors = new Map<string, unknown>();
  const targets = new Map<unknown, unknown>();
  const sizes = new Map<unknown, ExpandedSize>();
  // The values the walk is inside of: an alias to one of them would make a value contain itself.
  const enclosing = new Set<unknown>();
  let values = 0;
  let chars = 0;
  let problem: { kind: keyof typeof ALIAS_PROBLEMS; offset: number; name: string } | undefined;

  const sizeOf = (node: unknown): ExpandedSize => {
    const known = sizes.get(node);
    if (known !== undefined) return known;
    let size: ExpandedSize = { values: 1, chars: 0 };
    if (isAlias(node)) size = sizeOf(targets.get(node));
    else if (isScalar(node)) size = { values: 1, chars: String(node.value ?? '').length };
    else if (isMap(node) || isSeq(node)) {
      const children = isMap(node) ? node.items.flatMap((pair) => [pair.key, pair.value]) : node.items;
      let total = { values: 1, chars: 0 };
      for (const child of children) {
        const part = sizeOf(child);
        // Capped, so sizes stay small numbers however deep the nesting.
        total = { values: Math.min(total.values + part.values, MAX_EXPANDED_NODES + 1), chars: Math.min(total.chars + part.chars, MAX_EXPANDED_CHARS + 1) };
      }
      size = total;
    }
    sizes.set(node, size);
    return size;
  };

  const walk = (node: unknown): void => {
    if (problem !== undefined) return;
    if (isAlias(node)) {
      const target = anchors.get(node.source);
      const at = { offset: node.range?.[0] ?? 0, name: node.source };
      if (target === undefined) problem = { kind: 'unresolved', ...at };
      else if (enclosing.has(target)) problem = { kind: 'cycle', ...at };
      if (problem !== undefined) return;
      targets.set(node, target);
      const size = sizeOf(target);
      values += size.values;
      chars += size.chars;
      if (values > MAX_EXPANDED_NODES) problem = { kind: 'values', ...at };
      else if (chars > MAX_EXPANDED_CHARS) problem = { kind: 'text', ...at };
      return;
    }
    if ((isScalar(node) || isMap(node) || isSeq(node)) && node.anchor !== undefined) anchors.set(node.anchor, node);
    if (!isMap(node) && !isSeq(node)) return;
    enclosing.add(node);
    if (isMap(node)) {
      for (const pair of node.items) {
        walk(pair.key);
        walk(pair.value);
      }
    } else {
      for (const item of node.items) walk(item);
    }
    enclosing.delete(node);
  };
  walk(document.contents);
  return problem === undefined ? { targets } : { targets, problem };
}

/**
 * A copy of `document` with each alias replaced by the node it names (`targets`, from
 * {@link resolveAliases}), so converting it to data never asks yaml to resolve an alias. The
 * document itself keeps its aliases, for positions in messages.
 */
function withAliasesReplaced(document: Document, targets: Map<unknown, unknown>): Document {
  if (targets.size === 0) return document;
  // Copies of the collections only, sharing everything else with the original.
  const shallowCopy = <T extends object>(value: T): T => Object.create(Object.getPrototypeOf(value) as object, Object.getOwnPropertyDescriptors(value)) as T;
  const copies = new Map<unknown, unknown>();
  const copy = (node: unknown): unknown => {
    if (isAlias(node)) return copy(targets.get(node));
    const done = copies.get(node);
    if (done !== undefined) return done;
    let result: unknown = node;
    if (isMap(node)) {
      const map = shallowCopy(node);
      map.items = node.items.map((pair) => new Pair(copy(pair.key), copy(pair.value)));
      result = map;
    } else if (isSeq(node)) {
      const seq = shallowCopy(node);
      seq.items = node.items.map(copy);
      result = seq;
    }
    copies.set(node, result);
    return result;
  };
  const replaced = shallowCopy(document);
  replaced.contents = copy(document.contents) as typeof replaced.contents;
  return replaced;
}

/**
 * The offset of the first key that is a list or a mapping (`? [a, b]`): no deck field is named
 * like that, and yaml would turn it into text with a warning printed to stderr.
 */
function findCollectionKey(document: Document, aliasTargets: ReadonlyMap<unknown, unknown>): number | undefined {
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
