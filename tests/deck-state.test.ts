import { describe, expect, it } from 'vitest';
import { deckReducer, initialDeckState, withSlideCount, type Action, type DeckState } from '../src/navigation/deck-state.js';

const TEN = initialDeckState(10);
const at = (slide: number, changes: Partial<DeckState> = {}): DeckState => ({ ...TEN, slide, ...changes });
const run = (state: DeckState, ...actions: Action[]) => actions.reduce(deckReducer, state);
const digit = (value: string): Action => ({ type: 'typeDigit', digit: value });

describe('deckReducer: moving between slides', () => {
  it.each<[string, DeckState, Action, number]>([
    ['next moves forward', at(0), { type: 'next' }, 1],
    ['previous moves back', at(5), { type: 'previous' }, 4],
    ['first goes to slide 1', at(7), { type: 'first' }, 0],
    ['last goes to the last slide', at(2), { type: 'last' }, 9],
    ['goTo jumps', at(2), { type: 'goTo', slide: 6 }, 6],
    ['goTo past the end clamps', at(2), { type: 'goTo', slide: 99 }, 9],
    ['goTo before the start clamps', at(2), { type: 'goTo', slide: -3 }, 0],
    ['confirm without digits moves forward', at(3), { type: 'confirm' }, 4],
  ])('%s', (_name, state, action, expected) => {
    expect(deckReducer(state, action).slide).toBe(expected);
  });

  it.each<[string, DeckState, Action]>([
    ['next on the last slide', at(9), { type: 'next' }],
    ['previous on the first slide', at(0), { type: 'previous' }],
    ['first on the first slide', at(0), { type: 'first' }],
    ['last on the last slide', at(9), { type: 'last' }],
    ['confirm on the last slide', at(9), { type: 'confirm' }],
    ['a leading zero', at(4), digit('0')],
  ])('returns the same state object for %s', (_name, state, action) => {
    expect(deckReducer(state, action)).toBe(state);
  });
});

describe('deckReducer: jumping by slide number', () => {
  it.each<[string, Action[], number]>([
    ['3 Enter goes to slide 3', [digit('3'), { type: 'confirm' }], 2],
    ['1 0 Enter goes to slide 10', [digit('1'), digit('0'), { type: 'confirm' }], 9],
    ['99 Enter clamps to the last slide', [digit('9'), digit('9'), { type: 'confirm' }], 9],
    ['Esc drops the digits', [digit('3'), { type: 'back' }, { type: 'confirm' }], 5],
    ['a navigation key drops the digits', [digit('3'), { type: 'next' }, { type: 'confirm' }], 6],
  ])('%s', (_name, actions, expected) => {
    expect(run(at(4), ...actions).slide).toBe(expected);
  });

  it('shows typed digits until they are used', () => {
    const typed = run(at(0), digit('1'), digit('2'));
    expect(typed.jumpDigits).toBe('12');
    expect(deckReducer(typed, { type: 'confirm' }).jumpDigits).toBe('');
  });

  it('ignores anything but one decimal digit', () => {
    const state = at(0);
    expect(deckReducer(state, digit('x'))).toBe(state);
    expect(deckReducer(state, digit('12'))).toBe(state);
  });

  it('caps the number of digits', () => {
    const typed = run(at(0), ...Array.from({ length: 10 }, () => digit('1')));
    expect(typed.jumpDigits).toBe('111111');
  });
});

describe('deckReducer: overlays, notes and quitting', () => {
  it('toggles speaker notes', () => {
    const shown = deckReducer(at(2), { type: 'toggleNotes' });
    expect(shown.showNotes).toBe(true);
    expect(deckReducer(shown, { type: 'toggleNotes' }).showNotes).toBe(false);
  });

  it('opens the overview on the current slide and moves its highlight, not the slide', () => {
    const open = deckReducer(at(3), { type: 'toggleOverview' });
    expect(open).toMatchObject({ overlay: 'overview', overviewCursor: 3 });
    const moved = run(open, { type: 'next' }, { type: 'next' }, { type: 'previous' });
    expect(moved).toMatchObject({ slide: 3, overviewCursor: 4 });
    expect(run(open, { type: 'last' }).overviewCursor).toBe(9);
    expect(run(open, { type: 'first' }).overviewCursor).toBe(0);
  });

  it('jumps to the highlighted slide on Enter and closes the overview', () => {
    const jumped = run(at(3), { type: 'toggleOverview' }, { type: 'next' }, { type: 'confirm' });
    expect(jumped).toMatchObject({ slide: 4, overlay: 'none' });
  });

  it('keeps the highlight inside the deck', () => {
    const open = deckReducer(at(9), { type: 'toggleOverview' });
    expect(deckReducer(open, { type: 'next' })).toBe(open);
  });

  it('closes help on any navigation and applies it', () => {
    const help = deckReducer(at(3), { type: 'toggleHelp' });
    expect(help.overlay).toBe('help');
    expect(deckReducer(help, { type: 'next' })).toMatchObject({ overlay: 'none', slide: 4 });
    expect(deckReducer(help, { type: 'toggleHelp' }).overlay).toBe('none');
  });

  it.each<[string, DeckState, Partial<DeckState>]>([
    ['Esc closes the overview first', at(2, { overlay: 'overview' }), { overlay: 'none', isQuitting: false }],
    ['Esc closes help first', at(2, { overlay: 'help' }), { overlay: 'none', isQuitting: false }],
    ['Esc clears typed digits next', at(2, { jumpDigits: '4' }), { jumpDigits: '', isQuitting: false }],
    ['Esc quits when there is nothing to close', at(2), { isQuitting: true }],
  ])('%s', (_name, state, expected) => {
    expect(deckReducer(state, { type: 'back' })).toMatchObject(expected);
  });

  it('quits from anywhere, even with help open', () => {
    expect(deckReducer(at(2, { overlay: 'help' }), { type: 'quit' }).isQuitting).toBe(true);
  });
});

describe('initialDeckState and withSlideCount', () => {
  it('starts on the first slide with nothing open', () => {
    expect(initialDeckState(3)).toEqual({
      slide: 0,
      slideCount: 3,
      showNotes: false,
      overlay: 'none',
      overviewCursor: 0,
      jumpDigits: '',
      isQuitting: false,
    });
  });

  it('refuses an empty deck', () => {
    expect(() => initialDeckState(0)).toThrow(RangeError);
  });

  it('keeps the slide when it still exists and clamps it otherwise', () => {
    expect(withSlideCount(at(4), 20).slide).toBe(4);
    expect(withSlideCount(at(8), 5).slide).toBe(4);
    const same = at(3);
    expect(withSlideCount(same, 10)).toBe(same);
  });
});

describe('random key sequences', () => {
  it('never leave the deck', () => {
    const actions: Action[] = [
      { type: 'next' },
      { type: 'previous' },
      { type: 'first' },
      { type: 'last' },
      { type: 'confirm' },
      { type: 'toggleOverview' },
      { type: 'toggleHelp' },
      { type: 'back' },
      digit('7'),
      digit('0'),
    ];
    let seed = 42;
    const random = () => {
      seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31;
      return seed / 2 ** 31;
    };
    let state = initialDeckState(7);
    for (let step = 0; step < 5_000; step += 1) {
      state = deckReducer(state, actions[Math.floor(random() * actions.length)] ?? { type: 'next' });
      expect(state.slide).toBeGreaterThanOrEqual(0);
      expect(state.slide).toBeLessThan(7);
      expect(state.overviewCursor).toBeLessThan(7);
      if (state.isQuitting) state = { ...state, isQuitting: false };
    }
  });
});
