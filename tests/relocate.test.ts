import { describe, expect, it } from 'vitest';
import { parseDeck } from '../src/deck/load-deck.js';
import { relocate, relocateRemembering } from '../src/deck/relocate.js';
import { buildSlides, itemsOf, type Slide } from '../src/deck/slides.js';

/** A deck from a compact description: `{ a: ['A1', 'A2'], b: ['B1'] }`. */
function deckOf(sections: Record<string, string[]>, reveal: string[] = []): Slide[] {
  const yaml = Object.entries(sections)
    .map(([id, titles]) => {
      const slides = titles
        .map((title) => `      - title: ${title}\n        bullets: [x, y]${reveal.includes(title) ? '\n        reveal: true' : ''}`)
        .join('\n');
      return `  - id: ${id}\n    title: ${id.toUpperCase()}\n    slides:${titles.length === 0 ? ' []' : `\n${slides}`}`;
    })
    .join('\n');
  return buildSlides(parseDeck(`title: T\nsections:\n${yaml}\n`, 'deck.yaml'));
}

// Slides: 0 title, 1 [a], 2 A1, 3 A2, 4 A3, 5 [b], 6 B1, 7 B2
const BEFORE = deckOf({ a: ['A1', 'A2', 'A3'], b: ['B1', 'B2'] }, ['A2']);
const titleAt = (slides: Slide[], position: { slide: number }) => slides[position.slide]?.title;

describe('relocate keeps the talk where it was across an edit', () => {
  it.each<[string, Record<string, string[]>, number, string]>([
    ['a slide inserted before it', { a: ['A0', 'A1', 'A2', 'A3'], b: ['B1', 'B2'] }, 3, 'A2'],
    ['a slide removed before it', { a: ['A2', 'A3'], b: ['B1', 'B2'] }, 3, 'A2'],
    ['its section moved later', { b: ['B1', 'B2'], a: ['A1', 'A2', 'A3'] }, 3, 'A2'],
    ['its title changed: the slide at the same place', { a: ['A1', 'A2 renamed', 'A3'], b: ['B1', 'B2'] }, 3, 'A2 renamed'],
    ["its section shrank: the section's last slide", { a: ['A1'], b: ['B1', 'B2'] }, 4, 'A1'],
    ['its section emptied: the section divider', { a: [], b: ['B1', 'B2'] }, 3, 'A'],
    ['its section removed: the same number, clamped', { b: ['B1'] }, 6, 'B1'],
    ['its section removed: the section that followed it', { b: ['B1', 'B2'] }, 3, 'B'],
    ['its section, the last, removed: the section before it', { a: ['A1', 'A2', 'A3'] }, 7, 'A'],
    ['a section divider: the same section', { z: ['Z1'], b: ['B1', 'B2'] }, 5, 'B'],
    ['the title slide', { b: ['B1'] }, 0, 'T'],
  ])('%s', (_name, after, fromSlide, expectedTitle) => {
    const next = deckOf(after, ['A2']);
    expect(titleAt(next, relocate(BEFORE, next, { slide: fromSlide, step: 0 }))).toBe(expectedTitle);
  });

  it('keeps the step where the slide still has it, and clamps it otherwise', () => {
    expect(relocate(BEFORE, deckOf({ a: ['A0', 'A1', 'A2', 'A3'], b: [] }, ['A2']), { slide: 3, step: 2 })).toEqual({ slide: 4, step: 2 });
    expect(relocate(BEFORE, deckOf({ a: ['A1', 'A2', 'A3'], b: [] }), { slide: 3, step: 2 })).toEqual({ slide: 3, step: 0 });
  });

  it('keeps the k-th of several slides with the same title the k-th', () => {
    const before = deckOf({ a: ['X', 'Y', 'X'] });
    const after = deckOf({ a: ['New', 'X', 'Y', 'X'] });
    expect(relocate(before, after, { slide: 4, step: 0 })).toEqual({ slide: 5, step: 0 });
  });
});

describe('relocate among slides with the same title ("Demo", "Questions"), as the audience sees them', () => {
  /** One section of slides written `Title:bullet`, so slides of the same title can say different things. */
  const sectionOf = (...slides: string[]) =>
    buildSlides(
      parseDeck(
        `title: T\nsections:\n  - id: a\n    title: A\n    slides:\n${slides
          .map((slide) => {
            const [title, bullet] = slide.split(':');
            return `      - title: ${title}\n        bullets: [${bullet ?? 'same'}]`;
          })
          .join('\n')}\n`,
        'deck.yaml',
      ),
    );
  /** `title:bullet` of the slide at `position`. */
  const shown = (slides: Slide[], position: { slide: number }) => {
    const slide = slides[position.slide];
    return slide?.kind === 'content' ? `${slide.title}:${String(itemsOf(slide.body)[0])}` : slide?.title;
  };
  // Slides: 0 the title slide, 1 the divider, then the section's slides from 2.
  it.each<[string, string[], number, string[], string]>([
    [
      'a new Demo inserted before the current one',
      ['Intro:i', 'Demo:alpha', 'Demo:beta', 'Q:q'],
      4,
      ['Intro:i', 'Demo:alpha', 'Demo:new', 'Demo:beta', 'Q:q'],
      'Demo:beta',
    ],
    ['an earlier Demo deleted', ['Demo:alpha', 'Demo:beta', 'Demo:gamma'], 3, ['Demo:beta', 'Demo:gamma'], 'Demo:beta'],
    ['a later Demo deleted', ['Demo:alpha', 'Demo:beta', 'Demo:gamma'], 3, ['Demo:alpha', 'Demo:beta'], 'Demo:beta'],
    ['two Demos swapped', ['Demo:alpha', 'Break:b', 'Demo:beta'], 4, ['Demo:beta', 'Break:b', 'Demo:alpha'], 'Demo:beta'],
    [
      'a Demo moved from after the current one to before it',
      ['Intro:i', 'Demo:alpha', 'Demo:beta', 'Demo:gamma'],
      4,
      ['Intro:i', 'Demo:gamma', 'Demo:alpha', 'Demo:beta'],
      'Demo:beta',
    ],
    [
      'the current Demo edited: its neighbours and rank find it',
      ['Demo:alpha', 'Demo:beta', 'Demo:gamma'],
      3,
      ['Demo:alpha', 'Demo:beta2', 'Demo:gamma'],
      'Demo:beta2',
    ],
    [
      'the same words on every Demo: its neighbours find it',
      ['Demo', 'Break:b', 'Demo', 'End:e'],
      4,
      ['Demo', 'Demo', 'Break:b', 'Demo', 'End:e'],
      'Demo:same',
    ],
  ])('%s', (_name, before, fromSlide, after, expected) => {
    const next = sectionOf(...after);
    const position = relocate(sectionOf(...before), next, { slide: fromSlide, step: 0 });
    expect(shown(next, position)).toBe(expected);
    if (expected === 'Demo:same') expect(position.slide).toBe(5);
  });
});

