import type { Slide } from '../deck/slides.js';
import { planOf } from './pacing.js';

/** Optional slides that, skipped, would win back time: which, and how much they were planned to take. */
export interface SkipSuggestion {
  /** The slides to skip, 0-based, in order. */
  readonly slides: readonly number[];
  /** Their planned time, in milliseconds. */
  readonly savesMs: number;
  /** Whether that time covers the delay (else every optional slide ahead is named, and it is not enough). */
  readonly isEnough: boolean;
}

/**
 * Which optional slides (`optional: true`, on the slide or its section) after slide `current` to
 * skip to finish on time when the talk is `behindMs` late: the fewest whose planned time
 * (planOf) covers the delay, and among as many, the nearest ones ahead. Undefined when the talk
 * is not behind or no optional slide is ahead; every optional slide ahead, `isEnough` false,
 * when all of them do not cover it.
 *
 * @param durationMs - Planned length of the talk, in milliseconds.
 */
export function suggestSkip(slides: readonly Slide[], current: number, behindMs: number, durationMs: number): SkipSuggestion | undefined {
  if (behindMs <= 0) return undefined;
  const { budgetMs } = planOf(slides, durationMs);
  const candidates = slides.flatMap((slide, index) =>
    index > current && slide.kind !== 'title' && slide.isOptional === true ? [{ index, ms: budgetMs[index] ?? 0 }] : [],
  );
  if (candidates.length === 0) return undefined;
  const total = candidates.reduce((sum, candidate) => sum + candidate.ms, 0);
  if (total < behindMs) return { slides: candidates.map((candidate) => candidate.index), savesMs: total, isEnough: false };
  // The fewest: as many as the longest ones need to cover the delay.
  const longest = [...candidates].sort((a, b) => b.ms - a.ms);
  let count = 0;
  for (let covered = 0; covered < behindMs; count += 1) covered += longest[count]?.ms ?? 0;
  // Then, of that many, the nearest: take each candidate in order while the rest can still be
  // made up from the longest of the candidates after it.
  const chosen: typeof candidates = [];
  let needed = behindMs;
  for (let at = 0; at < candidates.length && chosen.length < count; at += 1) {
    const candidate = candidates[at];
    if (candidate === undefined) break;
    const left = count - chosen.length - 1;
    const bestRest = candidates
      .slice(at + 1)
      .map((other) => other.ms)
      .sort((a, b) => b - a)
      .slice(0, left)
      .reduce((sum, ms) => sum + ms, 0);
    if (candidate.ms + bestRest >= needed) {
      chosen.push(candidate);
      needed -= candidate.ms;
    }
  }
  const savesMs = chosen.reduce((sum, candidate) => sum + candidate.ms, 0);
  return { slides: chosen.map((candidate) => candidate.index), savesMs, isEnough: savesMs >= behindMs };
}

/** Slide numbers (0-based indices, shown 1-based) in runs: `14–15, 17`. */
export function formatSlideRuns(indices: readonly number[]): string {
  const runs: string[] = [];
  let start: number | undefined;
  let previous: number | undefined;
  const close = () => {
    if (start === undefined || previous === undefined) return;
    runs.push(start === previous ? `${start + 1}` : `${start + 1}–${previous + 1}`);
  };
  for (const index of indices) {
    if (previous !== undefined && index === previous + 1) {
      previous = index;
      continue;
    }
    close();
    start = index;
    previous = index;
  }
  close();
  return runs.join(', ');
}

/**
 * The slide the skip key goes to from slide `current`: past the next run of optional slides
 * ahead (or past the rest of the run the current slide is in), to the first slide after it; the
 * last slide when the run ends the deck. Undefined when no optional slide is ahead.
 */
export function slideAfterOptionalRun(slides: readonly Slide[], current: number): number | undefined {
  const isOptional = (index: number) => {
    const slide = slides[index];
    return slide !== undefined && slide.kind !== 'title' && slide.isOptional === true;
  };
  let start = isOptional(current) ? current : -1;
  for (let index = current + 1; start === -1 && index < slides.length; index += 1) if (isOptional(index)) start = index;
  if (start === -1) return undefined;
  let end = start;
  while (isOptional(end + 1)) end += 1;
  return Math.min(end + 1, slides.length - 1);
}
