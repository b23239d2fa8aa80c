import type { Bullet, Column, ContentSlideData, Deck, TimelineEvent } from './schema.js';
import { parseDuration } from './duration.js';

/** The title slide that opens every deck. */
export interface TitleSlide {
  readonly kind: 'title';
  readonly title: string;
  readonly subtitle?: string;
  readonly author?: string;
  readonly date?: string;
  readonly source?: string;
  /** Speaker notes (the deck's `notes:`). */
  readonly notes?: string;
  /** Label for the footer: the deck title. */
  readonly sectionTitle: string;
}

/** The divider slide that opens a section. */
export interface SectionSlide {
  readonly kind: 'section';
  readonly title: string;
  readonly sectionId: string;
  /** 1-based number of the section, and the number of sections in the deck. */
  readonly sectionNumber: number;
  readonly sectionCount: number;
  readonly sectionTitle: string;
  /** Speaker notes (the section's `notes:`). */
  readonly notes?: string;
  /** The section is material the speaker can drop (`optional: true`). */
  readonly isOptional?: boolean;
}

/**
 * What a content slide shows under its title, by layout (`layout:` in the deck): a list of
 * bullets, columns side by side, a quotation, one statement, or a timeline of events.
 */
export type SlideBody =
  | { readonly layout: 'bullets'; readonly bullets: readonly Bullet[] }
  | { readonly layout: 'columns'; readonly columns: readonly Column[] }
  | { readonly layout: 'quote'; readonly quote: string; readonly by?: string }
  | { readonly layout: 'statement'; readonly statement: string }
  | { readonly layout: 'timeline'; readonly events: readonly TimelineEvent[] };

/** A slide with content (by its layout) and speaker notes. */
export interface ContentSlide {
  readonly kind: 'content';
  readonly title: string;
  readonly body: SlideBody;
  readonly notes?: string;
  readonly sectionId: string;
  readonly sectionTitle: string;
  /** Steps of the slide: 1, or for a `reveal` slide one per item (see {@link itemsOf}) plus the title alone. */
  readonly stepCount: number;
  /** The time planned for the slide (its `duration:`), in milliseconds; shared out of the deck's when absent. */
  readonly durationMs?: number;
  /** Material the speaker can drop: `optional: true` on the slide or its section. */
  readonly isOptional?: boolean;
}

export type Slide = TitleSlide | SectionSlide | ContentSlide;

/**
 * Number of steps of a slide. A `reveal: true` slide starts with its title alone and shows one
 * more item per step (as reveal.js fragments do); every other slide has one step.
 */
export function stepCountOf(slide: Slide): number {
  return slide.kind === 'content' ? slide.stepCount : 1;
}

/**
 * The items of a slide body that a `reveal` slide shows one per step, in order, as text: its
 * bullets, its columns' bullets column by column, or its events (`when: what`). A quote or a
 * statement has none.
 */
export function itemsOf(body: SlideBody): string[] {
  switch (body.layout) {
    case 'bullets':
      return body.bullets.map((bullet) => (typeof bullet === 'string' ? bullet : bullet.text));
    case 'columns':
      return body.columns.flatMap((column) => column.bullets);
    case 'timeline':
      return body.events.map((event) => `${event.when}: ${event.what}`);
    case 'quote':
    case 'statement':
      return [];
  }
}

/**
 * Items of a content slide visible at `step` (0-based): all of them on a slide without reveal,
 * else `step` of them.
 */
export function revealedItems(slide: ContentSlide, step: number): number {
  const count = itemsOf(slide.body).length;
  return slide.stepCount === 1 ? count : Math.min(step, count);
}

/** The body of a slide as the deck writes it: the fields of its layout (bullets by default). */
export function bodyOf(slide: ContentSlideData): SlideBody {
  switch (slide.layout ?? 'bullets') {
    case 'bullets':
      return { layout: 'bullets', bullets: slide.bullets };
    case 'columns':
      return { layout: 'columns', columns: slide.columns ?? [] };
    case 'quote':
      return { layout: 'quote', quote: slide.quote ?? '', ...(slide.by === undefined ? {} : { by: slide.by }) };
    case 'statement':
      return { layout: 'statement', statement: slide.statement ?? '' };
    case 'timeline':
      return { layout: 'timeline', events: slide.events ?? [] };
  }
}

/**
 * Lays a deck out as the slides the audience sees, in order: the title slide, then for each
 * section its divider slide followed by its content slides. The deck's text must be sanitized
 * already: the loader's schema does it for decks from a file, and the public API runs
 * {@link sanitizeDeck} on decks built in code, so it is done once on every path.
 *
 * @returns At least one slide (the title slide). Slide numbers in the UI are index + 1.
 */
export function buildSlides(deck: Deck): Slide[] {
  const slides: Slide[] = [
    {
      kind: 'title',
      title: deck.title,
      subtitle: deck.subtitle,
      author: deck.author,
      date: deck.date,
      source: deck.source,
      ...(deck.notes === undefined ? {} : { notes: deck.notes }),
      sectionTitle: deck.title,
    },
  ];
  deck.sections.forEach((section, index) => {
    slides.push({
      kind: 'section',
      title: section.title,
      sectionId: section.id,
      sectionNumber: index + 1,
      sectionCount: deck.sections.length,
      sectionTitle: section.title,
      ...(section.notes === undefined ? {} : { notes: section.notes }),
      ...(section.optional === true ? { isOptional: true } : {}),
    });
    for (const slide of section.slides) {
      const body = bodyOf(slide);
      slides.push({
        kind: 'content',
        title: slide.title,
        body,
        notes: slide.notes,
        sectionId: section.id,
        sectionTitle: section.title,
        stepCount: slide.reveal === true ? itemsOf(body).length + 1 : 1,
        ...(slide.duration === undefined ? {} : { durationMs: parseDuration(slide.duration) }),
        ...(slide.optional === true || section.optional === true ? { isOptional: true } : {}),
      });
    }
  });
  return slides;
}
