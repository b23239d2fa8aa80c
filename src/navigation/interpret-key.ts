import type { ScreenLayout } from '../layout/screen-layout.js';
import type { Action, DeckState } from './deck-state.js';
import type { Slide } from '../deck/slides.js';
import { slideAfterOptionalRun } from '../presenter/skip.js';

/**
 * What one action from the keyboard leads to: an action for the deck reducer, or one of the
 * app's own effects (the shared timer, suspending to the shell).
 */
export type KeyOutcome =
  | { readonly kind: 'dispatch'; readonly action: Action }
  | { readonly kind: 'toggleTimer' }
  | { readonly kind: 'resetTimer' }
  /** Starts the timer unless it runs already (F5, a remote's start button). */
  | { readonly kind: 'startTimer' }
  | { readonly kind: 'suspend' };

/** What the interpretation of a key needs besides the key: the state, the screen as laid out, and whether the last save had problems. */
export interface KeyContext {
  readonly state: DeckState;
  readonly screen: ScreenLayout;
  readonly hasProblem: boolean;
  /** The slides, for keys that depend on them (the skip key: which slides are optional). */
  readonly slides?: readonly Slide[];
}

/** Keys that open something over the slide: in a blanked audience view it would open unseen, so they bring the slide back instead. */
const OPENING_ACTIONS: ReadonlySet<Action['type']> = new Set(['toggleHelp', 'toggleOverview', 'openSearch', 'toggleErrors', 'toggleNotes']);

/** Keys that scroll the help or the error list while it is taller than its area (next, previous, first, last). */
const SCROLL_ACTIONS: ReadonlySet<Action['type']> = new Set(['next', 'previous', 'first', 'last']);

const NOTHING: readonly KeyOutcome[] = Object.freeze([]);

/**
 * Interprets `action`, typed by the user, in `context`: a pure function, so the rules for what
 * a key does in an overlay are tested without rendering.
 *
 * - In the help or the error list taller than its area, the moving keys scroll it a page
 *   (`next`, `previous`) or to its ends (`first`, `last`), and stop at its end: a presenter
 *   holding ↓ to read it never moves the talk behind it. A help that fits closes on them, as on
 *   any other key.
 * - `toggleErrors` opens the error list only when the last save had problems.
 * - `scrollNotes` pages by the notes pane the view shows, as laid out; without one, nothing.
 * - The timer keys and Ctrl-Z are the app's own effects; F5 (`start`) also brings back a blanked
 *   screen.
 * - In a blanked audience view, a key that would open something over the slide (help, overview,
 *   search, the error list, the notes) brings the slide back instead: opened, it would be unseen.
 * - The skip key jumps past the next run of optional slides (a jump, so every view follows).
 * - In the search, Enter jumps to the highlighted result (or closes a search with none), and
 *   the arrows move the highlight within the results as laid out.
 *
 * @returns What to do, in order; empty when the key does nothing here.
 */
export function interpretAction(action: Action, { state, screen, hasProblem, slides = [] }: KeyContext): readonly KeyOutcome[] {
  const dispatch = (next: Action): readonly KeyOutcome[] => [{ kind: 'dispatch', action: next }];
  const { overlay } = screen;
  const window = overlay !== undefined && overlay.kind !== 'overview' ? overlay.window : undefined;
  if (action.type === 'suspend') return [{ kind: 'suspend' }];
  // The presenter view shows what it opens; the blanked audience view would not.
  if (state.blank !== 'none' && screen.presenter === undefined && state.overlay === 'none' && OPENING_ACTIONS.has(action.type)) {
    return dispatch({ type: 'blank', screen: state.blank });
  }
  if (state.overlay === 'search' && overlay?.kind === 'search') {
    if (action.type === 'confirm') {
      const result = overlay.results[state.search.cursor];
      return dispatch(result === undefined ? { type: 'back' } : { type: 'goTo', slide: result.slide });
    }
    if (action.type === 'searchMove') return dispatch({ ...action, count: overlay.results.length });
  }
  if ((state.overlay === 'help' || (state.overlay === 'errors' && hasProblem)) && SCROLL_ACTIONS.has(action.type) && window !== undefined) {
    if (window.above === 0 && window.below === 0) return dispatch(action);
    const lines = { next: window.page, previous: -window.page, first: -window.above, last: window.maxScroll - window.above }[
      action.type as 'next' | 'previous' | 'first' | 'last'
    ];
    return lines === 0 ? NOTHING : dispatch({ type: 'scrollOverlay', lines, max: window.maxScroll });
  }
  switch (action.type) {
    case 'toggleTimer':
      return [{ kind: 'toggleTimer' }];
    case 'resetTimer':
      return [{ kind: 'resetTimer' }];
    case 'start':
      return [{ kind: 'dispatch', action }, { kind: 'startTimer' }];
    case 'skipOptional': {
      const target = slideAfterOptionalRun(slides, state.slide);
      return target === undefined ? NOTHING : dispatch({ type: 'goTo', slide: target });
    }
    case 'toggleErrors':
      return hasProblem || state.overlay === 'errors' ? dispatch(action) : NOTHING;
    case 'scrollNotes':
      return screen.notes === undefined
        ? NOTHING
        : dispatch({ ...action, rowsPerPage: screen.notes.window.page, max: screen.notes.window.maxScroll });
    default:
      return dispatch(action);
  }
}
