import { describe, expect, it } from 'vitest';
import { deckReducer, initialDeckState, withDeck, type Action, type DeckState } from '../src/navigation/deck-state.js';

const TEN = initialDeckState(10);
/** A view at `slide`, which it has drawn. */
const at = (slide: number, changes: Partial<DeckState> = {}): DeckState => ({ ...TEN, slide, seenSlide: slide, ...changes });
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

  it('erases the last typed digit on Backspace, and moves back when there is none', () => {
    const typed = run(at(4), digit('1'), digit('2'), { type: 'backspace' });
    expect(typed).toMatchObject({ jumpDigits: '1', slide: 4 });
    expect(run(typed, { type: 'backspace' })).toMatchObject({ jumpDigits: '', slide: 4 });
    expect(run(typed, { type: 'backspace' }, { type: 'backspace' })).toMatchObject({ jumpDigits: '', slide: 3 });
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

  it('highlights a typed slide number in the overview, and Enter opens it', () => {
    const open = deckReducer(at(3), { type: 'toggleOverview' });
    const typed = run(open, { type: 'typeDigit', digit: '7' });
    expect(typed).toMatchObject({ overviewCursor: 6, jumpDigits: '7', slide: 3 });
    expect(run(typed, { type: 'confirm' })).toMatchObject({ slide: 6, overlay: 'none', jumpDigits: '' });
    // Past the end, the highlight stops on the last slide; Backspace takes a digit back.
    const far = run(open, { type: 'typeDigit', digit: '2' }, { type: 'typeDigit', digit: '5' });
    expect(far).toMatchObject({ overviewCursor: 9, jumpDigits: '25' });
    expect(run(far, { type: 'backspace' })).toMatchObject({ overviewCursor: 1, jumpDigits: '2' });
    expect(run(far, { type: 'back' })).toMatchObject({ overlay: 'none', jumpDigits: '', slide: 3 });
  });

  it('puts the highlight back where it was when every typed digit is erased', () => {
    const moved = run(at(3), { type: 'toggleOverview' }, { type: 'next' });
    expect(moved.overviewCursor).toBe(4);
    const typed = run(moved, digit('1'), digit('0'));
    expect(typed).toMatchObject({ overviewCursor: 9, jumpDigits: '10' });
    expect(run(typed, { type: 'backspace' })).toMatchObject({ overviewCursor: 0, jumpDigits: '1' });
    expect(run(typed, { type: 'backspace' }, { type: 'backspace' })).toMatchObject({ overviewCursor: 4, jumpDigits: '', slide: 3 });
    // One more Backspace moves the highlight back, as Left does.
    expect(run(typed, { type: 'backspace' }, { type: 'backspace' }, { type: 'backspace' }).overviewCursor).toBe(3);
  });

  it('drops typed digits when an arrow moves the highlight, so Enter opens what is highlighted', () => {
    const typed = run(at(3), { type: 'toggleOverview' }, digit('7'));
    const moved = run(typed, { type: 'next' });
    expect(moved).toMatchObject({ overviewCursor: 7, jumpDigits: '' });
    expect(run(moved, { type: 'confirm' })).toMatchObject({ slide: 7, overlay: 'none' });
    expect(run(typed, { type: 'first' })).toMatchObject({ overviewCursor: 0, jumpDigits: '' });
    expect(run(typed, { type: 'last' })).toMatchObject({ overviewCursor: 9, jumpDigits: '' });
  });

  it('keeps the highlight inside the deck', () => {
    const open = deckReducer(at(9), { type: 'toggleOverview' });
    expect(deckReducer(open, { type: 'next' })).toBe(open);
  });

  it('closes help on any key, and only closes it', () => {
    const help = deckReducer(at(3), { type: 'toggleHelp' });
    expect(help.overlay).toBe('help');
    expect(deckReducer(help, { type: 'next' })).toMatchObject({ overlay: 'none', slide: 3 });
    expect(deckReducer(help, { type: 'back' })).toMatchObject({ overlay: 'none', isQuitting: false });
    expect(deckReducer(help, { type: 'toggleHelp' }).overlay).toBe('none');
    expect(deckReducer(help, { type: 'unboundKey' })).toMatchObject({ overlay: 'none', slide: 3 });
    expect(deckReducer(at(3), { type: 'unboundKey' })).toEqual(at(3));
    expect(deckReducer(help, { type: 'sync', position: { slide: 5, step: 0 } })).toMatchObject({ overlay: 'help', slide: 5 });
  });

  it('drops leading zeros, so 0000005 Enter goes to slide 5', () => {
    const typed = run(at(0), ...[...'0000005'].map(digit));
    expect(typed.jumpDigits).toBe('5');
    expect(run(typed, { type: 'confirm' }).slide).toBe(4);
    expect(run(at(0), digit('0'), digit('0')).jumpDigits).toBe('0');
  });

  it('takes 0 as a digit, so Esc after it clears it instead of quitting, and 0 Enter goes to slide 1', () => {
    const typed = run(at(4), digit('0'));
    expect(typed.jumpDigits).toBe('0');
    expect(run(typed, { type: 'back' })).toMatchObject({ jumpDigits: '', isQuitting: false });
    expect(run(typed, { type: 'confirm' }).slide).toBe(0);
  });

  it('scrolls the notes by pages within their length', () => {
    const down = deckReducer(at(2), { type: 'scrollNotes', pages: 1, rowsPerPage: 4, max: 10 });
    expect(down.notesScroll).toBe(4);
    expect(
      run(down, { type: 'scrollNotes', pages: 1, rowsPerPage: 4, max: 10 }, { type: 'scrollNotes', pages: 1, rowsPerPage: 4, max: 10 })
        .notesScroll,
    ).toBe(10);
    expect(run(down, { type: 'scrollNotes', pages: -1, rowsPerPage: 4, max: 10 }).notesScroll).toBe(0);
  });

  it('scrolls the help within its length and keeps it open; opening it again starts at the top', () => {
    const help = run(at(2), { type: 'toggleHelp' });
    const down = run(help, { type: 'scrollOverlay', lines: 8, max: 12 });
    expect(down).toMatchObject({ overlay: 'help', overlayScroll: 8, slide: 2 });
    expect(run(down, { type: 'scrollOverlay', lines: 8, max: 12 }).overlayScroll).toBe(12);
    expect(run(down, { type: 'scrollOverlay', lines: -20, max: 12 }).overlayScroll).toBe(0);
    expect(run(down, { type: 'next' })).toMatchObject({ overlay: 'none', slide: 2 });
    expect(run(down, { type: 'toggleHelp' }, { type: 'toggleHelp' }).overlayScroll).toBe(0);
    expect(run(at(2), { type: 'scrollOverlay', lines: 8, max: 12 })).toEqual(at(2));
  });

  it('keeps the talk still behind the error list: keys scroll it, close it or quit, and nothing else', () => {
    const errors = run(at(2), { type: 'toggleErrors' });
    expect(errors).toMatchObject({ overlay: 'errors', overlayScroll: 0 });
    for (const action of [
      { type: 'next' },
      { type: 'previous' },
      { type: 'last' },
      { type: 'goTo', slide: 5 },
      { type: 'typeDigit', digit: '4' },
      { type: 'confirm' },
      { type: 'toggleOverview' },
      { type: 'toggleHelp' },
      { type: 'toggleNotes' },
    ] as const) {
      expect(run(errors, action)).toBe(errors);
    }
    const down = run(errors, { type: 'scrollOverlay', lines: 5, max: 30 });
    expect(down).toMatchObject({ overlay: 'errors', overlayScroll: 5, slide: 2 });
    expect(run(down, { type: 'back' })).toMatchObject({ overlay: 'none', slide: 2 });
    expect(run(down, { type: 'toggleErrors' })).toMatchObject({ overlay: 'none', slide: 2 });
    expect(run(down, { type: 'toggleErrors' }, { type: 'toggleErrors' }).overlayScroll).toBe(0);
    expect(run(down, { type: 'quit' }).isQuitting).toBe(true);
    // Another view still moves the talk.
    expect(run(down, { type: 'sync', position: { slide: 4, step: 0 } })).toMatchObject({ overlay: 'errors', slide: 4 });
  });

  it.each<[string, DeckState, Partial<DeckState>]>([
    ['Esc closes the overview first', at(2, { overlay: 'overview' }), { overlay: 'none', isQuitting: false }],
    ['Esc closes help first', at(2, { overlay: 'help' }), { overlay: 'none', isQuitting: false }],
    ['Esc clears typed digits next', at(2, { jumpDigits: '4' }), { jumpDigits: '', isQuitting: false }],
    ['Esc with nothing to close asks first', at(2), { isQuitting: false, isQuitPrompted: true }],
    ['Esc asked once quits', at(2, { isQuitPrompted: true }), { isQuitting: true }],
  ])('%s', (_name, state, expected) => {
    expect(deckReducer(state, { type: 'back' })).toMatchObject(expected);
  });

  it('q closes the help, as in less, man and htop; Ctrl-C quits from anywhere', () => {
    expect(deckReducer(at(2, { overlay: 'help' }), { type: 'quit' })).toMatchObject({ overlay: 'none', isQuitting: false });
    expect(deckReducer(at(2, { overlay: 'help' }), { type: 'quit', status: 130 })).toMatchObject({ isQuitting: true, exitStatus: 130 });
    expect(deckReducer(at(2, { overlay: 'overview' }), { type: 'quit' }).isQuitting).toBe(true);
  });
});

