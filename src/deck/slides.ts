import type { Bullet, Deck } from './schema.js';

/** The title slide that opens every deck. */
export interface TitleSlide {
  readonly kind: 'title';
  readonly title: string;
  readonly subtitle?: string;
  readonly author?: string;
  readonly date?: string;
  readonly source?: string;
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
}

/** A slide with bullets and speaker notes. */
export interface ContentSlide {
  readonly kind: 'content';
  readonly title: string;
  readonly bullets: readonly Bullet[];
  readonly notes?: string;
  readonly sectionId: string;
  readonly sectionTitle: string;
  /** Steps of the slide: 1, or for a `reveal` slide one per bullet plus the title alone. */
  readonly stepCount: number;
}

export type Slide = TitleSlide | SectionSlide | ContentSlide;

/**
 * Number of steps of a slide. A `reveal: true` slide starts with its title alone and shows one
 * more bullet per step (as reveal.js fragments do); every other slide has one step.
 */
export function stepCountOf(slide: Slide): number {
  return slide.kind === 'content' ? slide.stepCount : 1;
}

/**
 * Bullets of a content slide visible at `step` (0-based): all of them on a slide without
 * reveal, else `step` of them.
 */
export function revealedBullets(slide: ContentSlide, step: number): number {
  return slide.stepCount === 1 ? slide.bullets.length : Math.min(step, slide.bullets.length);
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
    });
    for (const slide of section.slides) {
      slides.push({
        kind: 'content',
        title: slide.title,
        bullets: slide.bullets,
        notes: slide.notes,
        sectionId: section.id,
        sectionTitle: section.title,
        stepCount: slide.reveal === true ? slide.bullets.length + 1 : 1,
      });
    }
  });
  return slides;
}
