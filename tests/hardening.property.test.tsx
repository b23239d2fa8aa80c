import fc from 'fast-check';
import stringWidth from 'string-width';
import { describe, expect, it } from 'vitest';
import { DeckError } from '../src/deck/deck-error.js';
import { parseDeck } from '../src/deck/load-deck.js';
import type { ContentSlideData, Deck } from '../src/deck/schema.js';
import { sanitizeDeck } from '../src/deck/schema-shape.js';
import { buildSlides, stepCountOf } from '../src/deck/slides.js';
import { deckReducer, initialDeckState, type Action } from '../src/navigation/deck-state.js';
import { drawFrame } from '../src/render/render-frame.js';
import { frameRows } from '../src/layout/frame-layout.js';
import { THEME_NAMES } from '../src/deck/themes.js';
import stripAnsi from 'strip-ansi';

/** Text with the characters that break terminal tools: controls, escapes, wide and combining. */
const hostileText = fc
  .array(
    fc.oneof(
      fc.string({ maxLength: 12 }),
      fc.constantFrom(
        '\u001B[2J',
        '\u001B]0;x\u0007',
        '\u0007',
        '\b',
        '\r',
        '\t',
        '\u0000',
        '\u009B',
        '中文',
        '🚀',
        '🇷🇺',
        'e\u0301',
        '\u200B',
        '\u202E',
        '👨‍👩‍👧',
        ' ',
        '\n',
        '**',
        '*',
        '`',
        '\\',
        '_',
      ),
    ),
    { maxLength: 8 },
  )
  .map((parts) => parts.join(''));

const common = {
  title: hostileText,
  notes: fc.option(hostileText, { nil: undefined }),
  reveal: fc.option(fc.boolean(), { nil: undefined }),
};
const bulletArbitrary = fc.oneof(hostileText, fc.record({ text: hostileText, bullets: fc.array(hostileText, { maxLength: 3 }) }));

/** A content slide of any layout, with the fields of its layout only, as the schema requires. */
const slideArbitrary: fc.Arbitrary<ContentSlideData> = fc.oneof(
  fc.record({ ...common, bullets: fc.array(bulletArbitrary, { maxLength: 6 }) }),
  fc.record({
    ...common,
    layout: fc.constant('columns' as const),
    bullets: fc.constant<ContentSlideData['bullets']>([]),
    columns: fc.array(fc.record({ heading: hostileText, bullets: fc.array(hostileText, { maxLength: 4 }) }), {
      minLength: 2,
      maxLength: 3,
    }),
  }),
  fc.record({
    ...common,
    layout: fc.constant('quote' as const),
    bullets: fc.constant<ContentSlideData['bullets']>([]),
    quote: hostileText,
    by: fc.option(hostileText, { nil: undefined }),
  }),
  fc.record({
    ...common,
    layout: fc.constant('statement' as const),
    bullets: fc.constant<ContentSlideData['bullets']>([]),
    statement: hostileText,
  }),
  fc.record({
    ...common,
    layout: fc.constant('timeline' as const),
    bullets: fc.constant<ContentSlideData['bullets']>([]),
    events: fc.array(fc.record({ when: hostileText, what: hostileText }), { minLength: 1, maxLength: 6 }),
  }),
);

const deckArbitrary: fc.Arbitrary<Deck> = fc.record({
  title: hostileText,
  subtitle: fc.option(hostileText, { nil: undefined }),
  author: fc.option(hostileText, { nil: undefined }),
  sections: fc.array(
    fc.record({
      id: fc.constantFrom('a', 'b', 'c-d'),
      title: hostileText,
      slides: fc.array(slideArbitrary, { maxLength: 3 }),
    }),
    { minLength: 1, maxLength: 3 },
  ),
});

