import type { Diagnostic } from '../deck/deck-error.js';
import type { Slide } from '../deck/slides.js';
import type { DeckState } from '../navigation/deck-state.js';
import type { View } from '../navigation/key-bindings.js';
import { errorLines } from './error-lines.js';
import { FOOTER_ROWS, frameRows, layoutFrame, MIN_COLUMNS, MIN_ROWS, type FrameLayout } from './frame-layout.js';
import { helpLines, type HelpLine } from './help-lines.js';
import { layoutPresenter, notesLines, type PresenterLayout } from './presenter-layout.js';
import { PANE_CHROME_ROWS } from './chrome.js';
import { lineWindow, type LineWindow } from './window.js';

/** A size on the screen, in columns and rows. */
export interface Size {
  readonly columns: number;
  readonly rows: number;
}

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
}

/** The notes pane of the current view and how it scrolls. */
export interface NotesGeometry {
  readonly size: Size;
  /** The notes, reflowed to the pane's width, one string per row. */
  readonly lines: readonly string[];
  /**
   * The notes' lines in sight, for the notes scrolled as the state says; its `page` is what one
   * `d`/`u` moves and its `maxScroll` how far they go. No markers: the pane's header says the range.
   */
  readonly window: LineWindow;
}

/** The screen of the app, top to bottom, with the scrolling windows already worked out. */
export interface ScreenLayout {
  /** The notice row, when shown (one row, the terminal's width). */
  readonly notice?: Size;
  /** The error banner, when the last save had problems (one row). */
  readonly banner?: Size;
  /** The frame under them: the audience or presenter view (footer or status row included), or the error list. */
  readonly frame: Size;
  /** Whether the frame is big enough to draw the talk in (else it shows a "too small" notice). */
  readonly isDrawn: boolean;
  /** The audience view's frame: its slide and notes pane, which DeckFrame draws in. */
  readonly deckFrame: FrameLayout;
  /** The presenter view's panes, which PresenterFrame draws in; only for that view. */
  readonly presenter?: PresenterLayout;
  /** The help's or the error list's window onto its lines, when one of them is open. */
  readonly overlayWindow?: LineWindow;
  /** The help's lines, wrapped to its width, when it is open: what its window is onto. */
  readonly helpLines?: readonly HelpLine[];
  /** The error list's lines, wrapped to its width, when it is open. */
  readonly errorLines?: readonly string[];
  /** The overview's window onto the slides, when it is open (over the frame less its footer). */
  readonly overviewWindow?: LineWindow;
  /** The notes pane the view shows now, if any. */
  readonly notes?: NotesGeometry;
}

/**
 * Lays out the app's screen for `input`: a notice row and an error banner on top when there
 * are any, the frame below, one row left empty at the bottom (frameRows). The help covers the
 * frame less its footer; the error list the whole frame. The frames draw with the same
 * functions (layoutFrame, layoutPresenter, lineWindow), so what a key scrolls is what is drawn.
 */
export function layoutScreen({ terminal, view, state, slides, problem, hasNotice }: ScreenInput): ScreenLayout {
  const { columns } = terminal;
  const line = { columns, rows: 1 };
  const rows = frameRows(terminal.rows) - (problem === undefined ? 0 : 1) - (hasNotice ? 1 : 0);
  const frame = { columns, rows };
  // The lines are worked out here once, to window them, and the panes draw these same lines.
  let overlay: Pick<ScreenLayout, 'overlayWindow' | 'helpLines' | 'errorLines'> = {};
  if (state.overlay === 'errors' && problem !== undefined) {
    const lines = errorLines(problem.diagnostics, problem.text, columns);
    overlay = { errorLines: lines, overlayWindow: lineWindow(lines.length, rows - PANE_CHROME_ROWS, { scroll: state.overlayScroll }) };
  } else if (state.overlay === 'help') {
    const lines = helpLines(view, columns);
    overlay = {
      helpLines: lines,
      overlayWindow: lineWindow(lines.length, rows - FOOTER_ROWS - PANE_CHROME_ROWS, { scroll: state.overlayScroll }),
    };
  }
  const audience = layoutFrame(columns, rows, state.showNotes);
  const presenter = view === 'presenter' ? layoutPresenter(columns, rows, slides, state) : undefined;
  return {
    ...(hasNotice ? { notice: line } : {}),
    ...(problem === undefined ? {} : { banner: line }),
    frame,
    isDrawn: columns >= MIN_COLUMNS && rows >= MIN_ROWS,
    deckFrame: audience,
    ...(presenter === undefined ? {} : { presenter }),
    ...overlay,
    ...(state.overlay === 'overview'
      ? { overviewWindow: lineWindow(slides.length, rows - FOOTER_ROWS - PANE_CHROME_ROWS, { keep: state.overviewCursor }) }
      : {}),
    ...notesOf(state, slides, frame, presenter === undefined ? audience.notes : { columns, rows: presenter.notesRows }),
  };
}

function notesOf(state: DeckState, slides: readonly Slide[], frame: Size, pane: Size | undefined): { notes?: NotesGeometry } {
  if (pane === undefined) return {};
  const slide = slides[state.slide];
  const lines = notesLines(slide?.kind === 'content' ? slide.notes : undefined, pane.columns);
  const window = lineWindow(lines.length, pane.rows - PANE_CHROME_ROWS, { scroll: state.notesScroll }, { hasMarkers: false });
  return { notes: { size: { columns: pane.columns, rows: pane.rows }, lines, window } };
}
