import { describe, expect, it } from 'vitest';
import type { Slide } from '../src/deck/slides.js';
import { planOf } from '../src/presenter/pacing.js';
import { formatSlideRuns, slideAfterOptionalRun, suggestSkip } from '../src/presenter/skip.js';

/** A deck of a title slide then content slides of `minutes` each (their own duration), `optional` where marked. */
function deckOf(slides: readonly { readonly minutes: number; readonly optional?: boolean }[]): Slide[] {
  return [
    { kind: 'title', title: 'T', sectionTitle: 'T' },
    ...slides.map(({ minutes, optional }, index): Slide => ({
      kind: 'content',
      title: `S${index + 1}`,
      body: { layout: 'bullets', bullets: [] },
      sectionId: 's',
      sectionTitle: 'S',
      stepCount: 1,
      durationMs: minutes * 60_000,
      ...(optional === true ? { isOptional: true } : {}),
    })),
  ];
}
const MINUTE = 60_000;
// Slide numbers as shown (1-based): 1 is the title; 2..9 the content slides.
const DECK = deckOf([
  { minutes: 2 },
  { minutes: 1, optional: true },
  { minutes: 3 },
  { minutes: 2, optional: true },
  { minutes: 1, optional: true },
  { minutes: 2 },
  { minutes: 4, optional: true },
  { minutes: 1 },
]);
const DURATION = 16 * MINUTE;

describe('which optional slides to skip to finish on time', () => {
  it.each<[string, number, number, { slides: number[]; isEnough: boolean } | undefined]>([
    ['already on time: nothing', 1, 0, undefined],
    ['ahead: nothing', 1, -30_000, undefined],
    ['a minute behind: the nearest one-minute slide', 1, MINUTE, { slides: [2], isEnough: true }],
    ['two minutes behind: one slide of two, the nearest', 1, 2 * MINUTE, { slides: [4], isEnough: true }],
    ['three minutes behind: the fewest slides (the four-minute one), not the nearest two', 1, 3 * MINUTE, { slides: [7], isEnough: true }],
    ['five minutes behind: two slides, the nearest pair that covers it', 1, 5 * MINUTE, { slides: [2, 7], isEnough: true }],
    ['past the optional slides behind: only those ahead', 6, 2 * MINUTE, { slides: [7], isEnough: true }],
    ['more behind than optional time: all of it, not enough', 1, 9 * MINUTE, { slides: [2, 4, 5, 7], isEnough: false }],
    ['no optional slide ahead: nothing', 7, 5 * MINUTE, undefined],
  ])('%s', (_name, current, behindMs, expected) => {
    const suggestion = suggestSkip(DECK, current, behindMs, DURATION);
    if (expected === undefined) expect(suggestion).toBeUndefined();
    else expect(suggestion).toMatchObject(expected);
  });

  it('says what the chosen slides save, from the plan', () => {
    const { budgetMs } = planOf(DECK, DURATION);
    expect(suggestSkip(DECK, 1, 5 * MINUTE, DURATION)?.savesMs).toBe((budgetMs[2] ?? 0) + (budgetMs[7] ?? 0));
  });

  it.each<[number[], string]>([
    [[13, 14], '14–15'],
    [[13, 14, 16], '14–15, 17'],
    [[3], '4'],
    [[], ''],
  ])('writes slides %j as %j', (indices, text) => {
    expect(formatSlideRuns(indices)).toBe(text);
  });
});

describe('the skip key', () => {
  it.each<[string, number, number | undefined]>([
    ['from before a run: past it', 1, 3],
    ['from inside a run: past the rest of it', 4, 6],
    ['a run at the end: to the last slide', 7, 8],
    ['no optional slide ahead: nowhere', 8, undefined],
  ])('%s', (_name, current, target) => {
    expect(slideAfterOptionalRun(DECK, current)).toBe(target);
  });
});