describe('initialDeckState and withSlideCount', () => {
  it('starts on the first slide with nothing open', () => {
    expect(initialDeckState(3)).toEqual({
      slide: 0,
      step: 0,
      stepCounts: [1, 1, 1],
      showNotes: false,
      overlay: 'none',
      overviewCursor: 0,
      cursorBeforeDigits: 0,
      jumpDigits: '',
      isQuitting: false,
      exitStatus: 0,
      notesScroll: 0,
      overlayScroll: 0,
      seenSlide: 0,
      seenStep: 0,
      blank: 'none',
      isQuitPrompted: false,
      jumpedFrom: undefined,
      search: { query: '', cursor: 0 },
    });
  });

  it('refuses an empty deck', () => {
    expect(() => initialDeckState(0)).toThrow(RangeError);
    expect(() => initialDeckState([1, 0])).toThrow(RangeError);
  });

  it('keeps the position when it still exists and clamps it otherwise', () => {
    expect(
      withDeck(
        at(4),
        Array.from({ length: 20 }, () => 1),
      ).slide,
    ).toBe(4);
    expect(withDeck(at(8), [1, 1, 1, 1, 1]).slide).toBe(4);
    expect(withDeck(at(2), [1, 1, 3], { slide: 2, step: 7 })).toMatchObject({ slide: 2, step: 2 });
    const same = at(3);
    expect(withDeck(same, same.stepCounts)).toBe(same);
  });
});