describe('a slide moved to another section in one save', () => {
  it('is followed there when it says the same (a fresh-eyes trial stayed on the slide now at its place)', () => {
    const before = buildSlides(
      parseDeck(
        'title: T\nsections:\n  - id: a\n    title: A\n    slides:\n      - title: P\n        bullets: [p]\n      - title: Q\n        bullets: [q]\n  - id: b\n    title: B\n    slides:\n      - title: R\n        bullets: [r]\n',
        'deck.yaml',
      ),
    );
    const after = buildSlides(
      parseDeck(
        'title: T\nsections:\n  - id: a\n    title: A\n    slides:\n      - title: Q\n        bullets: [q]\n  - id: b\n    title: B\n    slides:\n      - title: R\n        bullets: [r]\n      - title: P\n        bullets: [p]\n',
        'deck.yaml',
      ),
    );
    // On P (slide 2: the title slide, the divider of a, then P), now the last slide.
    expect(titleAt(after, relocate(before, after, { slide: 2, step: 0 }))).toBe('P');
  });
});

describe('relocateRemembering with slides of the same title', () => {
  const sectionOf = (...bullets: string[]) =>
    buildSlides(
      parseDeck(
        `title: T\nsections:\n  - id: a\n    title: A\n    slides:\n${bullets.map((bullet) => `      - title: Demo\n        bullets: [${bullet}]\n`).join('')}`,
        'deck.yaml',
      ),
    );
  it('takes a Demo deleted for a save for lost, and goes back to it when a save restores it (a fresh-eyes trial)', () => {
    const whole = sectionOf('first', 'second', 'third');
    const cut = sectionOf('first', 'third');
    // On "second" (slide 3: the title slide, the divider, then the Demos).
    const away = relocateRemembering(whole, cut, { slide: 3, step: 0 }, undefined);
    expect(away.lost).toBeDefined();
    const back = relocateRemembering(cut, whole, away.position, away.lost);
    expect(back).toMatchObject({ position: { slide: 3, step: 0 }, isRestored: true });
  });
});

describe('relocateRemembering brings the talk back to a slide an edit took away and the next one restores', () => {
  // On B2 (slide 7); section b cut, then pasted back before a.
  const CUT = deckOf({ a: ['A1', 'A2', 'A3'] });
  const PASTED = deckOf({ b: ['B1', 'B2'], a: ['A1', 'A2', 'A3'] });

  it('goes back to the slide when nobody moved in between', () => {
    const cut = relocateRemembering(BEFORE, CUT, { slide: 7, step: 0 }, undefined);
    // The last section gone: the divider of the one before it.
    expect(titleAt(CUT, cut.position)).toBe('A');
    expect(cut.lost).toBeDefined();
    const pasted = relocateRemembering(CUT, PASTED, cut.position, cut.lost);
    expect(titleAt(PASTED, pasted.position)).toBe('B2');
    expect(pasted.lost).toBeUndefined();
  });

  it('keeps waiting through several edits without it, as a file saved in parts gives', () => {
    const cut = relocateRemembering(BEFORE, CUT, { slide: 7, step: 0 }, undefined);
    const other = deckOf({ a: ['A1', 'A2', 'A3', 'A4'] });
    const still = relocateRemembering(CUT, other, cut.position, cut.lost);
    expect(titleAt(other, still.position)).toBe('A');
    const pasted = relocateRemembering(other, PASTED, still.position, still.lost);
    expect(titleAt(PASTED, pasted.position)).toBe('B2');
  });

  it('forgets it once the talk moved: the presenter chose where to be', () => {
    const cut = relocateRemembering(BEFORE, CUT, { slide: 7, step: 0 }, undefined);
    const moved = { slide: 2, step: 0 };
    const pasted = relocateRemembering(CUT, PASTED, moved, cut.lost);
    expect(titleAt(PASTED, pasted.position)).toBe('A1');
  });

  it('remembers nothing when the slide is still there', () => {
    expect(relocateRemembering(BEFORE, PASTED, { slide: 7, step: 0 }, undefined)).toEqual({ position: { slide: 3, step: 0 } });
  });
});
