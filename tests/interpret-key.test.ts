import { describe, expect, it } from 'vitest';
import { readDeck } from '../src/deck/load-deck.js';
import { buildSlides, stepCountOf } from '../src/deck/slides.js';
import { layoutScreen, type ScreenLayout } from '../src/layout/screen-layout.js';
import { layoutPane } from '../src/layout/chrome.js';
import { lineWindow, type LineWindow } from '../src/layout/window.js';
import { deckReducer, initialDeckState, type Action, type DeckState } from '../src/navigation/deck-state.js';
import { interpretAction, type KeyOutcome } from '../src/navigation/interpret-key.js';
import { SLIDES_YAML } from './helpers/paths.js';

const slides = buildSlides(await readDeck(SLIDES_YAML));
const start = initialDeckState(slides.map(stepCountOf));
const withHelp = deckReducer(start, { type: 'toggleHelp' });

/** A window onto 40 lines, 10 shown: scrolled `above` lines down. */
const window = (above: number, below: number): LineWindow => ({
  start: above,
  end: 40 - below,
  above,
  below,
  maxScroll: 32,
  page: 8,
  hasTopMarker: above > 0,
  hasBottomMarker: below > 0,
  hasSharedMarker: false,
});
const FITS: LineWindow = lineWindow(5, 10, { scroll: 0 });
/** The help open over a 80x22 body, with `window` onto its lines. */
const helpWith = (window: LineWindow): Partial<ScreenLayout> => ({
  overlay: { kind: 'help', pane: layoutPane({ columns: 80, rows: 22 }), lines: [], window },
});
const screenWith = (extra: Partial<ScreenLayout>): ScreenLayout => ({
  frame: { columns: 80, rows: 23 },
  body: { columns: 80, rows: 22 },
  isDrawn: true,
  deckFrame: { slideColumns: 80, slideRows: 22 },
  helpKey: '?',
  ...extra,
});
const dispatch = (action: Action): KeyOutcome[] => [{ kind: 'dispatch', action }];

describe('interpretAction', () => {
  it.each<[string, Action, DeckState, ScreenLayout, boolean, readonly KeyOutcome[]]>([
    ['next with nothing open moves the talk', { type: 'next' }, start, screenWith({}), false, dispatch({ type: 'next' })],
    [
      'next in a help that scrolls pages it',
      { type: 'next' },
      withHelp,
      screenWith(helpWith(window(0, 30))),
      false,
      dispatch({ type: 'scrollOverlay', lines: 8, max: 32 }),
    ],
    [
      'previous in a help scrolled down pages back',
      { type: 'previous' },
      withHelp,
      screenWith(helpWith(window(16, 14))),
      false,
      dispatch({ type: 'scrollOverlay', lines: -8, max: 32 }),
    ],
    [
      'first goes to its top',
      { type: 'first' },
      withHelp,
      screenWith(helpWith(window(16, 14))),
      false,
      dispatch({ type: 'scrollOverlay', lines: -16, max: 32 }),
    ],
    [
      'last goes to its end',
      { type: 'last' },
      withHelp,
      screenWith(helpWith(window(16, 14))),
      false,
      dispatch({ type: 'scrollOverlay', lines: 16, max: 32 }),
    ],
    [
      'last at its end does nothing, never moving the talk behind it',
      { type: 'last' },
      withHelp,
      screenWith(helpWith(window(32, 0))),
      false,
      [],
    ],
    [
      'next in a help that fits closes it, as any key does',
      { type: 'next' },
      withHelp,
      screenWith(helpWith(FITS)),
      false,
      dispatch({ type: 'next' }),
    ],
    ['toggleErrors without a problem does nothing', { type: 'toggleErrors' }, start, screenWith({}), false, []],
    [
      'toggleErrors with a problem opens the list',
      { type: 'toggleErrors' },
      start,
      screenWith({}),
      true,
      dispatch({ type: 'toggleErrors' }),
    ],
    ['scrollNotes without a notes pane does nothing', { type: 'scrollNotes', pages: 1 }, start, screenWith({}), false, []],
    [
      'scrollNotes pages by the pane as laid out',
      { type: 'scrollNotes', pages: -1 },
      start,
      screenWith({
        notes: { pane: layoutPane({ columns: 80, rows: 11 }), lines: [], window: lineWindow(20, 8, { scroll: 0 }, { hasMarkers: false }) },
      }),
      false,
      dispatch({ type: 'scrollNotes', pages: -1, rowsPerPage: 7, max: 12 }),
    ],
    ['t toggles the timer', { type: 'toggleTimer' }, start, screenWith({}), false, [{ kind: 'toggleTimer' }]],
    ['r resets it', { type: 'resetTimer' }, start, screenWith({}), false, [{ kind: 'resetTimer' }]],
    ['Ctrl-Z suspends, whatever is open', { type: 'suspend' }, withHelp, screenWith(helpWith(window(0, 30))), false, [{ kind: 'suspend' }]],
    ['q quits from the help', { type: 'quit' }, withHelp, screenWith(helpWith(window(0, 30))), false, dispatch({ type: 'quit' })],
  ])('%s', (_name, action, state, screen, hasProblem, outcomes) => {
    expect(interpretAction(action, { state, screen, hasProblem })).toEqual(outcomes);
  });
});

