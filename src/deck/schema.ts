import * as z from 'zod';
import { parseDuration } from './duration.js';
import { sanitizeText } from './sanitize.js';
import { notOneOf } from '../text/closest.js';
import { THEME_CHOICES } from './themes.js';

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

/** One of `values`, named `noun` in the message for anything else, with the value meant when one is close ("did you mean"). */
function oneOf<const Values extends readonly [string, ...string[]]>(values: Values, noun: string) {
  return z.enum(values, {
    error: (issue) => {
      return typeof issue.input === 'string' ? notOneOf(issue.input, values, noun) : `expected ${noun}: one of ${values.join(', ')}`;
    },
  });
}

/** A YAML 1.2 boolean, written `true` or `false` (the failsafe schema leaves it a string). */
const flag = z
  .enum(['true', 'false'], { error: 'expected true or false' })
  .transform((value) => value === 'true')
  .optional();

const DURATION = /^(?:\d+h)?(?:\d+m)?(?:\d+s)?$/;

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

/**
 * How a content slide sets out what it says. `bullets` (the default) is a title over a list;
 * `columns` sets 2 or 3 lists side by side under headings, for a comparison; `quote` a quotation
 * and its attribution; `statement` one sentence, as large as fits; `timeline` dated events in order.
 */
export const SLIDE_LAYOUTS = ['bullets', 'columns', 'quote', 'statement', 'timeline'] as const;
export type SlideLayoutName = (typeof SLIDE_LAYOUTS)[number];

/** The fields each layout reads, besides `title`, `notes`, `layout` and `reveal`. */
export const LAYOUT_FIELDS: Readonly<Record<SlideLayoutName, readonly string[]>> = {
  bullets: ['bullets'],
  columns: ['columns'],
  quote: ['quote', 'by'],
  statement: ['statement'],
  timeline: ['events'],
};

/** The field each layout cannot do without (a `bullets` slide may have none: a title alone). */
const REQUIRED_FIELD: Readonly<Record<SlideLayoutName, string | undefined>> = {
  bullets: undefined,
  columns: 'columns',
  quote: 'quote',
  statement: 'statement',
  timeline: 'events',
};

/** Layouts with items to reveal one per step. */
export const REVEALING_LAYOUTS: readonly SlideLayoutName[] = ['bullets', 'columns', 'timeline'];

/** Columns of a `columns` slide: a comparison reads side by side in 2 or 3. */
export const MIN_COLUMNS_PER_SLIDE = 2;
export const MAX_COLUMNS_PER_SLIDE = 3;

const ColumnSchema = z
  .strictObject(
    {
      heading: title.describe('Heading of the column, one line.'),
      bullets: z.array(text, { error: 'expected a list of strings' }).default([]).describe('Points of the column.'),
    },
    { error: 'expected a column (a mapping with heading and bullets)' },
  )
  .describe('One column of a `columns` slide.');

const EventSchema = z
  .strictObject(
    {
      when: title.describe('When it happened, as the source dates it (`June 2014`), one line.'),
      what: text.describe('What happened.'),
    },
    { error: 'expected an event (a mapping with when and what)' },
  )
  .describe('One event of a `timeline` slide.');

export const ContentSlideSchema = z
  .strictObject(
    {
      title: title.describe('Slide title, one line.'),
      layout: oneOf(SLIDE_LAYOUTS, 'a layout')
        .optional()
        .describe('How the slide sets out its content: bullets (the default), columns, quote, statement or timeline.'),
      bullets: z.array(BulletSchema, { error: 'expected a list of strings' }).default([]).describe('Short points shown on the slide.'),
      columns: z
        .array(ColumnSchema, { error: 'expected a list of columns' })
        .min(MIN_COLUMNS_PER_SLIDE, `expected ${MIN_COLUMNS_PER_SLIDE} or ${MAX_COLUMNS_PER_SLIDE} columns`)
        .max(MAX_COLUMNS_PER_SLIDE, `expected ${MIN_COLUMNS_PER_SLIDE} or ${MAX_COLUMNS_PER_SLIDE} columns`)
        .optional()
        .describe('For `layout: columns`: 2 or 3 columns side by side, each with a heading and bullets.'),
      quote: text.optional().describe('For `layout: quote`: the quotation, without quotation marks (the slide draws them).'),
      by: text.optional().describe('For `layout: quote`: who said or wrote it, and where.'),
      statement: text.optional().describe('For `layout: statement`: the one sentence the slide shows, as large as fits.'),
      events: z
        .array(EventSchema, { error: 'expected a list of events' })
        .min(1, 'expected at least one event')
        .optional()
        .describe('For `layout: timeline`: dated events, in order.'),
      notes: optionalText.describe('Speaker notes: what the presenter says on this slide.'),
      reveal: flag.describe('Reveal the items (bullets, column bullets, events) one step at a time.'),
      duration: durationField().describe(
        "Time planned for this slide, like `2m` or `90s`; the deck's duration less these is shared among the other slides.",
      ),
      optional: flag.describe('Material the speaker can drop when the talk runs late (the presenter view says which to skip).'),
    },
    { error: 'expected a slide (a mapping with title, bullets and notes)' },
  )
  .superRefine(checkLayoutFields, {
    // Run with problems elsewhere in the slide too, so every problem is reported at once.
    when: (payload) => isPlainMapping(payload.value),
  })
  .describe('A content slide.');

