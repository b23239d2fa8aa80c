/** What is drawn over the slide, if anything. */
export type Overlay = 'none' | 'help' | 'overview' | 'errors' | 'search';

/**
 * What the audience views show instead of the slide: nothing (`none`), a black or a white
 * screen, as PowerPoint's and Keynote's `B` and `W` keys give. Shared by every view of a talk;
 * the presenter view never blanks and marks it instead.
 */
export type Blank = 'none' | 'black' | 'white';

/** The search line: what is typed, and the highlighted result (0-based). */
export interface SearchState {
  readonly query: string;
  readonly cursor: number;
}

/** Where the talk is: a slide and a step of it, both 0-based. This is what views keep in sync. */
export interface Position {
  readonly slide: number;
  readonly step: number;
}

/** Everything a view shows besides the deck itself. Plain data; see {@link deckReducer}. */
export interface DeckState extends Position {
  /** Steps of each slide (at least 1 each); its length is the number of slides, at least 1. */
  readonly stepCounts: readonly number[];
  readonly showNotes: boolean;
  readonly overlay: Overlay;
  /** Highlighted slide in the overview, 0-based. */
  readonly overviewCursor: number;
  /** The overview's highlight before the typed digits moved it; erasing them all goes back. */
  readonly cursorBeforeDigits: number;
  /** Digits typed so far for a jump (`3` then `Enter` goes to slide 3); empty when none. */
  readonly jumpDigits: string;
  /** Set once the user asked to quit; the app exits when it sees it. */
  readonly isQuitting: boolean;
  /** Exit status to quit with: 0, or 130 for Ctrl-C (128 + SIGINT, the shell's convention). */
  readonly exitStatus: number;
  /** Rows the presenter view's notes are scrolled by; back to 0 on every new slide. */
  readonly notesScroll: number;
  /**
   * Lines of the open overlay (the help or the error list) scrolled out of sight above, when it
   * is taller than its area; back to 0 whenever an overlay opens.
   */
  readonly overlayScroll: number;
  /**
   * The position this view last showed or moved to itself: what its presenter saw when pressing
   * a key. A move from another view (`sync`) changes the position at once and this only once it
   * has been drawn (`shown`), so a key pressed in between moves from what was on the screen: two
   * views pressing next at the same moment move the talk once, not twice (issue 16).
   */
  readonly seenSlide: number;
  readonly seenStep: number;
  /** Whether the audience views are blanked; shared with the other views (see Blank). */
  readonly blank: Blank;
  /**
   * Set by Esc with nothing open: the view says "press Esc again to quit", and a second Esc
   * quits. Any other key, or the app after QUIT_PROMPT_MS, clears it.
   */
  readonly isQuitPrompted: boolean;
  /** Where the talk was before the last jump (a slide number, the overview, a search, first, last), for `jumpBack`. */
  readonly jumpedFrom: Position | undefined;
  /** The search line, while the search overlay is open (see Overlay). */
  readonly search: SearchState;
}

/**
 * How long "press Esc again to quit" waits for the second Esc, in milliseconds: long enough for a
 * deliberate second press, short enough that an Esc a minute later (a remote's start/stop
 * button) only asks again.
 */
export const QUIT_PROMPT_MS = 2000;

