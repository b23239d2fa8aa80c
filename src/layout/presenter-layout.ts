import { itemsOf, type Slide } from '../deck/slides.js';
import type { Position } from '../navigation/deck-state.js';
import { nextPosition } from '../presenter/next-position.js';
import { measureContentSlide } from './slide-rows.js';
import { parseInline, visibleText, wrapSpans, type Span } from '../text/inline.js';
import { reflowParagraphs, wrapText } from '../text/wrap.js';
import { layoutPane, PANE_CHROME_COLUMNS, PANE_CHROME_ROWS, type PaneLayout, type Size } from './chrome.js';
import { FOOTER_ROWS } from './frame-layout.js';
import { layoutSlide, type SlideLayout } from './slide-layout.js';

/** What the presenter's next pane (or line) shows: where `next` leads, and its preview. */
export interface NextLayout {
  /** Where `next` leads; `undefined` at the end of the deck. */
  readonly position?: Position;
  /** The pane beside the current slide; `undefined` when the terminal is too narrow and a one-line preview shows instead. */
  readonly pane?: PaneLayout;
  /** The one-line preview under the panes, when there is no pane. */
  readonly line?: Size;
  /** The bullet the next step reveals, wrapped under its `• ` marker, when `next` stays on this content slide. */
  readonly bullet?: readonly string[];
  /** The next slide in small type, when `next` leads to another slide. */
  readonly slide?: SlideLayout;
}

/** Where each part of the presenter view goes, in columns and rows. */
export interface PresenterLayout {
  /** Rows of the current/next panes (borders included). */
  readonly topRows: number;
  readonly currentColumns: number;
  /** 0 when the terminal is too narrow for a next-slide pane; a one-line preview is shown then. */
  readonly nextColumns: number;
  /** Rows of the notes pane (border included); 0, and no pane, when fewer than its chrome. */
  readonly notesRows: number;
  /** The frame less its status row: the panes, or an overlay in their place. */
  readonly body: Size;
  /** The current slide's pane, and the slide in small type inside it; `undefined` with no slide. */
  readonly current?: { readonly pane: PaneLayout; readonly slide: SlideLayout };
  readonly next: NextLayout;
  /** The notes pane; `undefined` when it has no rows. */
  readonly notes?: PaneLayout;
}

/** Narrowest terminal that gets side-by-side current and next panes, in columns. */
export const SIDE_BY_SIDE_MIN_COLUMNS = 60;
/** Rows of the notes pane taken by its border and header line. */
export const NOTES_CHROME_ROWS = PANE_CHROME_ROWS;
/** Fewest rows left to the notes pane while the current slide still wants more, notes first. */
const MIN_NOTES_ROWS = 6;
/** Columns of the `• ` before a bullet's first line (and the indent of the rest). */
const BULLET_MARKER_COLUMNS = 2;

/**
 * Lays out a presenter frame of `columns` x `rows` (status row included) at `position`: a status
 * row, the current and next panes side by side (the current pane three fifths of the width), and
 * the speaker notes. Rows go where the text is (issue 19): the panes are as tall as both slides
 * need to show whole (at least 5 rows) when the notes fit under them too, and the notes get the
 * rest; short of rows, the next slide gives way first, then the current slide and the notes share
 * what is left (the panes at most three fifths of the height, the notes, which the presenter
 * reads, at least {@link MIN_NOTES_ROWS} rows), so no pane is cut while another has empty rows.
 * Below {@link SIDE_BY_SIDE_MIN_COLUMNS} the next pane gives way to a one-line preview.
 */
export function layoutPresenter(columns: number, rows: number, slides: readonly Slide[], position: Position): PresenterLayout {
  const bodyRows = Math.max(0, rows - FOOTER_ROWS);
  const isSideBySide = columns >= SIDE_BY_SIDE_MIN_COLUMNS;
  const previewRows = isSideBySide ? 0 : 1;
  const nextColumns = isSideBySide ? Math.floor(columns * 0.4) : 0;
  const currentColumns = columns - nextColumns;
  const slide = slides[position.slide];
  const available = bodyRows - previewRows;
  const { current: currentWants, next: nextWants, notes: notesWants } = presenterPaneNeeds(columns, rows, slides, position);
  const ceiling = Math.min(Math.floor(bodyRows * 0.6), available - MIN_NOTES_ROWS);
  // Rows go where the text is: both panes whole when there are the rows for them and the notes;
  // else the next pane gives way, then the current one and the notes share what is left, so no
  // pane is cut while another has empty rows.
  const both = Math.max(currentWants, nextWants);
  let wanted: number;
  if (both + notesWants <= available) wanted = both;
  else if (currentWants + notesWants <= available) wanted = available - notesWants;
  else wanted = Math.min(currentWants, Math.max(ceiling, available - notesWants));
  let topRows = Math.max(0, Math.min(available, Math.max(5, wanted)));
  let notesRows = Math.max(0, available - topRows);
  // Too few rows for the notes pane's border, header and one line of notes would draw an empty
  // box (30x10 drew its two borders and nothing between; 40x11 a header saying "1–0/17"): the
  // panes above take them.
  if (notesRows < NOTES_CHROME_ROWS + 1) {
    topRows += notesRows;
    notesRows = 0;
  }
  const currentPane = layoutPane({ columns: currentColumns, rows: topRows }, { isPadded: false });
  return {
    topRows,
    currentColumns,
    nextColumns,
    notesRows,
    body: { columns, rows: bodyRows },
    ...(slide === undefined
      ? {}
      : { current: { pane: currentPane, slide: layoutSlide(slide, position.step, currentPane.inner, 'summary') } }),
    next: layoutNext(slides, position, isSideBySide ? { columns: nextColumns, rows: topRows } : undefined, columns),
    ...(notesRows > 0 ? { notes: layoutPane({ columns, rows: notesRows }) } : {}),
  };
}

