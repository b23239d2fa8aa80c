import type { Diagnostic } from '../deck/deck-error.js';
import type { Slide } from '../deck/slides.js';
import type { DeckState } from '../navigation/deck-state.js';
import { DEFAULT_KEY_MAP, firstKeyOf, type KeyMap, type View } from '../navigation/key-bindings.js';
import { searchSlides, type SearchResult } from '../search/search-slides.js';
import { layoutPane, type PaneLayout, type Size } from './chrome.js';
import { errorLines } from './error-lines.js';
import { FOOTER_ROWS, frameRows, isFrameDrawn, layoutFrame, type FrameLayout } from './frame-layout.js';
import { helpLines, type HelpLine } from './help-lines.js';
import { layoutPresenter, notesLines, type PresenterLayout } from './presenter-layout.js';
import type { Span } from '../text/inline.js';
import { layoutSlide, type SlideLayout } from './slide-layout.js';
import { lineWindow, type LineWindow } from './window.js';
import { wrapText } from '../text/wrap.js';

export type { Size } from './chrome.js';

/** What the screen shows, as far as its geometry depends on it. */
export interface ScreenInput {
  /** The terminal's size, in columns and rows. */
  readonly terminal: Size;
  readonly view: View;
  readonly state: DeckState;
  readonly slides: readonly Slide[];
  /** The problems of the last save and its text, when it had any: a banner row, and the `e` list. */
  readonly problem?: { readonly diagnostics: readonly Diagnostic[]; readonly text: string };
  /** Whether a notice row (the views stopped following each other) is shown. */
  readonly hasNotice: boolean;
  /** The key bindings in effect, which the help lists; the defaults when not given. */
  readonly keyMap?: KeyMap;
}

/** The notes pane of the current view, its lines and how they scroll. */
export interface NotesLayout {
  readonly pane: PaneLayout;
  /** The notes, reflowed to the pane's width, one row each as its styled runs (see notesLines). */
  readonly lines: readonly (readonly Span[])[];
  /**
   * The notes' lines in sight, for the notes scrolled as the state says; its `page` is what one
   * `d`/`u` moves and its `maxScroll` how far they go. No markers: the pane's header says the range.
   */
  readonly window: LineWindow;
}

/** The open overlay: its pane, its lines and its window onto them. */
export type OverlayLayout =
  /** The key help, over the frame less its footer. */
  | { readonly kind: 'help'; readonly pane: PaneLayout; readonly lines: readonly HelpLine[]; readonly window: LineWindow }
  /** The error list of the last save, over the whole frame; once a save fixed the deck, FIXED_TEXT. */
  | { readonly kind: 'errors'; readonly pane: PaneLayout; readonly lines: readonly string[]; readonly window: LineWindow }
  /** The overview, over the frame less its footer; its window onto the slides keeps the highlight in sight. */
  | { readonly kind: 'overview'; readonly pane: PaneLayout; readonly window: LineWindow }
  /**
   * The search: its results in a pane over the frame less its last row, which is the search line
   * (in the audience view in place of the footer). The window keeps the highlighted result in
   * sight; `numberWidth` is the columns of the longest slide number.
   */
  | {
      readonly kind: 'search';
      readonly pane: PaneLayout;
      readonly results: readonly SearchResult[];
      readonly numberWidth: number;
      readonly window: LineWindow;
      /** The search line: the frame's last row. */
      readonly line: Size;
    };

/** What the error list says once a save fixed the deck while it was open. */
export const FIXED_TEXT = 'The deck loads again, and the talk shows the saved version.';

/** The screen of the app, top to bottom, with the scrolling windows already worked out. */
export interface ScreenLayout {
  /** The notice row, when shown (one row, the terminal's width). */
  readonly notice?: Size;
  /** The error banner, when the last save had problems (one row). */
  readonly banner?: Size;
  /** The frame under them: the audience or presenter view (footer or status row included), or the error list. */
  readonly frame: Size;
  /** The frame less its footer or status row: the slide and notes, the presenter's panes, or the help or overview over them. */
  readonly body: Size;
  /** Whether the frame is big enough to draw the talk in (else it shows a "too small" notice). */
  readonly isDrawn: boolean;
  /** The audience view's frame: its slide area and notes pane, which DeckFrame draws in. */
  readonly deckFrame: FrameLayout;
  /** The audience view's slide, laid out in `deckFrame`'s slide area; only for that view. */
  readonly slide?: SlideLayout;
  /** The presenter view's panes, which PresenterFrame draws in; only for that view. */
  readonly presenter?: PresenterLayout;
  /** The help, the error list or the overview, when one is open. */
  readonly overlay?: OverlayLayout;
  /** The notes pane the view shows now, if any. */
  readonly notes?: NotesLayout;
  /** The first key bound to the help, for the footer's hint; empty when the help has no key. */
  readonly helpKey: string;
}

