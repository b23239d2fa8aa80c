import type { Position } from '../navigation/deck-state.js';
import { stepCountOf, type Slide } from './slides.js';

/**
 * Maps a position in a deck onto a new version of that deck, so an edit does not move the talk:
 * the same section (by id) and the same slide of it where it still exists (a slide of that
 * section with the same title; of several, the one with the same content and neighbours, else
 * the same rank), else the slide now at the
 * same place in the section (or its last slide, then its divider); when the section is gone, the
 * divider of the section that followed it (or, at the end, preceded it); else the same slide
 * number clamped to the new deck. The step is kept where the slide still has it.
 *
 * @returns A position inside `to`.
 */
export function relocate(from: readonly Slide[], to: readonly Slide[], position: Position): Position {
  return relocateExactly(from, to, position) ?? atSlide(to, nearestSlide(from, to, position), position.step);
}

/**
 * Where the slide at `position` in `from` is in `to`: the title slide, the divider of the same
 * section, or the same-titled slide of the same section (of several, the most alike). Undefined when
 * `to` no longer has that slide (see {@link relocate} for where the talk goes then).
 */
export function relocateExactly(from: readonly Slide[], to: readonly Slide[], position: Position): Position | undefined {
  const slide = from[position.slide];
  if (slide === undefined) return undefined;
  if (slide.kind === 'title') return to[0] === undefined ? undefined : atSlide(to, 0, position.step);
  const divider = to.findIndex((candidate) => candidate.kind === 'section' && candidate.sectionId === slide.sectionId);
  if (slide.kind === 'section') return divider === -1 ? undefined : atSlide(to, divider, position.step);
  const match = divider === -1 ? undefined : inSection(from, position.slide, to);
  // Not in its section: moved to another one in the same save, if exactly one slide elsewhere
  // has its title and says the same.
  const moved = to.flatMap((candidate, index) => (candidate.title === slide.title && sameContent(slide, candidate) ? [index] : []));
  const found = match ?? (moved.length === 1 ? moved[0] : undefined);
  return found === undefined ? undefined : atSlide(to, found, position.step);
}

/** Where the content slide at `index` of `from` is among the slides of its section in `to`, if there. */
function inSection(from: readonly Slide[], index: number, to: readonly Slide[]): number | undefined {
  const slide = from[index];
  if (slide?.kind !== 'content') return undefined;
  const sameTitleBefore = contentIndicesOf(from, slide.sectionId).filter((candidate) => from[candidate]?.title === slide.title);
  const sameTitle = contentIndicesOf(to, slide.sectionId).filter((candidate) => to[candidate]?.title === slide.title);
  // Fewer slides of this title, and none says what this one said: this one was deleted (a save
  // that brings it back brings the talk back, relocateRemembering), not edited.
  if (sameTitle.length < sameTitleBefore.length && !sameTitle.some((candidate) => sameContent(slide, to[candidate]))) return undefined;
  return mostAlike(from, index, to, sameTitle, sameTitleBefore.indexOf(index));
}

/**
 * Which of `candidates` (indices into `to`, slides of the same section and title) is the slide
 * at `index` in `from`, the `occurrence`-th of its title there. Titles repeat ("Demo",
 * "Questions"), so a slide is known by more than its title and rank: the same bullets and notes
 * count most, then the same slide before it and after it; among equals, the one of the same
 * rank, or the nearest rank. So inserting, deleting or moving another slide of the same title
 * leaves the talk on its slide, and editing the slide itself (its content changes) still finds it
 * by its neighbours and rank.
 */
function mostAlike(
  from: readonly Slide[],
  index: number,
  to: readonly Slide[],
  candidates: readonly number[],
  occurrence: number,
): number | undefined {
  const slide = from[index];
  let best: { index: number; score: number; distance: number } | undefined;
  candidates.forEach((candidate, rank) => {
    const score =
      (sameContent(slide, to[candidate]) ? 4 : 0) +
      (sameSlide(from[index - 1], to[candidate - 1]) ? 1 : 0) +
      (sameSlide(from[index + 1], to[candidate + 1]) ? 1 : 0);
    const distance = Math.abs(rank - occurrence);
    if (best === undefined || score > best.score || (score === best.score && distance < best.distance))
      best = { index: candidate, score, distance };
  });
  return best?.index;
}

