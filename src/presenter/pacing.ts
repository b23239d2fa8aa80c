import { stepCountOf, type Slide } from '../deck/slides.js';
import type { Position } from '../navigation/deck-state.js';

/**
 * Share of the talk each kind of slide is planned to take, relative to a content slide.
 * Title and section slides are shown briefly; content slides carry the talk.
 */
export const SLIDE_WEIGHTS = { title: 0.5, section: 0.5, content: 1 } as const;

/** How the talk is going against its planned duration. */
export interface Pacing {
  /** Time planned for the current slide, in milliseconds. */
  readonly slideBudgetMs: number;
  /** Planned elapsed time at the current position (slide and step), in milliseconds. */
  readonly plannedMs: number;
  /**
   * Positive when ahead of plan (this position was reached early), negative when behind (the
   * current slide's budget is used up), 0 while within the current slide's budget; milliseconds.
   */
  readonly aheadMs: number;
  /** Time left of the current slide's budget, counted from when the talk reached it, in milliseconds (0 when used up). */
  readonly slideRemainingMs: number;
}

/**
 * Compares elapsed time with the plan ({@link planOf}: a slide's own `duration:`, else its share
 * of what is left by {@link SLIDE_WEIGHTS}), a slide's time split between its steps evenly. The plan for the current
 * position spans from when it should start to when the current slide should end: before that
 * window the presenter is ahead, after it behind.
 *
 * The time left of the slide counts down from when the talk reached it, whatever the plan says:
 * a presenter who is ahead still sees this slide's time being used.
 *
 * @param elapsedMs - Talk time so far, in milliseconds.
 * @param durationMs - Planned length of the talk, in milliseconds (positive).
 * @param onSlideMs - Talk time spent on the current slide so far, in milliseconds.
 */
export function pacing(elapsedMs: number, position: Position, slides: readonly Slide[], durationMs: number, onSlideMs: number): Pacing {
  const plan = planOf(slides, durationMs);
  const slide = Math.min(Math.max(position.slide, 0), slides.length - 1);
  const current = slides[slide];
  const slideStartMs = plan.startMs[slide] ?? 0;
  const slideBudgetMs = plan.budgetMs[slide] ?? 0;
  const steps = current === undefined ? 1 : stepCountOf(current);
  const step = Math.min(Math.max(position.step, 0), steps - 1);
  const plannedMs = slideStartMs + (slideBudgetMs * step) / steps;
  const slideEndMs = slideStartMs + slideBudgetMs;

  let aheadMs = 0;
  if (elapsedMs < plannedMs) aheadMs = plannedMs - elapsedMs;
  else if (elapsedMs > slideEndMs) aheadMs = slideEndMs - elapsedMs;
  return {
    slideBudgetMs: Math.round(slideBudgetMs),
    plannedMs: Math.round(plannedMs),
    aheadMs: Math.round(aheadMs),
    slideRemainingMs: Math.round(Math.max(0, slideBudgetMs - Math.max(0, onSlideMs))),
  };
}

/**
 * The time the plan gives the title slide, in milliseconds: the talk time counted as already
 * spent when the timer starts by leaving it. The timer starts with the first move, but the plan
 * gives the title slide its share; without this a speaker exactly on plan read "ahead" by that
 * share all talk long (issue 19). A timer started on the title slide (F5, `t`) measures it instead.
 *
 * @param durationMs - Planned length of the talk, in milliseconds.
 */
export function titleSlideBudgetMs(slides: readonly Slide[], durationMs: number): number {
  if (slides[0]?.kind !== 'title') return 0;
  return Math.round(planOf(slides, durationMs).budgetMs[0] ?? 0);
}

/**
 * What is left of the current slide's time budget, for the status row: `1:20 of 2:00 left`, or,
 * when the plan gives the slide less than a second (a long deck and a short `duration:`), that it
 * has none, rather than `0:00 of 0:00 left`.
 */
export function formatSlideTimeLeft({ slideRemainingMs, slideBudgetMs }: Pick<Pacing, 'slideRemainingMs' | 'slideBudgetMs'>): string {
  if (slideBudgetMs < 1000) return 'no time planned for this slide';
  return `${formatClock(slideRemainingMs)} of ${formatClock(slideBudgetMs)} left`;
}

/** Formats milliseconds as `m:ss`, or `h:mm:ss` from one hour; rounds down to the second. */
export function formatClock(ms: number): string {
  const totalSeconds = Math.floor(Math.abs(ms) / 1000);
  const hours = Math.floor(totalSeconds / 3600);
  const minutes = Math.floor((totalSeconds % 3600) / 60);
  const seconds = String(totalSeconds % 60).padStart(2, '0');
  return hours > 0 ? `${hours}:${String(minutes).padStart(2, '0')}:${seconds}` : `${minutes}:${seconds}`;
}

/** Each slide's planned start and time, in milliseconds, for one planned length of the talk. */
interface Plan {
  readonly startMs: readonly number[];
  readonly budgetMs: readonly number[];
}

const plans = new WeakMap<readonly Slide[], Map<number, Plan>>();

/**
 * The plan of a deck's slides for a talk of `durationMs`, worked out once per slides array and
 * length: the presenter view asks for pacing on every frame and every second, and that must not
 * cost in proportion to the deck. A slide with its own `duration:` gets that time; what is left of
 * the deck's (none when they take it all) is split between the others by {@link SLIDE_WEIGHTS}.
 */
export function planOf(slides: readonly Slide[], durationMs: number): Plan {
  let byDuration = plans.get(slides);
  if (byDuration === undefined) {
    byDuration = new Map();
    plans.set(slides, byDuration);
  }
  let plan = byDuration.get(durationMs);
  if (plan === undefined) {
    const fixedOf = (slide: Slide) => (slide.kind === 'content' ? slide.durationMs : undefined);
    const fixedMs = slides.reduce((sum, slide) => sum + (fixedOf(slide) ?? 0), 0);
    const sharedWeight = slides.reduce((sum, slide) => sum + (fixedOf(slide) === undefined ? SLIDE_WEIGHTS[slide.kind] : 0), 0);
    const perWeight = sharedWeight === 0 ? 0 : Math.max(0, durationMs - fixedMs) / sharedWeight;
    const startMs: number[] = [];
    const budgetMs: number[] = [];
    let at = 0;
    for (const slide of slides) {
      const budget = fixedOf(slide) ?? SLIDE_WEIGHTS[slide.kind] * perWeight;
      startMs.push(at);
      budgetMs.push(budget);
      at += budget;
    }
    plan = { startMs, budgetMs };
    byDuration.set(durationMs, plan);
  }
  return plan;
}