export type Action =
  | { readonly type: 'next' }
  | { readonly type: 'previous' }
  /** Backspace: erases the last typed digit of a jump, else moves back like `previous`. */
  | { readonly type: 'backspace' }
  | { readonly type: 'first' }
  | { readonly type: 'last' }
  /** Goes to the first step of `slide`: a jump, which `jumpBack` returns from. */
  | { readonly type: 'goTo'; readonly slide: number }
  /** Goes back to where the talk was before the last jump; pressed again, returns. */
  | { readonly type: 'jumpBack' }
  /** Skips the next run of optional slides: interpretAction turns it into a `goTo` past them. */
  | { readonly type: 'skipOptional' }
  /** Blanks the audience views in `screen`'s colour; the same colour again brings the slide back. */
  | { readonly type: 'blank'; readonly screen: 'black' | 'white' }
  /** Another view blanked the audience views, or brought them back. */
  | { readonly type: 'syncBlank'; readonly blank: Blank }
  /** F5 (a remote's start button): brings a blanked screen back; the app starts the timer. */
  | { readonly type: 'start' }
  /** The time to press Esc a second time to quit has run out (QUIT_PROMPT_MS). */
  | { readonly type: 'quitPromptExpired' }
  /** Opens the search line. */
  | { readonly type: 'openSearch' }
  /** Adds `text` to the search query; the first result is highlighted. */
  | { readonly type: 'searchType'; readonly text: string }
  /** Erases the last character of the search query, or all of it. */
  | { readonly type: 'searchErase'; readonly all?: boolean }
  /** Moves the highlighted search result by `by`, within the `count` results. */
  | { readonly type: 'searchMove'; readonly by: number; readonly count: number }
  /**
   * Another view moved the talk to `position`; this view has not drawn it yet (see `shown`).
   * `jumpedFrom` is where the talk was before its last jump, as that view knows it (null: none).
   */
  | { readonly type: 'sync'; readonly position: Position; readonly jumpedFrom?: Position | null }
  /** This view has drawn its current position: a key pressed now moves from there. */
  | { readonly type: 'shown' }
  /** The deck was reloaded: new step counts, and the position mapped onto the new deck. */
  | { readonly type: 'reload'; readonly stepCounts: readonly number[]; readonly position: Position }
  /** Shows or hides the list of problems of an invalid save. */
  | { readonly type: 'toggleErrors' }
  | { readonly type: 'typeDigit'; readonly digit: string }
  | { readonly type: 'confirm' }
  | { readonly type: 'toggleNotes' }
  | { readonly type: 'toggleHelp' }
  | { readonly type: 'toggleOverview' }
  | { readonly type: 'back' }
  | { readonly type: 'quit'; readonly status?: number }
  /** Ctrl-Z: the app hands the terminal to the shell until `fg`; the deck state is unchanged. */
  | { readonly type: 'suspend' }
  /**
   * Scrolls the notes by `pages` pages of `rowsPerPage` rows (negative: up), within `[0, max]`;
   * without them, by `pages` rows and without limit.
   */
  | { readonly type: 'scrollNotes'; readonly pages: number; readonly rowsPerPage?: number; readonly max?: number }
  /** Scrolls the help or the error list by `lines` (negative: up), within `[0, max]`; it stays open. */
  | { readonly type: 'scrollOverlay'; readonly lines: number; readonly max: number }
  /** A key with no binding: it closes the help (see below) and otherwise does nothing. */
  | { readonly type: 'unboundKey' }
  /** Timer keys: the presenter view's stopwatch handles them; the deck state ignores them. */
  | { readonly type: 'toggleTimer' }
  | { readonly type: 'resetTimer' };

/** What the user can do while the error list is open: scroll it, close it (e, Esc), or quit. */
const ERROR_LIST_ACTIONS: ReadonlySet<Action['type']> = new Set(['scrollOverlay', 'toggleErrors', 'back', 'quit']);

/** The keys that move from where the talk is (by a step or a slide), rather than to a place of their own; Backspace and Enter only without typed digits. */
const RELATIVE_MOVES: ReadonlySet<Action['type']> = new Set(['next', 'previous', 'backspace', 'confirm']);

/** The moves a blanked screen takes as "bring the slide back": the slide stays (PowerPoint's rule). */
const MOVES_WHILE_BLANK: ReadonlySet<Action['type']> = new Set([
  'next',
  'previous',
  'backspace',
  'confirm',
  'first',
  'last',
  'jumpBack',
  'back',
]);

/** Actions that come from no key of this view's: they leave a quit prompt as it is. */
const NOT_KEYS: ReadonlySet<Action['type']> = new Set(['sync', 'reload', 'shown', 'syncBlank', 'quitPromptExpired']);

/** Longest search query kept, in characters; typing past it does nothing. */
const MAX_QUERY_LENGTH = 200;

/** Longest slide number one can type; more digits than any deck needs are ignored. */
const MAX_JUMP_DIGITS = 6;

/**
 * The state a deck starts in: first slide, first step, no overlay, notes hidden.
 *
 * @param stepCounts - Steps of each slide, or the number of slides when each has one step.
 * @throws {RangeError} If there is no slide, or a slide has fewer than one step.
 */
export function initialDeckState(
  stepCounts: readonly number[] | number,
  options: { readonly showNotes?: boolean; readonly blank?: Blank } = {},
): DeckState {
  const counts = typeof stepCounts === 'number' ? Array.from({ length: Math.max(0, stepCounts) }, () => 1) : stepCounts;
  if (counts.length < 1 || counts.some((count) => !Number.isInteger(count) || count < 1)) {
    throw new RangeError(`a deck has at least one slide of at least one step, got [${counts.join(', ')}]`);
  }
  return {
    slide: 0,
    step: 0,
    stepCounts: counts,
    showNotes: options.showNotes ?? false,
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
    blank: options.blank ?? 'none',
    isQuitPrompted: false,
    jumpedFrom: undefined,
    search: NO_SEARCH,
  };
}

