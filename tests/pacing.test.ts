import { describe, expect, it } from 'vitest';
import { parseDuration } from '../src/deck/duration.js';
import type { Slide } from '../src/deck/slides.js';
import { formatClock, formatSlideTimeLeft, pacing, planOf, titleSlideBudgetMs } from '../src/presenter/pacing.js';
import {
  elapsedMs,
  fromSharedTimer,
  msToNextSecond,
  startByFirstMove,
  startTimer,
  STOPPED_TIMER,
  toggleTimer,
  toSharedTimer,
} from '../src/presenter/timer.js';

const content = (title: string, stepCount = 1): Slide => ({
  kind: 'content',
  title,
  body: { layout: 'bullets', bullets: [] },
  sectionId: 's',
  sectionTitle: 'S',
  stepCount,
});
// Weights 0.5 + 0.5 + 1 + 1 + 1 = 4, so with a 4-minute talk a content slide is planned at
// 60 s and the title and section slides at 30 s each.
const SLIDES: Slide[] = [
  { kind: 'title', title: 'T', sectionTitle: 'T' },
  { kind: 'section', title: 'S', sectionId: 's', sectionNumber: 1, sectionCount: 1, sectionTitle: 'S' },
  content('A'),
  content('B', 4),
  content('C'),
];
const FOUR_MINUTES = 240_000;

describe('pacing', () => {
  it.each<
    [string, number, number, number, number, { slideBudgetMs: number; plannedMs: number; aheadMs: number; slideRemainingMs: number }]
  >([
    ['at the start, on time', 0, 0, 0, 0, { slideBudgetMs: 30_000, plannedMs: 0, aheadMs: 0, slideRemainingMs: 30_000 }],
    ['inside the title slide budget', 20_000, 0, 0, 20_000, { slideBudgetMs: 30_000, plannedMs: 0, aheadMs: 0, slideRemainingMs: 10_000 }],
    ['over the title slide budget', 45_000, 0, 0, 45_000, { slideBudgetMs: 30_000, plannedMs: 0, aheadMs: -15_000, slideRemainingMs: 0 }],
    ['reaching slide 3 early', 30_000, 2, 0, 0, { slideBudgetMs: 60_000, plannedMs: 60_000, aheadMs: 30_000, slideRemainingMs: 60_000 }],
    [
      'ahead, 20 s into slide 3: its time is being used',
      50_000,
      2,
      0,
      20_000,
      { slideBudgetMs: 60_000, plannedMs: 60_000, aheadMs: 10_000, slideRemainingMs: 40_000 },
    ],
    ['on slide 3 as planned', 90_000, 2, 0, 30_000, { slideBudgetMs: 60_000, plannedMs: 60_000, aheadMs: 0, slideRemainingMs: 30_000 }],
    ['late on slide 3', 150_000, 2, 0, 90_000, { slideBudgetMs: 60_000, plannedMs: 60_000, aheadMs: -30_000, slideRemainingMs: 0 }],
    [
      'step 3 of 4 of slide 4, early',
      120_000,
      3,
      2,
      10_000,
      { slideBudgetMs: 60_000, plannedMs: 150_000, aheadMs: 30_000, slideRemainingMs: 50_000 },
    ],
    [
      'the last slide, exactly at the end',
      240_000,
      4,
      0,
      60_000,
      { slideBudgetMs: 60_000, plannedMs: 180_000, aheadMs: 0, slideRemainingMs: 0 },
    ],
    ['after the end', 300_000, 4, 0, 120_000, { slideBudgetMs: 60_000, plannedMs: 180_000, aheadMs: -60_000, slideRemainingMs: 0 }],
  ])('%s', (_name, elapsed, slide, step, onSlide, expected) => {
    expect(pacing(elapsed, { slide, step }, SLIDES, FOUR_MINUTES, onSlide)).toEqual(expected);
  });
});

