import { stepCountOf, type Slide } from '../deck/slides.js';
import type { Position } from '../navigation/deck-state.js';

/**
 * Where `next` leads from `position`: the next step of the same slide, the first step of the
 * next slide, or `undefined` at the end of the deck. Mirrors `deckReducer`'s `next`.
 */
export function nextPosition(slides: readonly Slide[], position: Position): Position | undefined {
  const slide = slides[position.slide];
  if (slide !== undefined && position.step < stepCountOf(slide) - 1) return { slide: position.slide, step: position.step + 1 };
  return position.slide < slides.length - 1 ? { slide: position.slide + 1, step: 0 } : undefined;
}
