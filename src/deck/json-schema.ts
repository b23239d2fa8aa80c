import * as z from 'zod';
import { DeckSchema, LAYOUT_FIELDS, SLIDE_LAYOUTS } from './schema.js';
import { EXTENSION_KEY_PREFIX } from './extension-keys.js';

/** YAML scalars an editor may see where inkdeck reads text: `NO`, `1.10` and `~` are all text to us. */
const ANY_SCALAR = ['string', 'number', 'integer', 'boolean', 'null'];

/**
 * The JSON Schema of a deck, generated from the schema the loader validates with, so editors
 * (VS Code's YAML extension, Neovim's yaml-language-server) check what inkdeck checks, with
 * the field descriptions as hover help. Draft 7, the version yaml-language-server supports best.
 *
 * inkdeck reads every scalar as the text written (YAML failsafe schema) while editors type them
 * (YAML 1.2 core schema), so free-text fields accept any scalar, and `reveal`, which the loader
 * takes as the words `true`/`false`, is a boolean to the editor.
 */
export function deckJsonSchema(): Record<string, unknown> {
  const schema = z.toJSONSchema(DeckSchema, { target: 'draft-7', io: 'input' });
  const deck = asEditorSees(schema) as Record<string, unknown>;
  withLayoutRules(slideSchemaOf(deck));
  // The author's own top-level keys (x-…) are allowed, and ignored.
  return { ...deck, patternProperties: { [`^${EXTENSION_KEY_PREFIX}`]: {} }, title: 'inkdeck slide deck' };
}

/** The schema of a content slide inside the deck's. */
function slideSchemaOf(deck: Record<string, unknown>): Record<string, unknown> {
  const at = (node: unknown, key: string) => (node as Record<string, unknown>)[key];
  return at(at(at(at(at(at(deck, 'properties'), 'sections'), 'items'), 'properties'), 'slides'), 'items') as Record<string, unknown>;
}

/**
 * Adds to a slide's schema what the loader checks after the shape (checkLayoutFields in
 * schema.ts), as editors can read it: each layout needs its field (`if`/`then`, draft 7), and a
 * slide without `layout:` is a bullets slide, whose fields are its own.
 */
function withLayoutRules(slide: Record<string, unknown>): void {
  const rules = SLIDE_LAYOUTS.filter((layout) => layout !== 'bullets').map((layout) => ({
    if: { properties: { layout: { const: layout } }, required: ['layout'] },
    then: { required: [...LAYOUT_FIELDS[layout].slice(0, 1)] },
  }));
  const others = SLIDE_LAYOUTS.filter((layout) => layout !== 'bullets').flatMap((layout) => LAYOUT_FIELDS[layout]);
  rules.push({
    if: { not: { required: ['layout'] } } as never,
    then: { not: { anyOf: others.map((field) => ({ required: [field] })) } } as never,
  });
  slide.allOf = rules;
}

function asEditorSees(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(asEditorSees);
  if (typeof node !== 'object' || node === null) return node;
  const entries = Object.entries(node).map(([key, value]) => [key, asEditorSees(value)] as const);
  const result: Record<string, unknown> = Object.fromEntries(entries);
  if (Array.isArray(result.enum) && result.enum.length === 2 && result.enum.includes('true') && result.enum.includes('false')) {
    delete result.enum;
    result.type = 'boolean';
  } else if (result.type === 'string' && result.pattern === undefined && result.enum === undefined) {
    result.type = ANY_SCALAR;
  }
  return result;
}
