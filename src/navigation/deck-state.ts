/** What is drawn over the slide, if anything. */
export type Overlay = 'none' | 'help' | 'overview';

/** Everything the audience view shows besides the deck itself. Plain data; see {@link deckReducer}. */
export interface DeckState {
  /** Current slide, 0-based; always inside `[0, slideCount)`. */
  readonly slide: number;
  /** Number of slides in the deck; at least 1. */
  readonly slideCount: number;
  readonly showNotes: boolean;
  readonly overlay: Overlay;
  /** Highlighted slide in the overview, 0-based. */
  readonly overviewCursor: number;
  /** Digits typed so far for a jump (`3` then `Enter` goes to slide 3); empty when none. */
  readonly jumpDigits: string;
  /** Set once the user asked to quit; the app exits when it sees it. */
  readonly isQuitting: boolean;
}

export type Action =
  | { readonly type: 'next' }
  | { readonly type: 'previous' }
  | { readonly type: 'first' }
  | { readonly type: 'last' }
  | { readonly type: 'goTo'; readonly slide: number }
  | { readonly type: 'typeDigit'; readonly digit: string }
  | { readonly type: 'confirm' }
  | { readonly type: 'toggleNotes' }
  | { readonly type: 'toggleHelp' }
  | { readonly type: 'toggleOverview' }
  | { readonly type: 'back' }
  | { readonly type: 'quit' };

export type ActionType = Action['type'];

/** Longest slide number one can type; more digits than any deck needs are ignored. */
const MAX_JUMP_DIGITS = 6;

/**
 * The state a deck of `slideCount` slides starts in: first slide, no overlay, notes hidden.
 *
 * @throws {RangeError} If `slideCount` is below 1.
 */
export function initialDeckState(slideCount: number, options: { showNotes?: boolean } = {}): DeckState {
  if (!Number.isInteger(slideCount) || slideCount < 1) {
    throw new RangeError(`a deck has at least one slide, got ${slideCount}`);
  }
  return {
    slide: 0,
    slideCount,
    showNotes: options.showNotes ?? false,
    overlay: 'none',
    overviewCursor: 0,
    jumpDigits: '',
    isQuitting: false,
  };
}

/**
 * Applies one user action. Pure; returns the very same `state` object when the action changes
 * nothing (next on the last slide, previous on the first), so callers can skip a redraw.
 *
 * While the overview is open, next/previous/first/last move its highlight and `confirm` jumps
 * there. `confirm` with typed digits jumps to that slide number (clamped to the deck), otherwise
 * it moves to the next slide. `back` (Esc) closes an overlay, else clears typed digits, else quits.
 * Any other action while the help overlay is shown closes it and then applies.
 */
export function deckReducer(state: DeckState, action: Action): DeckState {
  if (state.overlay === 'help' && action.type !== 'toggleHelp' && action.type !== 'back' && action.type !== 'quit') {
    return deckReducer(update(state, { overlay: 'none' }), action);
  }
  const last = state.slideCount - 1;
  const inOverview = state.overlay === 'overview';

  switch (action.type) {
    case 'next':
      return inOverview ? moveCursor(state, state.overviewCursor + 1) : goTo(state, state.slide + 1);
    case 'previous':
      return inOverview ? moveCursor(state, state.overviewCursor - 1) : goTo(state, state.slide - 1);
    case 'first':
      return inOverview ? moveCursor(state, 0) : goTo(state, 0);
    case 'last':
      return inOverview ? moveCursor(state, last) : goTo(state, last);
    case 'goTo':
      return goTo(update(state, { overlay: 'none' }), action.slide);
    case 'typeDigit': {
      if (inOverview || !/^[0-9]$/.test(action.digit) || state.jumpDigits.length >= MAX_JUMP_DIGITS) return state;
      if (action.digit === '0' && state.jumpDigits === '') return state;
      return update(state, { jumpDigits: state.jumpDigits + action.digit });
    }
    case 'confirm':
      if (inOverview) return goTo(update(state, { overlay: 'none' }), state.overviewCursor);
      if (state.jumpDigits !== '') return goTo(state, Number(state.jumpDigits) - 1);
      return goTo(state, state.slide + 1);
    case 'toggleNotes':
      return update(state, { showNotes: !state.showNotes, jumpDigits: '' });
    case 'toggleHelp':
      return update(state, { overlay: state.overlay === 'help' ? 'none' : 'help', jumpDigits: '' });
    case 'toggleOverview':
      return inOverview
        ? update(state, { overlay: 'none' })
        : update(state, { overlay: 'overview', overviewCursor: state.slide, jumpDigits: '' });
    case 'back':
      if (state.overlay !== 'none') return update(state, { overlay: 'none' });
      if (state.jumpDigits !== '') return update(state, { jumpDigits: '' });
      return update(state, { isQuitting: true });
    case 'quit':
      return update(state, { isQuitting: true });
    default: {
      const unreachable: never = action;
      return unreachable;
    }
  }
}

/**
 * Changes the number of slides (the deck was reloaded), keeping the position where it still
 * exists and clamping it to the last slide otherwise.
 */
export function withSlideCount(state: DeckState, slideCount: number): DeckState {
  if (slideCount === state.slideCount) return state;
  const last = Math.max(0, slideCount - 1);
  return update(state, {
    slideCount: Math.max(1, slideCount),
    slide: Math.min(state.slide, last),
    overviewCursor: Math.min(state.overviewCursor, last),
  });
}

function goTo(state: DeckState, slide: number): DeckState {
  const clamped = Math.min(Math.max(slide, 0), state.slideCount - 1);
  return update(state, { slide: clamped, jumpDigits: '' });
}

function moveCursor(state: DeckState, cursor: number): DeckState {
  return update(state, { overviewCursor: Math.min(Math.max(cursor, 0), state.slideCount - 1) });
}

/** Returns `state` itself when `changes` would not change any field. */
function update(state: DeckState, changes: Partial<DeckState>): DeckState {
  for (const key of Object.keys(changes) as (keyof DeckState)[]) {
    if (changes[key] !== state[key]) return { ...state, ...changes };
  }
  return state;
}