describe('parseDuration and formatClock', () => {
  it.each<[string, number | undefined]>([
    ['15m', 900_000],
    ['1h30m', 5_400_000],
    ['90s', 90_000],
    ['1h2m3s', 3_723_000],
    ['0m', undefined],
    ['', undefined],
    ['soon', undefined],
    ['15 minutes', undefined],
  ])('parseDuration(%j) is %j', (text, ms) => {
    expect(parseDuration(text)).toBe(ms);
  });

  it.each<[number, string]>([
    [0, '0:00'],
    [999, '0:00'],
    [61_000, '1:01'],
    [3_599_999, '59:59'],
    [3_723_000, '1:02:03'],
  ])('formatClock(%i) is %s', (ms, text) => {
    expect(formatClock(ms)).toBe(text);
  });
});

describe('timer', () => {
  it('counts only while running, from a monotonic clock', () => {
    const running = startTimer(STOPPED_TIMER, 1_000);
    expect(elapsedMs(running, 4_500)).toBe(3_500);
    const paused = toggleTimer(running, 5_000);
    expect(elapsedMs(paused, 60_000)).toBe(4_000);
    const resumed = toggleTimer(paused, 10_000);
    expect(elapsedMs(resumed, 12_250)).toBe(6_250);
  });

  it('does not restart a running timer', () => {
    const running = startTimer(STOPPED_TIMER, 1_000);
    expect(startTimer(running, 9_000)).toBe(running);
  });

  it('crosses to another process through the wall clock with the same elapsed time', () => {
    // This process: monotonic 5 000 is wall 1 700 000 010 000; the run began 3 s ago, after 60 s.
    const running = { accumulatedMs: 60_000, runningSince: 2_000 };
    const shared = toSharedTimer(running, 5_000, 1_700_000_010_000);
    expect(shared).toEqual({ elapsedMs: 60_000, runningSince: 1_700_000_007_000 });
    // Another process, whose monotonic clock reads 80 at the same wall time.
    const there = fromSharedTimer(shared, 80, 1_700_000_010_000);
    expect(elapsedMs(there, 80)).toBe(63_000);
    expect(elapsedMs(there, 1_080)).toBe(64_000);
    expect(fromSharedTimer({ elapsedMs: 42_000, runningSince: null }, 80, 1_700_000_010_000)).toEqual({ accumulatedMs: 42_000 });
    expect(toSharedTimer(STOPPED_TIMER, 5_000, 1_700_000_010_000)).toEqual({ elapsedMs: 0, runningSince: null });
  });

  it('never counts back when the other process’s wall clock is ahead', () => {
    const there = fromSharedTimer({ elapsedMs: 10_000, runningSince: 1_700_000_010_005 }, 80, 1_700_000_010_000);
    expect(elapsedMs(there, 80)).toBe(10_000);
  });

  it('schedules the next tick at the next whole elapsed second', () => {
    const running = startTimer(STOPPED_TIMER, 1_000);
    expect(msToNextSecond(running, 1_000)).toBe(1_000);
    expect(msToNextSecond(running, 3_250)).toBe(750);
  });
});

describe("formatSlideTimeLeft, the status row's time left of a slide", () => {
  it.each<[string, number, number, string]>([
    ['minutes and seconds from a minute', 80_000, 120_000, '1:20 of 2:00 left'],
    ['seconds below a minute', 12_400, 45_000, '0:12 of 0:45 left'],
    ['used up', 0, 30_000, '0:00 of 0:30 left'],
    ['a second planned', 300, 1000, '0:00 of 0:01 left'],
    // A very long deck with a short duration gave `0:00 of 0:00 left` (issue 16).
    ['no whole second planned: says so', 0, 600, 'no time planned for this slide'],
  ])('%s', (_name, slideRemainingMs, slideBudgetMs, text) => {
    expect(formatSlideTimeLeft({ slideRemainingMs, slideBudgetMs })).toBe(text);
  });
});