describe('layoutScreen', () => {
  const problem = {
    diagnostics: [{ file: 'slides.yaml', line: 3, column: 1, path: 'note', message: 'unknown key "note"' }],
    text: 'title: x\nsections: []\nnote: 1\n',
  };

  it.each([
    ['nothing on top', false, false, 23],
    ['a notice row', false, true, 22],
    ['an error banner', true, false, 22],
    ['both', true, true, 21],
  ])('gives the frame the rows left under %s, one row left empty at the bottom', (_name, hasProblem, hasNotice, frameRows) => {
    const screen = layoutScreen({
      terminal: { columns: 80, rows: 24 },
      view: 'audience',
      state: start,
      slides,
      hasNotice,
      ...(hasProblem ? { problem } : {}),
    });
    expect(screen.frame).toEqual({ columns: 80, rows: frameRows });
    expect(screen.notice !== undefined).toBe(hasNotice);
    expect(screen.banner !== undefined).toBe(hasProblem);
  });

  it('windows the help over the frame less its footer, and the error list over the whole frame', () => {
    const help = layoutScreen({ terminal: { columns: 80, rows: 12 }, view: 'audience', state: withHelp, slides, hasNotice: false });
    const errors = layoutScreen({
      terminal: { columns: 80, rows: 12 },
      view: 'audience',
      state: deckReducer(start, { type: 'toggleErrors' }),
      slides,
      hasNotice: false,
      problem,
    });
    // 11 frame rows: the help has 10 of them, less 3 of border and header.
    expect(help.overlay?.window.end).toBe(6);
    expect(help.overlay?.window.below).toBeGreaterThan(0);
    expect(help.overlay?.pane.size).toEqual({ columns: 80, rows: 10 });
    expect(errors.overlay?.window).toMatchObject({ start: 0, above: 0 });
    // The error banner takes a row: the list covers the other 10.
    expect(errors.overlay?.pane.size).toEqual({ columns: 80, rows: 10 });
  });

  it('has notes only where the view shows a pane', () => {
    const shown = deckReducer(deckReducer(start, { type: 'goTo', slide: 3 }), { type: 'toggleNotes' });
    expect(
      layoutScreen({ terminal: { columns: 80, rows: 24 }, view: 'audience', state: start, slides, hasNotice: false }).notes,
    ).toBeUndefined();
    expect(
      layoutScreen({ terminal: { columns: 80, rows: 24 }, view: 'audience', state: shown, slides, hasNotice: false }).notes?.pane.size,
    ).toEqual({ columns: 80, rows: 11 });
    expect(
      layoutScreen({ terminal: { columns: 80, rows: 24 }, view: 'presenter', state: start, slides, hasNotice: false }).notes,
    ).toBeDefined();
  });

  it.each([
    [80, 24, false, true, { columns: 80, rows: 22 }],
    [80, 24, true, true, { columns: 80, rows: 11 }],
    [120, 40, true, true, { columns: 72, rows: 38 }],
    [19, 24, false, false, { columns: 19, rows: 22 }],
    [80, 6, false, false, { columns: 80, rows: 4 }],
  ])('at %ix%i, notes %s: drawn %s, the slide area %j, as check and the frames use it', (columns, rows, showNotes, isDrawn, slide) => {
    const state = initialDeckState(1, { showNotes });
    const screen = layoutScreen({ terminal: { columns, rows }, view: 'audience', state, slides: [], hasNotice: false });
    expect(screen.isDrawn).toBe(isDrawn);
    expect({ columns: screen.deckFrame.slideColumns, rows: screen.deckFrame.slideRows }).toEqual(slide);
  });

  it('windows the overview over the frame less its footer, keeping the highlight in view', () => {
    const overview = deckReducer(start, { type: 'toggleOverview' });
    const screen = layoutScreen({ terminal: { columns: 80, rows: 12 }, view: 'audience', state: overview, slides, hasNotice: false });
    // 11 frame rows, 10 without the footer, 7 inside the pane's border and header: 6 slides and the marker below.
    expect(screen.overlay).toMatchObject({ kind: 'overview' });
    expect(screen.overlay?.window).toMatchObject({ start: 0, end: 6, hasBottomMarker: true, hasTopMarker: false });
    expect(
      layoutScreen({ terminal: { columns: 80, rows: 12 }, view: 'audience', state: start, slides, hasNotice: false }).overlay,
    ).toBeUndefined();
  });
});