describe('deckReducer: steps of reveal slides', () => {
  // Slides: 0 (1 step), 1 (reveal, 3 steps), 2 (1 step), 3 (reveal, 2 steps).
  const STEPPED = initialDeckState([1, 3, 1, 2]);
  const on = (slide: number, step: number): DeckState => ({ ...STEPPED, slide, step, seenSlide: slide, seenStep: step });
  const position = (state: DeckState) => [state.slide, state.step];

  it.each<[string, DeckState, Action, number[]]>([
    ['next enters a reveal slide at its first step', on(0, 0), { type: 'next' }, [1, 0]],
    ['next reveals the next step', on(1, 0), { type: 'next' }, [1, 1]],
    ['next after the last step moves to the next slide', on(1, 2), { type: 'next' }, [2, 0]],
    ['previous hides the last step', on(1, 2), { type: 'previous' }, [1, 1]],
    ['previous from the first step leaves the slide', on(1, 0), { type: 'previous' }, [0, 0]],
    ['previous onto a reveal slide shows all of its steps', on(2, 0), { type: 'previous' }, [1, 2]],
    ['first goes to the first step of the first slide', on(3, 1), { type: 'first' }, [0, 0]],
    ['last goes to the last step of the last slide', on(0, 0), { type: 'last' }, [3, 1]],
    ['a jump lands on the first step', on(0, 0), { type: 'goTo', slide: 3 }, [3, 0]],
    ['confirm without digits moves by step', on(1, 0), { type: 'confirm' }, [1, 1]],
    ['sync adopts the position', on(0, 0), { type: 'sync', position: { slide: 1, step: 2 } }, [1, 2]],
    ['sync clamps a position outside the deck', on(0, 0), { type: 'sync', position: { slide: 9, step: 9 } }, [3, 1]],
    ['sync clamps a negative position', on(2, 0), { type: 'sync', position: { slide: -1, step: -5 } }, [0, 0]],
  ])('%s', (_name, state, action, expected) => {
    expect(position(deckReducer(state, action))).toEqual(expected);
  });

  it('returns the same state at the very end and the very start', () => {
    const end = on(3, 1);
    expect(deckReducer(end, { type: 'next' })).toBe(end);
    const start = on(0, 0);
    expect(deckReducer(start, { type: 'previous' })).toBe(start);
    expect(deckReducer(end, { type: 'sync', position: { slide: 3, step: 1 } })).toBe(end);
  });

  it('walks every step forward and back again', () => {
    const forward: number[][] = [];
    let state = on(0, 0);
    for (let index = 0; index < 8; index += 1) {
      forward.push(position(state));
      state = deckReducer(state, { type: 'next' });
    }
    expect(forward).toEqual([
      [0, 0],
      [1, 0],
      [1, 1],
      [1, 2],
      [2, 0],
      [3, 0],
      [3, 1],
      [3, 1],
    ]);
    const back: number[][] = [];
    for (let index = 0; index < 4; index += 1) {
      state = deckReducer(state, { type: 'previous' });
      back.push(position(state));
    }
    expect(back).toEqual([
      [3, 0],
      [2, 0],
      [1, 2],
      [1, 1],
    ]);
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
    const stepCounts = [1, 4, 1, 2, 1, 1, 3];
    let state = initialDeckState(stepCounts);
    for (let count = 0; count < 5_000; count += 1) {
      state = deckReducer(state, actions[Math.floor(random() * actions.length)] ?? { type: 'next' });
      expect(state.slide).toBeGreaterThanOrEqual(0);
      expect(state.slide).toBeLessThan(7);
      expect(state.step).toBeGreaterThanOrEqual(0);
      expect(state.step).toBeLessThan(stepCounts[state.slide] ?? 1);
      expect(state.overviewCursor).toBeLessThan(7);
      if (state.isQuitting) state = { ...state, isQuitting: false };
    }
  });
});

