import { isAlias, isMap, isScalar, isSeq, Pair, type Document } from 'yaml';
import { formatMiB, MAX_DECK_BYTES } from './read-deck.js';

// yaml's own limit (`toJS({ maxAliasCount })`) cannot take this module's place, as measured on
// yaml 2.9.1: its default of 100 refuses 300 aliases of one word, a deck people write; raised to
// let 50,000 aliases through, it takes 68 to 110 s for them (each alias searches the document
// again; this walk: 2.4 s for the whole load); it counts no text (2,000 aliases of a 200 KB
// string gave 400 MB in 4.3 s), sees no alias inside its own anchor (it builds a circular
// value), and its errors name neither the alias nor its place.

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

/** Each alias of a document (a yaml `Alias`) and the node of the anchor it names. */
export type AliasTargets = ReadonlyMap<unknown, unknown>;

/** What {@link resolveAliases} found. */
export interface ResolvedAliases {
  readonly targets: AliasTargets;
  /** The first alias that cannot be loaded: its offset in the text, and why, in one line. */
  readonly problem?: { readonly offset: number; readonly message: string };
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
 *
 * @returns Every alias's target up to the first problem, and that problem, if any.
 */
export function resolveAliases(document: Document): ResolvedAliases {
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
        total = {
          values: Math.min(total.values + part.values, MAX_EXPANDED_NODES + 1),
          chars: Math.min(total.chars + part.chars, MAX_EXPANDED_CHARS + 1),
        };
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
  if (problem === undefined) return { targets };
  return { targets, problem: { offset: problem.offset, message: ALIAS_PROBLEMS[problem.kind](problem.name) } };
}

/**
 * A copy of `document` with each alias replaced by the node it names (`targets`, from
 * {@link resolveAliases}), so converting it to data never asks yaml to resolve an alias. The
 * document itself keeps its aliases, for positions in messages.
 */
export function withAliasesReplaced(document: Document, targets: AliasTargets): Document {
  if (targets.size === 0) return document;
  // Copies of the collections only, sharing everything else with the original.
  const shallowCopy = <T extends object>(value: T): T =>
    Object.create(Object.getPrototypeOf(value) as object, Object.getOwnPropertyDescriptors(value)) as T;
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
