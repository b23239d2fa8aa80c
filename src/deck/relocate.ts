import type { Position } from '../navigation/deck-state.js';
import { stepCountOf, type Slide } from './slides.js';

/**
 * Maps a position in a deck onto a new version of that deck, so an edit does not move the talk:
 * the same section (by id) and the same slide of it where it still exists (a slide of that
 * section with the same title; the k-th of several stays the k-th), else the slide now at the same place in
 * the section (or its last slide, then its divider), else the same slide number clamped to the
 * new deck. The step is kept where the slide still has it.
 *
 * @returns A position inside `to`.
 */
export function relocate(from: readonly Slide[], to: readonly Slide[], position: Position): Position {
  const last = Math.max(0, to.length - 1);
  const slide = from[position.slide];
  let target = Math.min(Math.max(position.slide, 0), last);
  if (slide?.kind === 'title') target = 0;
  if (slide !== undefined && slide.kind !== 'title') {
    const divider = to.findIndex((candidate) => candidate.kind === 'section' && candidate.sectionId === slide.sectionId);
    if (divider !== -1) {
      target = divider;
      if (slide.kind === 'content') {
        const indexInSection = contentIndicesOf(from, slide.sectionId).indexOf(position.slide);
        const candidates = contentIndicesOf(to, slide.sectionId);
        // The k-th slide of the section with this title stays the k-th one.
        const occurrence = contentIndicesOf(from, slide.sectionId)
          .filter((index) => from[index]?.title === slide.title)
          .indexOf(position.slide);
        const sameTitle = candidates.filter((index) => to[index]?.title === slide.title);
        const match = sameTitle[Math.min(occurrence, sameTitle.length - 1)];
        target = match ?? candidates[Math.min(indexInSection, candidates.length - 1)] ?? divider;
      }
    }
  }
  const destination = to[target];
  const steps = destination === undefined ? 1 : stepCountOf(destination);
  return { slide: target, step: Math.min(Math.max(position.step, 0), steps - 1) };
}

function contentIndicesOf(slides: readonly Slide[], sectionId: string): number[] {
  return slides.flatMap((slide, index) => (slide.kind === 'content' && slide.sectionId === sectionId ? [index] : []));
}