const NO_SEARCH: SearchState = Object.freeze({ query: '', cursor: 0 });

/** Number of slides of the deck `state` is in. */
export function slideCountOf(state: DeckState): number {
  return state.stepCounts.length;
}

/**
 * Applies one user action. Pure; returns the very same `state` object when the action changes
 * nothing (next on the last step of the last slide, previous on the first), so callers can skip
 * a redraw.
 *
 * Next and previous move by step before moving by slide; moving back onto a slide shows all of
 * its steps, as presenterm does, so going back never re-hides what was already said. First goes
 * to the start of the deck, last to its very end (last step of the last slide); a jump (digits,
 * overview, `goTo`) lands on the first step. `sync` adopts a position from another view.
 *
 * While the overview is open, next/previous/first/last move its highlight, typed digits move it
 * to that slide number, and `confirm` jumps there. `confirm` with typed digits jumps to that slide number (clamped to the deck), otherwise
 * it moves to the next slide. `back` (Esc) closes an overlay, else clears typed digits, else quits.
 * While the help overlay is shown, any action of the user's but quit and scrollOverlay only
 * closes it. While the error list is shown, the user's actions do nothing but scroll it
 * (scrollOverlay), close it (toggleErrors, back) or quit: the talk behind it does not move unseen.
 */