/**
 * Lays out the app's screen for `input`: a notice row and an error banner on top when there
 * are any, the frame below, one row left empty at the bottom (frameRows). The help and the
 * overview cover the frame less its footer; the error list the whole frame. Every pane's chrome
 * and every scrolling window is worked out here (layoutPane, lineWindow), and the components draw
 * what this gives them, so what a key scrolls is what is drawn.
 */
export function layoutScreen({ terminal, view, state, slides, problem, hasNotice, keyMap = DEFAULT_KEY_MAP }: ScreenInput): ScreenLayout {
  const { columns } = terminal;
  const line = { columns, rows: 1 };
  const rows = frameRows(terminal.rows) - (problem === undefined ? 0 : 1) - (hasNotice ? 1 : 0);
  const frame = { columns, rows };
  const body = { columns, rows: Math.max(0, rows - FOOTER_ROWS) };
  const audience = layoutFrame(columns, rows, state.showNotes);
  const presenter = view === 'presenter' ? layoutPresenter(columns, rows, slides, state) : undefined;
  const slide = slides[state.slide];
  const beside = audience.notes;
  const notesPane = presenter !== undefined ? presenter.notes : beside && layoutPane({ columns: beside.columns, rows: beside.rows });
  const overlay = layoutOverlay(view, state, slides, problem, frame, body, keyMap);
  return {
    ...(hasNotice ? { notice: line } : {}),
    ...(problem === undefined ? {} : { banner: line }),
    frame,
    body,
    isDrawn: isFrameDrawn(columns, rows),
    deckFrame: audience,
    ...(presenter === undefined && slide !== undefined
      ? { slide: layoutSlide(slide, state.step, { columns: audience.slideColumns, rows: audience.slideRows }, 'full') }
      : {}),
    ...(presenter === undefined ? {} : { presenter }),
    ...(overlay === undefined ? {} : { overlay }),
    ...(notesPane === undefined ? {} : { notes: layoutNotes(state, slides, notesPane) }),
    helpKey: firstKeyOf('help', keyMap) ?? '',
  };
}

function layoutOverlay(
  view: View,
  state: DeckState,
  slides: readonly Slide[],
  problem: ScreenInput['problem'],
  frame: Size,
  body: Size,
  keyMap: KeyMap,
): OverlayLayout | undefined {
  // The lines are worked out here once, to window them, and the panes draw these same lines.
  if (state.overlay === 'errors') {
    const pane = layoutPane(frame);
    // Fixed while the list was open: it says so until it is closed.
    const lines =
      problem === undefined
        ? wrapText(FIXED_TEXT, pane.inner.columns).split('\n')
        : errorLines(problem.diagnostics, problem.text, frame.columns);
    return { kind: 'errors', pane, lines, window: lineWindow(lines.length, pane.inner.rows, { scroll: state.overlayScroll }) };
  }
  if (state.overlay === 'help') {
    const pane = layoutPane(body);
    const lines = helpLines(view, body.columns, keyMap);
    return { kind: 'help', pane, lines, window: lineWindow(lines.length, pane.inner.rows, { scroll: state.overlayScroll }) };
  }
  if (state.overlay === 'search') {
    // The presenter view's status row is on top, so the search line takes the body's last row.
    const pane = layoutPane({ columns: body.columns, rows: Math.max(0, body.rows - (view === 'presenter' ? 1 : 0)) });
    const results = searchSlides(slides, state.search.query, { isNotesSearched: view === 'presenter' });
    const window = lineWindow(results.length, pane.inner.rows, { keep: state.search.cursor });
    return { kind: 'search', pane, results, numberWidth: String(slides.length).length, window, line: { columns: frame.columns, rows: 1 } };
  }
  if (state.overlay === 'overview') {
    const pane = layoutPane(body);
    return { kind: 'overview', pane, window: lineWindow(slides.length, pane.inner.rows, { keep: state.overviewCursor }) };
  }
  return undefined;
}

function layoutNotes(state: DeckState, slides: readonly Slide[], pane: PaneLayout): NotesLayout {
  const slide = slides[state.slide];
  const lines = notesLines(slide?.notes, pane.size.columns);
  return { pane, lines, window: lineWindow(lines.length, pane.inner.rows, { scroll: state.notesScroll }, { hasMarkers: false }) };
}
