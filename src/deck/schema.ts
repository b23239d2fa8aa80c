import * as z from 'zod';
import { parseDuration } from './duration.js';
import { sanitizeText } from './sanitize.js';

// The loader parses YAML with the failsafe schema, so every scalar arrives as the string the
// author wrote (`NO`, `1.10`, `~`, `2014-06-19`) and the schema only has to check shapes.

// `min(1)` is what editors see in the JSON Schema; the refinement, which zod runs only when the
// check before it passed, also refuses text that is only white space or only escape sequences.
/** Text that must not be empty; `typeError` is the message for anything but a string. */
function nonEmptyText(typeError: string) {
  return z
    .string({ error: typeError })
    .min(1, 'must not be empty')
    .transform(sanitizeText)
    .refine((value) => value.trim() !== '', { message: 'must not be empty' });
}

const text = nonEmptyText('expected text');

/**
 * A title: one line, however the YAML wrote it. A block scalar (`title: |`) keeps its line
 * breaks, and a title is shown on one line in the footer and the overview and drawn in big
 * letters, which have no line break; each break, with the spaces around it, becomes a space.
 */
const title = text.transform((value) => value.replace(/[ \t]*\n[ \t\n]*/g, ' ').trim());

const optionalText = z.string({ error: 'expected text' }).transform(sanitizeText).optional();

/** A YAML 1.2 boolean, written `true` or `false` (the failsafe schema leaves it a string). */
const flag = z
  .enum(['true', 'false'], { error: 'expected true or false' })
  .transform((value) => value === 'true')
  .optional();

/** How a bullet with sub-bullets is written, for messages about the ways it is written wrongly. */
const SUB_BULLETS = 'a bullet with sub-bullets is written `- text: …` with `bullets:` and the list under it';

/** A sub-bullet list belongs to the bullet before it; one nested level only. */
export const BulletSchema = z.union(
  [
    text,
    z.strictObject({
      text: text.describe('The bullet itself.'),
      bullets: z
        .array(nonEmptyText('sub-bullets go one level deep: each sub-bullet must be a string'), {
          error: 'expected a list of sub-bullets (strings)',
        })
        .default([])
        .describe('Sub-bullets, one level deep.'),
    }),
  ],
  {
    error: (issue) => {
      // A string fails the text branch only by being empty, as "  " fails it (after the union).
      if (typeof issue.input === 'string') return 'must not be empty';
      // The usual ways of writing sub-bullets wrongly are named first, with the way to write them.
      if (Array.isArray(issue.input)) return `a list where a bullet's text belongs; ${SUB_BULLETS}`;
      if (!isPlainMapping(issue.input)) return 'expected a string, or a mapping with `text` and `bullets`';
      const keys = Object.keys(issue.input);
      if (!('text' in issue.input) && keys.length === 1 && keys[0] === 'bullets')
        return 'these sub-bullets have no bullet: write `bullets:` under the `text:` of the bullet they belong to, without a "-" of its own';
      if (!('text' in issue.input) && keys.length === 1 && Array.isArray(issue.input[keys[0] ?? '']))
        return `a bullet written as "${keys[0] ?? ''}:" with a list under it; ${SUB_BULLETS}`;
      if (!('text' in issue.input)) return 'expected a string; a bullet that contains ": " must be quoted';
      // The loader reports what is wrong inside a mapping with `text` where it is instead.
      return 'expected a string, or a mapping with `text` and `bullets`';
    },
  },
);

export const ContentSlideSchema = z
  .strictObject(
    {
      title: title.describe('Slide title, one line.'),
      bullets: z.array(BulletSchema, { error: 'expected a list of strings' }).default([]).describe('Short points shown on the slide.'),
      notes: optionalText.describe('Speaker notes: what the presenter says on this slide.'),
      reveal: flag.describe('Reveal the bullets one step at a time.'),
    },
    { error: 'expected a slide (a mapping with title, bullets and notes)' },
  )
  .describe('A content slide.');

const DURATION = /^(?:\d+h)?(?:\d+m)?(?:\d+s)?$/;

const SECTION_ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

export const SectionSchema = z
  .strictObject(
    {
      id: z
        .string({ error: 'expected an id' })
        .regex(SECTION_ID, 'expected lowercase letters, digits and dashes, like `cold-war-echoes`')
        .describe('Stable id of the section, in kebab-case.'),
      title: title.describe('Section title, shown big on its divider slide and in the footer.'),
      slides: z.array(ContentSlideSchema, { error: 'expected a list of slides' }).describe('The content slides of the section.'),
    },
    { error: 'expected a section (a mapping with id, title and slides)' },
  )
  .describe('A section: a divider slide followed by its content slides.');

export const DeckSchema = z
  .strictObject(
    {
      title: title.describe('Deck title, shown big on the title slide.'),
      subtitle: optionalText.describe('Shown under the title.'),
      author: optionalText.describe('Shown on the title slide.'),
      date: optionalText.describe('Shown on the title slide, exactly as written.'),
      source: optionalText.describe('Where the material comes from.'),
      duration: z
        .string({ error: 'expected a duration' })
        // The pattern also goes into the JSON Schema for editors; the refinement rejects `0m`.
        .regex(DURATION, 'expected a duration like `15m`, `1h30m` or `90s`')
        .refine((value) => !DURATION.test(value) || parseDuration(value) !== undefined, 'expected a duration longer than zero')
        .optional()
        .describe('Target length of the talk, like `15m` or `1h30m`.'),
      sections: z
        .array(SectionSchema, { error: 'expected a list of sections' })
        .min(1, 'no slides: the deck needs at least one section')
        .superRefine(
          (sections, context) => {
            const firstIndex = new Map<string, number>();
            sections.forEach((section: unknown, index) => {
              // Run with other problems in the list too (below), so a section may be anything here.
              const id: unknown = typeof section === 'object' && section !== null ? (section as { id?: unknown }).id : undefined;
              if (typeof id !== 'string') return;
              const first = firstIndex.get(id);
              if (first === undefined) firstIndex.set(id, index);
              else
                context.addIssue({
                  code: 'custom',
                  path: [index, 'id'],
                  message: `duplicate section id "${id}" (first used by sections[${first}])`,
                });
            });
          },
          // zod skips a refinement once the list has a problem; every problem is reported at once.
          { when: (payload) => Array.isArray(payload.value) },
        )
        .describe('The sections of the deck, in order.'),
    },
    { error: 'expected an inkdeck deck (a mapping with title and sections)' },
  )
  .describe('An inkdeck slide deck.');

/** A validated deck, as the loader returns it. All text is sanitized for the terminal. */
export type Deck = z.output<typeof DeckSchema>;
export type Section = Deck['sections'][number];
export type ContentSlideData = Section['slides'][number];
export type Bullet = ContentSlideData['bullets'][number];

function isPlainMapping(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
