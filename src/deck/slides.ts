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
  /** 1-based number of the section. */
  readonly sectionNumber: number;
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
}

export type Slide = TitleSlide | SectionSlide | ContentSlide;

/**
 * Lays a deck out as the slides the audience sees, in order: the title slide, then for each
 * section its divider slide followed by its content slides.
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
      sectionTitle: section.title,
    });
    for (const slide of section.slides) {
      slides.push({ kind: 'content', ...slide, sectionId: section.id, sectionTitle: section.title });
    }
  });
  return slides;
}