export function deckReducer(state: DeckState, action: Action): DeckState {
  // Esc asked to quit; any other key says no.
  if (state.isQuitPrompted && !NOT_KEYS.has(action.type) && action.type !== 'back') {
    return deckReducer(update(state, { isQuitPrompted: false }), action);
  }
  // Help is read, then dismissed: any key of the user's closes it and does nothing else, so a
  // key pressed to get rid of it never also moves the talk; q closes it too, as in less, man and
  // htop. Ctrl-C still quits.
  const isFromOtherView = action.type === 'sync' || action.type === 'reload' || action.type === 'syncBlank';
  const isHardQuit = action.type === 'quit' && action.status !== undefined;
  if (
    state.overlay === 'help' &&
    !isFromOtherView &&
    !isHardQuit &&
    action.type !== 'scrollOverlay' &&
    action.type !== 'quitPromptExpired'
  ) {
    return update(state, { overlay: 'none' });
  }
  // A blanked screen comes back on a move, without moving: the speaker sees where the talk is
  // before going on (PowerPoint and Keynote do the same).
  if (state.blank !== 'none' && state.overlay === 'none' && state.jumpDigits === '' && MOVES_WHILE_BLANK.has(action.type)) {
    return update(state, { blank: 'none' });
  }
  if (state.overlay === 'errors' && !isFromOtherView && !ERROR_LIST_ACTIONS.has(action.type)) return state;
  // A key that moves by a step or a slide moves from what this view showed when it was pressed,
  // not from a move of another view's it has not drawn yet (a press is a move from the position
  // that view saw): two views pressing next at once move the talk once.
  if (state.overlay === 'none' && state.jumpDigits === '' && RELATIVE_MOVES.has(action.type) && !isSeen(state)) {
    const fromSeen = deckReducer(update(state, { slide: state.seenSlide, step: state.seenStep }), action);
    return fromSeen.slide === state.slide && fromSeen.step === state.step
      ? update(state, { seenSlide: state.slide, seenStep: state.step })
      : fromSeen;
  }
  const last = slideCountOf(state) - 1;
  const inOverview = state.overlay === 'overview';

  switch (action.type) {
    case 'next':
      if (inOverview) return moveCursorByKey(state, state.overviewCursor + 1);
      if (state.step < stepsOf(state, state.slide) - 1) return moveTo(state, state.slide, state.step + 1);
      return state.slide < last ? moveTo(state, state.slide + 1, 0) : moveTo(state, state.slide, state.step);
    case 'previous':
      if (inOverview) return moveCursorByKey(state, state.overviewCursor - 1);
      if (state.step > 0) return moveTo(state, state.slide, state.step - 1);
      return state.slide > 0 ? moveTo(state, state.slide - 1, stepsOf(state, state.slide - 1) - 1) : moveTo(state, 0, 0);
    case 'backspace': {
      if (state.jumpDigits === '') return deckReducer(state, { type: 'previous' });
      const jumpDigits = state.jumpDigits.slice(0, -1);
      if (!inOverview) return update(state, { jumpDigits });
      return moveCursor(update(state, { jumpDigits }), jumpDigits === '' ? state.cursorBeforeDigits : Number(jumpDigits) - 1);
    }
    case 'first':
      return inOverview ? moveCursorByKey(state, 0) : jump(state, 0, 0);
    case 'last':
      return inOverview ? moveCursorByKey(state, last) : jump(state, last, stepsOf(state, last) - 1);
    case 'goTo':
      return jump(update(state, { overlay: 'none' }), action.slide);
    case 'jumpBack': {
      if (state.jumpedFrom === undefined) return state;
      const moved = moveTo(state, state.jumpedFrom.slide, state.jumpedFrom.step);
      return update(moved, { jumpedFrom: { slide: state.slide, step: state.step } });
    }
    case 'blank':
      return update(state, { blank: state.blank === action.screen ? 'none' : action.screen, jumpDigits: '' });
    case 'syncBlank':
      return update(state, { blank: action.blank });
    case 'start':
      return update(state, { blank: 'none' });
    case 'quitPromptExpired':
      return update(state, { isQuitPrompted: false });
    case 'openSearch':
      return update(state, { overlay: 'search', search: NO_SEARCH, jumpDigits: '' });
    case 'searchType': {
      if (state.overlay !== 'search') return state;
      const query = [...(state.search.query + action.text)].slice(0, MAX_QUERY_LENGTH).join('');
      return query === state.search.query ? state : update(state, { search: { query, cursor: 0 } });
    }
    case 'searchErase':
      if (state.overlay !== 'search' || state.search.query === '') return state;
      return update(state, { search: { query: action.all === true ? '' : [...state.search.query].slice(0, -1).join(''), cursor: 0 } });
    case 'searchMove': {
      if (state.overlay !== 'search') return state;
      const cursor = clamp(state.search.cursor + action.by, 0, Math.max(0, action.count - 1));
      return cursor === state.search.cursor ? state : update(state, { search: { ...state.search, cursor } });
    }
    case 'sync': {
      // Not seen yet: it is drawn first, then `shown` says so.
      const moved = moveTo(state, action.position.slide, action.position.step);
      const back = action.jumpedFrom === undefined ? {} : { jumpedFrom: action.jumpedFrom ?? undefined };
      return update(moved, { seenSlide: state.seenSlide, seenStep: state.seenStep, ...back });
    }
    case 'shown':
      return update(state, { seenSlide: state.slide, seenStep: state.step });
    case 'reload':
      // An open error list stays open, saying the deck loads again, until it is closed: closed
      // by the save, the Esc pressed to close it would quit the talk (a fresh-eyes trial did).
      return withDeck(state, action.stepCounts, action.position);
    case 'toggleErrors':
      return update(state, { overlay: state.overlay === 'errors' ? 'none' : 'errors', jumpDigits: '', overlayScroll: 0 });
    case 'typeDigit': {
      if (!/^[0-9]$/.test(action.digit) || state.jumpDigits.length >= MAX_JUMP_DIGITS) return state;
      // Leading zeros say nothing about the slide: 0005 is 5, and does not use up the digits.
      const jumpDigits = (state.jumpDigits === '0' ? '' : state.jumpDigits) + action.digit;
      if (!inOverview) return update(state, { jumpDigits });
      // In the overview the typed number highlights its slide, which Enter then opens.
      const cursorBeforeDigits = state.jumpDigits === '' ? state.overviewCursor : state.cursorBeforeDigits;
      return moveCursor(update(state, { jumpDigits, cursorBeforeDigits }), Number(jumpDigits) - 1);
    }
    case 'confirm':
      if (inOverview) return jump(update(state, { overlay: 'none', jumpDigits: '' }), state.overviewCursor);
      // Slide numbers are 1-based: 0 and numbers past the end clamp to the first and last slide.
      if (state.jumpDigits !== '') return jump(state, Number(state.jumpDigits) - 1);
      return deckReducer(state, { type: 'next' });
    case 'toggleNotes':
      return update(state, { showNotes: !state.showNotes, jumpDigits: '' });
    case 'toggleHelp':
      return update(state, { overlay: state.overlay === 'help' ? 'none' : 'help', jumpDigits: '', overlayScroll: 0 });
    case 'toggleOverview':
      return inOverview
        ? update(state, { overlay: 'none', jumpDigits: '' })
        : update(state, { overlay: 'overview', overviewCursor: state.slide, jumpDigits: '' });
    case 'back':
      // Esc closes what is open, and nothing more; with nothing open it asks first, so a remote
      // whose one button sends F5 and Esc by turns, or Esc pressed once too often, never ends a talk.
      if (state.overlay !== 'none') return update(state, { overlay: 'none', jumpDigits: '' });
      if (state.jumpDigits !== '') return update(state, { jumpDigits: '' });
      return state.isQuitPrompted ? update(state, { isQuitting: true }) : update(state, { isQuitPrompted: true });
    case 'quit':
      return update(state, { isQuitting: true, exitStatus: action.status ?? 0 });
    case 'scrollNotes': {
      const max = action.max ?? Number.MAX_SAFE_INTEGER;
      const by = action.pages * (action.rowsPerPage ?? 1);
      return update(state, { notesScroll: clamp(Math.min(state.notesScroll, max) + by, 0, Math.max(0, max)) });
    }
    case 'scrollOverlay':
      return state.overlay === 'help' || state.overlay === 'errors'
        ? update(state, { overlayScroll: clamp(state.overlayScroll + action.lines, 0, Math.max(0, action.max)) })
        : state;
    case 'unboundKey':
    case 'skipOptional':
    case 'suspend':
    case 'toggleTimer':
    case 'resetTimer':
      return state;
    default: {
      const unreachable: never = action;
      return unreachable;
    }
  }
}