/**
 * Each layout reads its own fields: a field of another layout is a mistake (most often a
 * `layout:` line left out), and so is a layout without the field it shows, or `reveal` on a
 * layout with nothing to reveal.
 */
function checkLayoutFields(slide: Record<string, unknown>, context: z.core.$RefinementCtx): void {
  const written = slide.layout;
  if (written !== undefined && !(SLIDE_LAYOUTS as readonly unknown[]).includes(written)) return;
  const layout = (written ?? 'bullets') as SlideLayoutName;
  for (const other of SLIDE_LAYOUTS) {
    if (other === layout) continue;
    for (const field of LAYOUT_FIELDS[other]) {
      const value = slide[field];
      // `bullets` defaults to an empty list: only bullets written out are another layout's.
      if (value === undefined || (field === 'bullets' && Array.isArray(value) && value.length === 0)) continue;
      // The fix first: the banner of a live view shows only the start of a message.
      context.addIssue({
        code: 'custom',
        path: [field],
        message:
          written === undefined
            ? `"${field}" needs \`layout: ${other}\` on its slide (without a layout line, a slide is a bullets slide)`
            : `"${field}" is for a ${other} slide, and this is a ${layout} slide: write \`layout: ${other}\`, or remove "${field}"`,
      });
    }
  }
  const required = REQUIRED_FIELD[layout];
  if (required !== undefined && slide[required] === undefined)
    context.addIssue({ code: 'custom', path: [], message: `a ${layout} slide needs "${required}:"` });
  if (slide.reveal === true && !REVEALING_LAYOUTS.includes(layout))
    context.addIssue({
      code: 'custom',
      path: ['reveal'],
      message: `a ${layout} slide has one step, nothing to reveal; reveal works on ${REVEALING_LAYOUTS.join(', ')} slides`,
    });
}

/** A duration field (`15m`, `1h30m`, `90s`), optional: the deck's length, or a slide's time. */
function durationField() {
  return (
    z
      .string({ error: 'expected a duration' })
      // The pattern also goes into the JSON Schema for editors; the refinement rejects `0m`.
      .regex(DURATION, 'expected a duration like `15m`, `1h30m` or `90s`')
      .refine((value) => !DURATION.test(value) || parseDuration(value) !== undefined, 'expected a duration longer than zero')
      .optional()
  );
}

const SECTION_ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

export const SectionSchema = z
  .strictObject(
    {
      id: z
        .string({ error: 'expected an id' })
        .regex(SECTION_ID, 'expected lowercase letters, digits and dashes, like `cold-war-echoes`')
        .describe('Stable id of the section, in kebab-case.'),
      title: title.describe('Section title, shown big on its divider slide and in the footer.'),
      notes: optionalText.describe("Speaker notes for the section's divider slide."),
      optional: flag.describe('The whole section (its divider and its slides) is material the speaker can drop.'),
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
      language: z
        .string({ error: 'expected a language tag' })
        .regex(/^[A-Za-z]{2,3}(?:-[A-Za-z0-9]{1,8})*$/, 'expected a language tag (BCP 47) like `en`, `fr` or `zh-Hant`')
        .optional()
        .describe(
          'Language of the deck as a BCP 47 tag, like `en` or `zh-Hant`: the HTML export says it to browsers and screen readers (`en` by default).',
        ),
      notes: optionalText.describe('Speaker notes for the title slide: what the presenter says while it is shown.'),
      theme: oneOf(THEME_CHOICES, 'a theme')
        .optional()
        .describe(
          'Colours to present in: dark (the default), light, projector (high contrast), mono (no colour) or auto (light or dark, as the terminal is). `--theme` overrides it.',
        ),
      duration: durationField().describe('Target length of the talk, like `15m` or `1h30m`.'),
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
export type Column = NonNullable<ContentSlideData['columns']>[number];
export type TimelineEvent = NonNullable<ContentSlideData['events']>[number];

function isPlainMapping(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
