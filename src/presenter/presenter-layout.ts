import { reflowParagraphs, wrapText } from '../render/wrap.js';

/** Where each part of the presenter view goes, in columns and rows. */
export interface PresenterLayout {
  /** Rows of the current/next panes (borders included). */
  readonly topRows: number;
  readonly currentColumns: number;
  /** 0 when the terminal is too narrow for a next-slide pane; a one-line preview is shown then. */
  readonly nextColumns: number;
  /** Rows of the notes pane (border included). */
  readonly notesRows: number;
}

/** Narrowest terminal that gets side-by-side current and next panes, in columns. */
export const SIDE_BY_SIDE_MIN_COLUMNS = 60;
/** Rows of the notes pane taken by its border and header line. */
export const NOTES_CHROME_ROWS = 3;
/** Columns of the notes pane taken by its border and padding. */
export const NOTES_CHROME_COLUMNS = 4;

/**
 * Splits a presenter frame of `columns` x `rows` (status bar included): a status row, the
 * current and next panes side by side (about two fifths of the height, the current pane three
 * fifths of the width), and the speaker notes, which get the rest since they are what the
 * presenter reads.
 */
export function layoutPresenter(columns: number, rows: number): PresenterLayout {
  const bodyRows = Math.max(0, rows - 1);
  const isSideBySide = columns >= SIDE_BY_SIDE_MIN_COLUMNS;
  const previewRows = isSideBySide ? 0 : 1;
  const topRows = Math.min(bodyRows - previewRows, Math.max(5, Math.floor(bodyRows * 0.4)));
  const nextColumns = isSideBySide ? Math.floor(columns * 0.4) : 0;
  return {
    topRows: Math.max(0, topRows),
    currentColumns: columns - nextColumns,
    nextColumns,
    notesRows: Math.max(0, bodyRows - Math.max(0, topRows) - previewRows),
  };
}

/** The notes wrapped for a pane of `columns` columns, one string per row. */
export function notesLines(notes: string | undefined, columns: number): string[] {
  const text = notes === undefined ? '' : reflowParagraphs(notes);
  return text === '' ? [] : wrapText(text, columns - NOTES_CHROME_COLUMNS).split('\n');
}

/** Farthest the notes can scroll in a pane of `columns` x `rows`, in rows. */
export function notesScrollMax(notes: string | undefined, columns: number, rows: number): number {
  return Math.max(0, notesLines(notes, columns).length - Math.max(0, rows - NOTES_CHROME_ROWS));
}