/**
 * Puts `state` on a reloaded deck with `stepCounts`, at `position` (already mapped onto the new
 * deck by the caller), clamped to the deck.
 */
export function withDeck(state: DeckState, stepCounts: readonly number[], position: Position = state): DeckState {
  const resized = { ...state, stepCounts: stepCounts.length > 0 ? stepCounts : [1] };
  const clamped = moveTo(resized, position.slide, position.step);
  return update(state, {
    stepCounts: resized.stepCounts,
    slide: clamped.slide,
    step: clamped.step,
    seenSlide: clamped.slide,
    seenStep: clamped.step,
    overviewCursor: Math.min(state.overviewCursor, resized.stepCounts.length - 1),
  });
}

function stepsOf(state: DeckState, slide: number): number {
  return state.stepCounts[slide] ?? 1;
}

/**
 * Jumps to `slide` and `step` (the first step by default), clamped to the deck, dropping typed
 * digits and bringing a blanked screen back, and remembers where the talk was for `jumpBack`
 * when the jump went anywhere.
 */
function jump(state: DeckState, slide: number, step = 0): DeckState {
  // A jump chosen while the audience is blanked (a number, the overview, a search) is the
  // speaker going on: the slide comes back, as after a move.
  const moved = moveTo(update(state, { blank: 'none' }), slide, step);
  if (moved.slide === state.slide && moved.step === state.step) return moved;
  return update(moved, { jumpedFrom: { slide: state.slide, step: state.step } });
}

/** Goes to `slide` and `step`, both clamped, dropping typed digits. */
function moveTo(state: DeckState, slide: number, step: number): DeckState {
  const clampedSlide = clamp(slide, 0, slideCountOf(state) - 1);
  const clampedStep = clamp(step, 0, stepsOf(state, clampedSlide) - 1);
  const notesScroll = clampedSlide === state.slide ? state.notesScroll : 0;
  return update(state, {
    slide: clampedSlide,
    step: clampedStep,
    jumpDigits: '',
    notesScroll,
    seenSlide: clampedSlide,
    seenStep: clampedStep,
  });
}

/** Whether this view has drawn the position it is at (see DeckState.seenSlide). */
function isSeen(state: DeckState): boolean {
  return state.seenSlide === state.slide && state.seenStep === state.step;
}

function moveCursor(state: DeckState, cursor: number): DeckState {
  return update(state, { overviewCursor: clamp(cursor, 0, slideCountOf(state) - 1) });
}

/** Moves the overview's highlight by a key of its own (an arrow, Home, End): typed digits go. */
function moveCursorByKey(state: DeckState, cursor: number): DeckState {
  return moveCursor(update(state, { jumpDigits: '' }), cursor);
}

function clamp(value: number, low: number, high: number): number {
  return Number.isFinite(value) ? Math.min(Math.max(Math.trunc(value), low), high) : low;
}

/** Returns `state` itself when `changes` would not change any field. */
function update(state: DeckState, changes: Partial<DeckState>): DeckState {
  for (const key of Object.keys(changes) as (keyof DeckState)[]) {
    if (changes[key] !== state[key]) return { ...state, ...changes };
  }
  return state;
}
