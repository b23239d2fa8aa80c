import type { Slide } from '../deck/slides.js';
import type { Position } from '../navigation/deck-state.js';
import { measureContentSlide } from './slide-rows.js';
import { reflowParagraphs, wrapText } from '../text/wrap.js';
import { PANE_CHROME_COLUMNS, PANE_CHROME_ROWS } from './chrome.js';
import { FOOTER_ROWS } from './frame-layout.js';

/** Where each part of the presenter view goes, in columns and rows. */
export interface PresenterLayout {
  /** Rows of the current/next panes (borders included). */
  readonly topRows: number;
  readonly currentColumns: number;
  /** 0 when the terminal is too narrow for a next-slide pane; a one-line preview is shown then. */
  readonly nextColumns: number;
  /** Rows of the notes pane (border included); 0, and no pane, when fewer than its chrome. */
  readonly notesRows: number;
}

/** Narrowest terminal that gets side-by-side current and next panes, in columns. */
export const SIDE_BY_SIDE_MIN_COLUMNS = 60;
/** Rows of the notes pane taken by its border and header line. */
export const NOTES_CHROME_ROWS = PANE_CHROME_ROWS;
/** Columns of the notes pane taken by its border and padding. */
export const NOTES_CHROME_COLUMNS = PANE_CHROME_COLUMNS;
/** Fewest rows left to the notes pane while the current slide still wants more, notes first. */
const MIN_NOTES_ROWS = 6;

/**
 * Splits a presenter frame of `columns` x `rows` (status bar included): a status row, the
 * current and next panes side by side (the current pane three fifths of the width), and the
 * speaker notes. The panes are as tall as the current slide needs to show all of its bullets,
 * between 5 rows and three fifths of the height, and never leave the notes, which are what the
 * presenter reads, fewer than {@link MIN_NOTES_ROWS} rows; the notes get the rest.
 *
 * @param slides - With `position`, the deck, to size the panes to the current slide.
 */
export function layoutPresenter(columns: number, rows: number, slides?: readonly Slide[], position?: Position): PresenterLayout {
  const bodyRows = Math.max(0, rows - FOOTER_ROWS);
  const isSideBySide = columns >= SIDE_BY_SIDE_MIN_COLUMNS;
  const previewRows = isSideBySide ? 0 : 1;
  const nextColumns = isSideBySide ? Math.floor(columns * 0.4) : 0;
  const slide = position === undefined ? undefined : slides?.[position.slide];
  const wanted =
    slide === undefined ? Math.floor(bodyRows * 0.4) : summaryRows(slide, columns - nextColumns - PANE_CHROME_COLUMNS) + PANE_CHROME_ROWS;
  const ceiling = Math.min(Math.floor(bodyRows * 0.6), bodyRows - previewRows - MIN_NOTES_ROWS);
  let topRows = Math.max(0, Math.min(bodyRows - previewRows, Math.max(5, Math.min(wanted, ceiling))));
  let notesRows = Math.max(0, bodyRows - topRows - previewRows);
  // Too few rows for the notes pane's border and header would draw an empty box (30x10 drew its
  // two borders and nothing between): the panes above take them.
  if (notesRows < NOTES_CHROME_ROWS) {
    topRows += notesRows;
    notesRows = 0;
  }
  return { topRows, currentColumns: columns - nextColumns, nextColumns, notesRows };
}

/** Rows a slide takes in a presenter pane `columns` wide (compact: no blank rows). */
function summaryRows(slide: Slide, columns: number): number {
  if (slide.kind === 'content') return measureContentSlide(slide.title, slide.bullets, Math.max(1, columns)).rows;
  if (slide.kind === 'title') return slide.subtitle ? 3 : 2;
  return 2;
}

/** The notes wrapped for a pane of `columns` columns, one string per row. */
export function notesLines(notes: string | undefined, columns: number): string[] {
  const text = notes === undefined ? '' : reflowParagraphs(notes);
  return text === '' ? [] : wrapText(text, columns - NOTES_CHROME_COLUMNS).split('\n');
}