describe('a press is a move from the position the view saw (issue 16: two views pressing next at once moved the talk twice)', () => {
  // The view drew slide 3; another view's next arrived (sync to slide 4) and is not drawn yet.
  const unseen = deckReducer(at(3), { type: 'sync', position: { slide: 4, step: 0 } });

  it('takes a move from another view at once, but not as seen until drawn', () => {
    expect(unseen).toMatchObject({ slide: 4, seenSlide: 3 });
    expect(deckReducer(unseen, { type: 'shown' })).toMatchObject({ slide: 4, seenSlide: 4 });
  });

  it.each<[string, Action, number]>([
    ['next pressed on slide 3 goes where the other view went: the talk moves once', { type: 'next' }, 4],
    ['Enter, as next', { type: 'confirm' }, 4],
    ['previous pressed on slide 3 goes to 2', { type: 'previous' }, 2],
    ['Backspace with no digits, as previous', { type: 'backspace' }, 2],
    ['a jump is to where it says, whatever was seen', { type: 'goTo', slide: 7 }, 7],
    ['first', { type: 'first' }, 0],
  ])('%s', (_name, action, slide) => {
    const after = deckReducer(unseen, action);
    expect(after.slide).toBe(slide);
    // Whatever it did, the view now moves from there.
    expect(after.seenSlide).toBe(slide);
  });

  it('moves from the drawn position once the move is shown: a later press is a press of its own', () => {
    expect(run(unseen, { type: 'shown' }, { type: 'next' }).slide).toBe(5);
  });

  it('lets this view press fast on its own: its own moves count as seen', () => {
    expect(run(at(3), { type: 'next' }, { type: 'next' }, { type: 'next' }).slide).toBe(6);
  });

  it('keeps typed digits as typed: Backspace erases one, Enter jumps', () => {
    expect(run(unseen, digit('8'), { type: 'backspace' })).toMatchObject({ slide: 4, jumpDigits: '' });
    expect(run(unseen, digit('8'), { type: 'confirm' }).slide).toBe(7);
  });
});
