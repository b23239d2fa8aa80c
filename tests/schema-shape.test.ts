import { describe, expect, it } from 'vitest';
import { deckJsonSchema } from '../src/deck/json-schema.js';
import type { PathSegment } from '../src/deck/field-path.js';
import { sanitizeText } from '../src/deck/sanitize.js';
import type { Deck } from '../src/deck/schema.js';
import { knownKeysAt, sanitizeDeck } from '../src/deck/schema-shape.js';

// The fields are listed from the JSON Schema, zod's own rendering of DeckSchema, not from the
// walk under test: a field added to the schema shows up here whether or not the walk sees it.

interface JsonSchema {
  readonly type?: string | readonly string[];
  readonly properties?: Record<string, JsonSchema>;
  readonly items?: JsonSchema;
  readonly anyOf?: readonly JsonSchema[];
}

/** Text with an escape sequence, a control character and a bidirectional control in it. */
const DIRTY = 'a\u001B]0;owned\u0007\u202Eb\t';

interface Fields {
  /** Every mapping: its path and the keys the schema gives it. */
  readonly mappings: { readonly path: PathSegment[]; readonly keys: string[] }[];
  /** Every free-text field (any scalar to an editor): its path. */
  readonly texts: PathSegment[][];
  /** A deck with every field present, each text holding DIRTY and its own path. */
  readonly deck: unknown;
}

function fieldsOf(schema: JsonSchema): Fields {
  const mappings: Fields['mappings'] = [];
  const texts: Fields['texts'] = [];
  const build = (node: JsonSchema, path: PathSegment[]): unknown => {
    if (node.properties !== undefined) {
      mappings.push({ path, keys: Object.keys(node.properties) });
      return Object.fromEntries(Object.entries(node.properties).map(([key, field]) => [key, build(field, [...path, key])]));
    }
    if (node.items !== undefined) return (node.items.anyOf ?? [node.items]).map((option, index) => build(option, [...path, index]));
    // json-schema.ts gives free text every scalar type, and a pattern-checked id or duration `string`.
    if (Array.isArray(node.type)) {
      texts.push(path);
      return `${DIRTY}${path.join('.')}`;
    }
    return node.type === 'boolean' ? true : 'a';
  };
  return { mappings, texts, deck: build(schema as JsonSchema, []) };
}

const at = (value: unknown, path: readonly PathSegment[]): unknown =>
  path.reduce<unknown>((inside, segment) => (inside as Record<PropertyKey, unknown>)[segment], value);
const fields = fieldsOf(deckJsonSchema() as JsonSchema);
const name = (path: readonly PathSegment[]) => (path.length === 0 ? 'the deck' : path.join('.'));

describe('what is read off the deck schema', () => {
  it('finds the deck, a section, a slide, a bullet mapping, a column and an event, and the free text in them', () => {
    expect(fields.mappings.map((mapping) => name(mapping.path))).toEqual([
      'the deck',
      'sections.0',
      'sections.0.slides.0',
      'sections.0.slides.0.bullets.1',
      'sections.0.slides.0.columns.0',
      'sections.0.slides.0.events.0',
    ]);
    expect(fields.texts.length).toBeGreaterThanOrEqual(11);
  });

  it.each(fields.mappings.map((mapping) => [name(mapping.path), mapping] as const))('knows every key of %s', (_name, mapping) => {
    expect(knownKeysAt(mapping.path)).toEqual(mapping.keys);
  });

  it.each(fields.texts.map((path) => [name(path), path] as const))('sanitizes %s in a deck built in code', (_name, path) => {
    const dirty = at(fields.deck, path) as string;
    expect(sanitizeText(dirty)).not.toBe(dirty);
    expect(at(sanitizeDeck(fields.deck as Deck), path)).toBe(sanitizeText(dirty));
  });

  it('leaves what is not free text as it is', () => {
    const deck = fields.deck as Deck;
    const clean = sanitizeDeck(deck);
    expect(clean.sections[0]?.id).toBe(deck.sections[0]?.id);
    expect(clean.sections[0]?.slides[0]?.reveal).toBe(true);
    expect(sanitizeDeck(clean)).toEqual(clean);
  });
});
