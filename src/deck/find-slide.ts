import type { Slide } from './slides.js';

/** A slide as something kept outside the deck names it: its number then, its title and section. */
export interface SlideMark {
  /** 0-based index of the slide when it was kept. */
  readonly slide: number;
  readonly title: string;
  /** Its section's title; none for the title slide. */
  readonly section?: string;
}

/** The section a slide is in, as a {@link SlideMark} names it: none for the title slide. */
export function sectionOfSlide(slide: Slide): string | undefined {
  return slide.kind === 'title' ? undefined : slide.sectionTitle;
}

/** `slide` as a {@link SlideMark}. */
export function markOf(slides: readonly Slide[], index: number): SlideMark | undefined {
  const slide = slides[index];
  if (slide === undefined) return undefined;
  const section = sectionOfSlide(slide);
  return { slide: index, title: slide.title, ...(section === undefined ? {} : { section }) };
}

/**
 * Where the slide `mark` names is in `slides` as they are now, after edits may have moved it:
 * the same number if the title and section still match there, else the first slide of that
 * title in that section, else the first of that title anywhere.
 *
 * @returns The 0-based index, or -1 when no slide has that title any more.
 */
export function findSlide(slides: readonly Slide[], mark: SlideMark): number {
  const at = slides[mark.slide];
  if (at !== undefined && at.title === mark.title && sectionOfSlide(at) === mark.section) return mark.slide;
  const inSection = slides.findIndex((slide) => slide.title === mark.title && sectionOfSlide(slide) === mark.section);
  return inSection !== -1 ? inSection : slides.findIndex((slide) => slide.title === mark.title);
}
