import * as z from 'zod';
import type { PathSegment } from './field-path.js';
import { sanitizeText } from './sanitize.js';
import { DeckSchema, type Deck } from './schema.js';

// What the loader's hints and the public API need to know about a deck's fields is read off
// DeckSchema here, so a field added to the schema is known and sanitised with no list to update
// (tests/schema-shape.test.ts walks the JSON Schema to check that it is).

/**
 * The keys the mapping at `path` may have, in the schema's order, for "did you mean" hints:
 * `[]` is the deck, `['sections', 0]` a section, `['sections', 0, 'slides', 1]` a slide and
 * `[…, 'bullets', 2]` a bullet with sub-bullets.
 *
 * @returns The keys; empty when no mapping of the schema is at `path`.
 */
export function knownKeysAt(path: readonly PathSegment[]): readonly string[] {
  let schema: z.core.$ZodType | undefined = DeckSchema;
  for (const segment of path) schema = schema === undefined ? undefined : fieldOf(schema, segment);
  if (schema === undefined) return [];
  return [...new Set(optionsOf(schema).flatMap((option) => (option instanceof z.ZodObject ? Object.keys(option.shape) : [])))];
}

/**
 * A copy of `deck` with every text sanitized (see {@link sanitizeText}), for a deck built in code
 * rather than loaded: each field the schema sanitizes when it loads a deck, and only those (a
 * section's `id` and the `duration` are checked against a pattern instead). Idempotent.
 */
export function sanitizeDeck(deck: Deck): Deck {
  return sanitizedBy(DeckSchema, deck) as Deck;
}

/** Every key of every mapping of the deck (`title`, `sections`, `id`, `slides`, `bullets`, `notes`, `text`, …). */
export const DECK_KEYS: ReadonlySet<string> = new Set(keysIn(DeckSchema));

function keysIn(schema: z.core.$ZodType): string[] {
  return optionsOf(schema).flatMap((option) => {
    if (option instanceof z.ZodArray) return keysIn(option.element);
    if (!(option instanceof z.ZodObject)) return [];
    const fields = Object.entries(option.shape as Record<string, z.core.$ZodType>);
    return fields.flatMap(([key, field]) => [key, ...keysIn(field)]);
  });
}

/** `value` with `sanitizeText` applied wherever `schema` applies it; the rest is kept as it is. */
function sanitizedBy(schema: z.core.$ZodType, value: unknown): unknown {
  if (schema instanceof z.ZodDefault && value === undefined) return value;
  if (schema instanceof z.ZodOptional) return value === undefined ? undefined : sanitizedBy(schema.unwrap(), value);
  if (isSanitizedText(schema)) return sanitizeText(value as string);
  const inner = withoutWrappers(schema);
  if (inner instanceof z.ZodArray) return (value as unknown[]).map((item) => sanitizedBy(inner.element, item));
  if (inner instanceof z.ZodUnion) {
    // Text goes to the option that reads text, anything else to the other one (a mapping).
    const isText = (option: z.core.$ZodType) => withoutWrappers(option) instanceof z.ZodString;
    const option = inner.options.find((candidate) => isText(candidate) === (typeof value === 'string'));
    return option === undefined ? value : sanitizedBy(option, value);
  }
  if (inner instanceof z.ZodObject) {
    const copy: Record<string, unknown> = { ...(value as Record<string, unknown>) };
    for (const [key, field] of Object.entries(inner.shape as Record<string, z.core.$ZodType>)) {
      // Fields with no text in them are left out rather than copied, so an absent one stays absent.
      if (holdsSanitizedText(field)) copy[key] = sanitizedBy(field, (value as Record<string, unknown>)[key]);
    }
    return copy;
  }
  return value;
}

/** Whether `schema` is text that goes through `sanitizeText` (a pipe with that transform). */
function isSanitizedText(schema: z.core.$ZodType): boolean {
  if (schema instanceof z.ZodTransform) return schema.def.transform === sanitizeText;
  if (schema instanceof z.ZodPipe) return isSanitizedText(schema.in) || isSanitizedText(schema.out);
  if (schema instanceof z.ZodOptional || schema instanceof z.ZodDefault) return isSanitizedText(schema.unwrap());
  return false;
}

/** Whether `schema` is, or has anywhere inside it, text that is sanitized. */
function holdsSanitizedText(schema: z.core.$ZodType): boolean {
  if (isSanitizedText(schema)) return true;
  const inner = withoutWrappers(schema);
  if (inner instanceof z.ZodArray) return holdsSanitizedText(inner.element);
  if (inner instanceof z.ZodUnion) return inner.options.some(holdsSanitizedText);
  if (inner instanceof z.ZodObject) return Object.values(inner.shape as Record<string, z.core.$ZodType>).some(holdsSanitizedText);
  return false;
}

/** The schema of `segment` (a key or a list index) inside a value of `schema`, if it has one. */
function fieldOf(schema: z.core.$ZodType, segment: PathSegment): z.core.$ZodType | undefined {
  for (const option of optionsOf(schema)) {
    if (option instanceof z.ZodArray && typeof segment === 'number') return option.element;
    if (option instanceof z.ZodObject && typeof segment === 'string' && Object.hasOwn(option.shape, segment))
      return (option.shape as Record<string, z.core.$ZodType>)[segment];
  }
  return undefined;
}

/** The shapes a value of `schema` may take: a union's options, or the schema alone, unwrapped. */
function optionsOf(schema: z.core.$ZodType): z.core.$ZodType[] {
  const inner = withoutWrappers(schema);
  return inner instanceof z.ZodUnion ? inner.options.map(withoutWrappers) : [inner];
}

/** `schema` without what only changes presence or the value after it checks: optional, default, a pipe's later stages. */
function withoutWrappers(schema: z.core.$ZodType): z.core.$ZodType {
  if (schema instanceof z.ZodOptional || schema instanceof z.ZodDefault) return withoutWrappers(schema.unwrap());
  if (schema instanceof z.ZodPipe) return withoutWrappers(schema.in);
  return schema;
}