/** The next pane of `size` (or, without one, the one-line preview `columns` wide) for `position`. */
function layoutNext(slides: readonly Slide[], position: Position, size: Size | undefined, columns: number): NextLayout {
  const next = nextPosition(slides, position);
  const at = next === undefined ? {} : { position: next };
  if (size === undefined) return { ...at, line: { columns, rows: 1 } };
  const pane = layoutPane(size, { isPadded: false });
  const slide = next === undefined ? undefined : slides[next.slide];
  if (next === undefined || slide === undefined) return { ...at, pane };
  if (next.step > 0 && slide.kind === 'content') {
    // The next step of this slide: what matters is the item it brings.
    const text = visibleText(itemsOf(slide.body)[next.step - 1] ?? '');
    const lines = wrapText(text, Math.max(1, pane.headerColumns - BULLET_MARKER_COLUMNS)).split('\n');
    return { ...at, pane, bullet: lines.map((line, index) => `${index === 0 ? '• ' : '  '}${line}`) };
  }
  return { ...at, pane, slide: layoutSlide(slide, next.step, pane.inner, 'summary') };
}

/** Rows each pane of the presenter view needs to show its text whole, border and header included. */
export interface PaneNeeds {
  readonly current: number;
  /** 0 when there is no next pane (a one-line preview instead). */
  readonly next: number;
  readonly notes: number;
}

/**
 * What each pane of a presenter frame of `columns` x `rows` at `position` needs, in rows, to show
 * its text whole: the current slide in small type, what `next` leads to, and the notes (at least
 * one line). layoutPresenter shares the rows out by these; tests check it against them.
 */
export function presenterPaneNeeds(columns: number, rows: number, slides: readonly Slide[], position: Position): PaneNeeds {
  const isSideBySide = columns >= SIDE_BY_SIDE_MIN_COLUMNS;
  const nextColumns = isSideBySide ? Math.floor(columns * 0.4) : 0;
  const slide = slides[position.slide];
  const bodyRows = Math.max(0, rows - FOOTER_ROWS);
  return {
    current:
      slide === undefined ? Math.floor(bodyRows * 0.4) : summaryRows(slide, columns - nextColumns - PANE_CHROME_COLUMNS) + PANE_CHROME_ROWS,
    next: isSideBySide ? nextPaneRows(slides, position, nextColumns) : 0,
    notes: Math.max(NOTES_CHROME_ROWS + 1, notesLines(slide?.notes, columns).length + NOTES_CHROME_ROWS),
  };
}

/** Rows the next pane (`columns` wide, border included) needs to show whole what `next` leads to. */
function nextPaneRows(slides: readonly Slide[], position: Position, columns: number): number {
  const next = nextPosition(slides, position);
  const slide = next === undefined ? undefined : slides[next.slide];
  if (next === undefined || slide === undefined) return PANE_CHROME_ROWS;
  if (next.step > 0 && slide.kind === 'content') {
    const text = visibleText(itemsOf(slide.body)[next.step - 1] ?? '');
    return wrapText(text, Math.max(1, columns - PANE_CHROME_COLUMNS - BULLET_MARKER_COLUMNS)).split('\n').length + PANE_CHROME_ROWS;
  }
  return summaryRows(slide, columns - PANE_CHROME_COLUMNS) + PANE_CHROME_ROWS;
}

/** Rows a slide takes in a presenter pane `columns` wide (compact: no blank rows). */
function summaryRows(slide: Slide, columns: number): number {
  if (slide.kind === 'content') return measureContentSlide(slide, Math.max(1, columns), { form: 'summary' }).rows;
  if (slide.kind === 'title') return slide.subtitle ? 3 : 2;
  return 2;
}

/**
 * The notes wrapped for a pane of `columns` columns (border included), one row each: its styled
 * runs (emphasis parsed paragraph by paragraph, markers taking no room), a blank row between
 * paragraphs.
 */
export function notesLines(notes: string | undefined, columns: number): Span[][] {
  const text = notes === undefined ? '' : reflowParagraphs(notes);
  if (text === '') return [];
  return text
    .split('\n\n')
    .flatMap((paragraph, index) => [...(index === 0 ? [] : [[]]), ...wrapSpans(parseInline(paragraph), columns - PANE_CHROME_COLUMNS)]);
}