/** Whether two slides say the same: their body (layout and content) and speaker notes (content slides only). */
function sameContent(a: Slide | undefined, b: Slide | undefined): boolean {
  if (a?.kind !== 'content' || b?.kind !== 'content') return false;
  return a.notes === b.notes && JSON.stringify(a.body) === JSON.stringify(b.body);
}

/** Whether two neighbouring slides are the same one, as far as a neighbour tells: kind, section and title. */
function sameSlide(a: Slide | undefined, b: Slide | undefined): boolean {
  if (a === undefined || b === undefined) return a === b;
  return a.kind === b.kind && a.title === b.title && (a.kind === 'title' || b.kind === 'title' || a.sectionId === b.sectionId);
}

/** Where the talk goes when its slide is gone: see {@link relocate}. */
function nearestSlide(from: readonly Slide[], to: readonly Slide[], position: Position): number {
  const slide = from[position.slide];
  const clamped = Math.min(Math.max(position.slide, 0), Math.max(0, to.length - 1));
  if (slide === undefined || slide.kind === 'title') return slide === undefined ? clamped : 0;
  const divider = to.findIndex((candidate) => candidate.kind === 'section' && candidate.sectionId === slide.sectionId);
  if (divider === -1) return nearestSection(from, to, slide.sectionId) ?? clamped;
  if (slide.kind === 'section') return divider;
  const indexInSection = contentIndicesOf(from, slide.sectionId).indexOf(position.slide);
  const candidates = contentIndicesOf(to, slide.sectionId);
  return candidates[Math.min(indexInSection, candidates.length - 1)] ?? divider;
}

/**
 * The divider of the section that followed section `sectionId` in `from` and is still in `to`,
 * else of the one before it: where the talk was, once its section is gone.
 */
function nearestSection(from: readonly Slide[], to: readonly Slide[], sectionId: string): number | undefined {
  const order = [...new Set(from.flatMap((slide) => (slide.kind === 'title' ? [] : [slide.sectionId])))];
  const index = order.indexOf(sectionId);
  const dividerOf = (id: string | undefined) => to.findIndex((candidate) => candidate.kind === 'section' && candidate.sectionId === id);
  for (const id of [...order.slice(index + 1), ...order.slice(0, index).reverse()]) {
    const divider = dividerOf(id);
    if (divider !== -1) return divider;
  }
  return undefined;
}

/** `slide` of `slides` with `step` clamped to its steps. */
function atSlide(slides: readonly Slide[], slide: number, step: number): Position {
  const destination = slides[slide];
  const steps = destination === undefined ? 1 : stepCountOf(destination);
  return { slide, step: Math.min(Math.max(step, 0), steps - 1) };
}

/**
 * A slide an edit took away from under the talk, kept so that the edit that brings it back
 * brings the talk back too: cutting a section and pasting it elsewhere, or a file saved in two
 * writes, must not leave the talk on whatever slide was nearest in between.
 */
export interface LostSlide {
  /** The deck that had the slide, and the talk's position on it. */
  readonly slides: readonly Slide[];
  readonly position: Position;
  /** Where the talk went instead; a move from there (a key, another view) forgets the slide. */
  readonly landed: Position;
}

/**
 * {@link relocate}, remembering a lost slide: when the slide at `position` is not in `to`, the
 * result carries it as `lost`; when `lost` is given and the talk has not moved since (it is at
 * `lost.landed`), and `to` has that slide again, the talk goes back to it.
 *
 * @returns The position in `to`, whether it is the lost slide found again (`isRestored`), and
 *   the lost slide to pass to the next reload, if any.
 */
export function relocateRemembering(
  from: readonly Slide[],
  to: readonly Slide[],
  position: Position,
  lost: LostSlide | undefined,
): { readonly position: Position; readonly isRestored?: boolean; readonly lost?: LostSlide } {
  const isUnmoved = lost !== undefined && lost.landed.slide === position.slide && lost.landed.step === position.step;
  const back = isUnmoved ? relocateExactly(lost.slides, to, lost.position) : undefined;
  if (back !== undefined) return { position: back, isRestored: true };
  const exact = relocateExactly(from, to, position);
  const landed = exact ?? atSlide(to, nearestSlide(from, to, position), position.step);
  if (isUnmoved) return { position: landed, lost: { ...lost, landed } };
  return exact === undefined ? { position: landed, lost: { slides: from, position, landed } } : { position: landed };
}

function contentIndicesOf(slides: readonly Slide[], sectionId: string): number[] {
  return slides.flatMap((slide, index) => (slide.kind === 'content' && slide.sectionId === sectionId ? [index] : []));
}