describe('rendering random decks at random sizes', () => {
  it('never throws, and every frame fits its terminal', () => {
    fc.assert(
      fc.property(
        deckArbitrary,
        fc.integer({ min: 1, max: 300 }),
        fc.integer({ min: 1, max: 100 }),
        fc.boolean(),
        fc.nat(),
        fc.option(fc.constantFrom(...THEME_NAMES), { nil: undefined }),
        (deck, columns, rows, showNotes, pick, theme) => {
          const slides = buildSlides(sanitizeDeck(deck));
          const slide = (pick % slides.length) + 1;
          const chosen = slides[slide - 1];
          const step = chosen === undefined ? 1 : (pick % stepCountOf(chosen)) + 1;
          // In colour, in a theme, when one is picked: the styles must not change the text.
          const frame = stripAnsi(drawFrame(slides, { slide, step, columns, rows, showNotes, color: theme !== undefined, theme }));
          const lines = frame.split('\n');
          expect(lines.length).toBeLessThanOrEqual(frameRows(rows));
          for (const line of lines) expect(stringWidth(line)).toBeLessThanOrEqual(columns);
          // Nothing from the deck reaches the terminal as a control character.
          expect(frame).not.toMatch(/[\u0000-\u0009\u000B-\u001F\u007F-\u009F]/);
        },
      ),
      { numRuns: 400 },
    );
  }, 60_000);
});

describe('loading random input', () => {
  const loadsOrRefuses = (text: string) => {
    const started = performance.now();
    try {
      parseDeck(text, 'random.yaml');
    } catch (error) {
      expect(error).toBeInstanceOf(DeckError);
      for (const diagnostic of (error as DeckError).diagnostics) {
        expect(diagnostic.line).toBeGreaterThanOrEqual(1);
        expect(diagnostic.column).toBeGreaterThanOrEqual(1);
      }
    }
    expect(performance.now() - started).toBeLessThan(1_000);
  };

  it('returns a deck or a DeckError for random bytes, never anything else', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 400 }), (bytes) => loadsOrRefuses(Buffer.from(bytes).toString('utf8'))),
      { numRuns: 300 },
    );
  });

  it('returns a deck or a DeckError for random YAML-like text', () => {
    const token = fc.constantFrom(
      'title:',
      'sections:',
      '- id: a',
      '  title: T',
      '  slides:',
      '    - title: S',
      '      bullets: [x]',
      '&a',
      '*a',
      '<<: *a',
      '---',
      '...',
      '? ',
      ': ',
      '"',
      "'",
      '|',
      '>',
      '{',
      '}',
      '[',
      ']',
      '#',
      '\n',
      '  ',
      '!!str',
      '%YAML 1.2',
      '\t',
    );
    fc.assert(
      fc.property(fc.array(token, { maxLength: 60 }), (tokens) => loadsOrRefuses(tokens.join(''))),
      { numRuns: 300 },
    );
  });
});

describe('random key sequences against the reducer', () => {
  const action: fc.Arbitrary<Action> = fc.oneof(
    fc.constantFrom<Action>(
      { type: 'next' },
      { type: 'previous' },
      { type: 'backspace' },
      { type: 'first' },
      { type: 'last' },
      { type: 'confirm' },
      { type: 'toggleOverview' },
      { type: 'toggleHelp' },
      { type: 'toggleNotes' },
      { type: 'back' },
    ),
    fc.integer({ min: 0, max: 9 }).map((digit): Action => ({ type: 'typeDigit', digit: String(digit) })),
    fc
      .record({ slide: fc.integer({ min: -5, max: 50 }), step: fc.integer({ min: -5, max: 50 }) })
      .map((position): Action => ({ type: 'sync', position })),
  );

  it('always keeps the position inside the deck', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 1, max: 6 }), { minLength: 1, maxLength: 12 }),
        fc.array(action, { maxLength: 200 }),
        (stepCounts, actions) => {
          let state = initialDeckState(stepCounts);
          for (const next of actions) {
            state = deckReducer(state, next);
            expect(state.slide).toBeGreaterThanOrEqual(0);
            expect(state.slide).toBeLessThan(stepCounts.length);
            expect(state.step).toBeGreaterThanOrEqual(0);
            expect(state.step).toBeLessThan(stepCounts[state.slide] ?? 1);
            expect(state.overviewCursor).toBeLessThan(stepCounts.length);
          }
        },
      ),
      { numRuns: 300 },
    );
  });
});