describe('a speaker exactly on plan (issue 19)', () => {
  it('reads "on time" on every step of every slide, from the first move to the end', async () => {
    const { readDeck } = await import('../src/deck/load-deck.js');
    const { buildSlides, stepCountOf } = await import('../src/deck/slides.js');
    const { SLIDES_YAML } = await import('./helpers/paths.js');
    const slides = buildSlides(await readDeck(SLIDES_YAML));
    const durationMs = 20 * 60_000;
    // The first move leaves the title slide and starts the timer, its planned time counted.
    const timer = startByFirstMove(STOPPED_TIMER, 0, titleSlideBudgetMs(slides, durationMs));
    let arrivedAt = 0;
    for (let slide = 1; slide < slides.length; slide += 1) {
      const current = slides[slide];
      if (current === undefined) throw new Error('no slide');
      const steps = stepCountOf(current);
      const budget = pacing(elapsedMs(timer, arrivedAt), { slide, step: 0 }, slides, durationMs, 0).slideBudgetMs;
      for (let step = 0; step < steps; step += 1) {
        const at = arrivedAt + (budget * step) / steps;
        for (const moment of [at, at + budget / steps - 1]) {
          const { aheadMs } = pacing(elapsedMs(timer, moment), { slide, step }, slides, durationMs, moment - arrivedAt);
          expect(Math.abs(aheadMs), `slide ${slide + 1} step ${step + 1}`).toBeLessThan(1000);
        }
      }
      arrivedAt += budget;
    }
    // Without the title slide's time counted, the same speaker read "ahead" by it all along.
    expect(pacing(0, { slide: 1, step: 0 }, slides, durationMs, 0).aheadMs).toBe(titleSlideBudgetMs(slides, durationMs));
  });

  it('a timer started on the title slide (F5, t) is left as it is by the first move', () => {
    const started = startTimer(STOPPED_TIMER, 100);
    expect(startByFirstMove(started, 500, 30_000)).toBe(started);
    const paused = { accumulatedMs: 12_000 };
    expect(startByFirstMove(paused, 500, 30_000)).toBe(paused);
    expect(startByFirstMove(STOPPED_TIMER, 500, 30_000)).toEqual({ accumulatedMs: 30_000, runningSince: 500 });
  });

  it('gives no credit to a deck that opens on no title slide', () => {
    expect(titleSlideBudgetMs([content('A'), content('B')], FOUR_MINUTES)).toBe(0);
    expect(titleSlideBudgetMs(SLIDES, FOUR_MINUTES)).toBe(30_000);
  });
});

describe('slides with their own duration (issue 19)', () => {
  const timed = (title: string, durationMs: number): Slide => ({
    kind: 'content',
    title,
    body: { layout: 'bullets', bullets: [] },
    sectionId: 's',
    sectionTitle: 'S',
    stepCount: 1,
    durationMs,
  });

  it('get that time, and the rest of the deck is shared by weight among the others', () => {
    // 240 s less 120 s fixed leaves 120 s for weights 0.5 + 0.5 + 1 + 1 = 3: 40 s a weight.
    const slides: Slide[] = [SLIDES[0] as Slide, SLIDES[1] as Slide, timed('A', 120_000), content('B', 4), content('C')];
    const plan = planOf(slides, FOUR_MINUTES);
    expect(plan.budgetMs).toEqual([20_000, 20_000, 120_000, 40_000, 40_000]);
    expect(plan.startMs).toEqual([0, 20_000, 40_000, 160_000, 200_000]);
    expect(pacing(170_000, { slide: 3, step: 1 }, slides, FOUR_MINUTES, 10_000).aheadMs).toBe(0);
  });

  it('leave the others no time when they take it all, never a negative one', () => {
    const slides: Slide[] = [SLIDES[0] as Slide, timed('A', 300_000), content('B')];
    expect(planOf(slides, FOUR_MINUTES).budgetMs).toEqual([0, 300_000, 0]);
  });
});
