import { isAlias, isMap, isPair, isScalar, isSeq, type Document, type Node as YamlNode } from 'yaml';
import type * as z from 'zod';
import type { AliasTargets } from './aliases.js';
import type { Diagnostic, DiagnosticAt } from './deck-error.js';
import { formatPath, type PathSegment } from './field-path.js';
import { knownKeysAt } from './schema-shape.js';
import { EXTENSION_KEY_PREFIX } from './extension-keys.js';
import { closest } from '../text/closest.js';

/** What placing an issue needs to know of the file's schema. */
export interface IssueShape {
  /** The keys the mapping at a path may have, for "did you mean". */
  readonly knownKeysAt: (path: readonly PathSegment[]) => readonly string[];
  /** Whether top-level keys starting with `x-` are the author's own (decks). */
  readonly hasExtensionKeys: boolean;
  /** What a key of the mapping at a path is called in messages (`unknown key "x"`): `key` for a deck. */
  readonly keyNounAt?: (path: readonly PathSegment[]) => string;
}

const DECK_SHAPE: IssueShape = { knownKeysAt, hasExtensionKeys: true };

interface Located {
  /** Deepest node reached along the path. */
  readonly node: YamlNode;
  /** How many path segments were resolved to reach it. */
  readonly depth: number;
}

/**
 * Where a zod issue is in the deck's text, said as diagnostics (through `at`): at the offending
 * key or value, with the path of its field; a missing field at the mapping that should hold it,
 * an unknown key at the key with the keys that mapping may have, what is wrong inside a bullet
 * mapping where it is. `aliasTargets` (from `resolveAliases`) lets a path go through aliases.
 *
 * @returns Usually one diagnostic; one per key for unknown keys, one per problem inside a bullet.
 */
export function issueDiagnostics(
  document: Document,
  aliasTargets: AliasTargets,
  issue: z.core.$ZodIssue,
  at: DiagnosticAt,
  shape: IssueShape = DECK_SHAPE,
): Diagnostic[] {
  const path = issue.path;
  const located = locate(document, aliasTargets, path);
  const nodeOffset = located.node.range?.[0] ?? 0;

  if (issue.code === 'unrecognized_keys') {
    const known = shape.knownKeysAt(path);
    return issue.keys.map((key) => {
      const keyNode = isMap(located.node) ? findPair(located.node, key, aliasTargets)?.key : undefined;
      const offset = isYamlNode(keyNode) ? (keyNode.range?.[0] ?? nodeOffset) : nodeOffset;
      // A key written as an alias (`*a : x`) reads as its anchor's text, which the line lacks.
      const written = isAlias(keyNode) ? ` (the alias *${keyNode.source})` : '';
      // YAML 1.1 merge keys are not part of YAML 1.2, which the loader reads.
      if (key === '<<') return at(offset, formatPath(path), 'merge keys ("<<") are not supported (YAML 1.2 has none); write the keys out');
      const suggestion = closest(key, known);
      const hint = suggestion === undefined ? `; expected one of: ${known.join(', ')}` : `; did you mean "${suggestion}"?`;
      // At the top level, a key of the author's own has a place: keys starting with x- are ignored.
      const extension =
        path.length === 0 && suggestion === undefined && shape.hasExtensionKeys
          ? `; keys starting with ${EXTENSION_KEY_PREFIX} are ignored, a place for YAML anchors`
          : '';
      return at(offset, formatPath(path), `unknown ${shape.keyNounAt?.(path) ?? 'key'} "${key}"${written}${hint}${extension}`);
    });
  }

  // A mapping with `text` can only be a bullet with sub-bullets (BulletSchema, a union with plain
  // text): what is wrong inside it is reported where it is, as the mapping branch found it,
  // rather than as the union's one message at the bullet.
  if (issue.code === 'invalid_union' && located.depth === path.length && isBulletMapping(located.node, aliasTargets)) {
    const inside = issue.errors.filter(
      (branch) => !branch.every((problem) => problem.path.length === 0 && problem.code === 'invalid_type'),
    );
    if (inside.length === 1)
      return (inside[0] ?? []).flatMap((problem) =>
        issueDiagnostics(document, aliasTargets, { ...problem, path: [...path, ...problem.path] }, at, shape),
      );
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

/**
 * The offset in the deck's text of the field at `path`, or of the nearest enclosing field that is
 * there, through aliases (`aliasTargets`, from `resolveAliases`).
 */
export function offsetOfPath(document: Document, aliasTargets: AliasTargets, path: readonly PathSegment[]): number {
  return locate(document, aliasTargets, path).node.range?.[0] ?? 0;
}

/** The offsets in the deck's text where the field at `path` (as {@link offsetOfPath} finds it) starts and its value ends. */
export function rangeOfPath(document: Document, aliasTargets: AliasTargets, path: readonly PathSegment[]): [number, number] {
  const range = locate(document, aliasTargets, path).node.range;
  return [range?.[0] ?? 0, range?.[1] ?? 0];
}

/** The node at `path`, through aliases. */
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
