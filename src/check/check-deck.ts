import { parseDuration } from '../deck/duration.js';
import { formatClock } from '../presenter/pacing.js';
import { DeckError, formatWithSeverity, type Diagnostic } from '../deck/deck-error.js';
import { formatPath, parseDeckWithPositions, type PathSegment } from '../deck/load-deck.js';
import { fitBigText, isDrawable } from '../layout/big-text.js';
import { measureContentSlide, MIN_COLUMN_WIDTH } from '../layout/slide-rows.js';
import { bodyOf } from '../deck/slides.js';
import { checkSource } from './check-source.js';
import { contentArea, fitTitleSlide, tooSmallToDraw, sectionSlideTitleArea, titleSlideTitleArea } from '../layout/frame-layout.js';
import { layoutScreen } from '../layout/screen-layout.js';
import { initialDeckState } from '../navigation/deck-state.js';

export type Severity = 'error' | 'warning';

/** One finding of `inkdeck check`: a diagnostic with its severity. */
export interface Finding extends Diagnostic {
  readonly severity: Severity;
}

/** The text a talk condenses, for `check --source`, and its name as messages show it. */
export interface SourceText {
  readonly text: string;
  readonly name: string;
}

/** Terminal size to check layout against, in columns and rows, and whether the notes pane shows. */
export interface CheckSize {
  readonly columns: number;
  readonly rows: number;
  /** Lay slides out beside or above the speaker-notes pane (`n` in the app); off by default. */
  readonly notes?: boolean;
}

/**
 * Checks deck text: every error the loader finds, and, for a deck that loads, warnings about
 * how it will look in a terminal of `size`:
 * - a content slide whose content does not fit (rows over, or a word wider than the slide);
 * - a columns slide whose columns stack for want of width;
 * - a title or section title that falls back from big text to plain text;
 * - a content slide without speaker notes;
 * - a section without slides;
 * - slides' own `duration:`s adding up to more than the deck's.
 * Below the smallest terminal the app draws in (MIN_COLUMNS x MIN_ROWS, plus the reserved row),
 * one warning says so instead of the layout warnings: the app shows only its "too small" notice.
 * With a `source` (the text the talk condenses), every quotation the source does not hold word
 * for word is an error (see {@link checkSource}).
 *
 * @returns Findings in file order; empty for a clean deck. Never throws for bad input.
 */
export function checkDeck(text: string, file: string, size: CheckSize, { source }: { readonly source?: SourceText } = {}): Finding[] {
  let parsed;
  try {
    parsed = parseDeckWithPositions(text, file);
  } catch (error) {
    if (error instanceof DeckError) return error.diagnostics.map((diagnostic) => ({ ...diagnostic, severity: 'error' }));
    throw error;
  }
  const { deck, positionOf } = parsed;
  const findings: Finding[] = source === undefined ? [] : checkSource(parsed, file, source.text, source.name);
  const warn = (path: readonly PathSegment[], message: string) => {
    findings.push({ file, ...positionOf(path), path: formatPath(path), message, severity: 'warning' });
  };

  const sizeName = `${size.columns}x${size.rows}${size.notes === true ? ' with notes' : ''}`;
  // The audience view as the app lays it out at this size, the notes pane shown or not.
  const screen = layoutScreen({
    terminal: size,
    view: 'audience',
    state: initialDeckState(1, { showNotes: size.notes === true }),
    slides: [],
    hasNotice: false,
  });
  const { isDrawn } = screen;
  const tooSmall = tooSmallToDraw(size.columns, size.rows);
  if (tooSmall !== undefined) findings.push({ file, line: 0, column: 0, path: '', message: tooSmall, severity: 'warning' });
  const frame = { columns: screen.deckFrame.slideColumns, rows: screen.deckFrame.slideRows };
  if (isDrawn) {
    const titleArea = titleSlideTitleArea(deck, frame.columns, frame.rows);
    const crowdedOut = titleArea.rows < 1 ? `its subtitle, byline and source leave it no row at ${sizeName}` : undefined;
    checkBigTitle(deck.title, ['title'], titleArea, warn, crowdedOut);
    const { hiddenLines } = fitTitleSlide(deck, frame.columns, frame.rows);
    if (hiddenLines > 0) warn(['title'], `the title slide does not fit ${sizeName}: ${count(hiddenLines, 'line')} left out`);
  }

  // Slides' own durations past the deck's leave the other slides no time (the plan: planOf).
  const deckMs = deck.duration === undefined ? undefined : parseDuration(deck.duration);
  const slidesMs = deck.sections
    .flatMap((section) => section.slides)
    .reduce((sum, slide) => sum + (slide.duration === undefined ? 0 : (parseDuration(slide.duration) ?? 0)), 0);
  if (deckMs !== undefined && slidesMs > deckMs) {
    warn(
      ['duration'],
      `the slides' own durations add up to ${formatClock(slidesMs)}, more than the deck's ${deck.duration ?? ''}: the other slides get no time`,
    );
  }

  const area = contentArea(frame.columns, frame.rows);
  deck.sections.forEach((section, sectionIndex) => {
    const sectionPath = ['sections', sectionIndex];
    if (isDrawn) checkBigTitle(section.title, [...sectionPath, 'title'], sectionSlideTitleArea(frame.columns, frame.rows), warn);
    if (section.slides.length === 0) warn(sectionPath, `section "${section.id}" has no slides`);
    section.slides.forEach((slide, slideIndex) => {
      const slidePath = [...sectionPath, 'slides', slideIndex];
      if (isDrawn) {
        const body = bodyOf(slide);
        const { rows, columnsOver, isNarrow } = measureContentSlide({ title: slide.title, body }, area.columns, { rows: area.rows });
        if (rows > area.rows) warn(slidePath, `slide "${slide.title}" does not fit ${sizeName}: ${count(rows - area.rows, 'row')} over`);
        // A timeline down the slide is a form of its own; stacked columns lose the comparison.
        if (isNarrow && body.layout === 'columns')
          warn(
            slidePath,
            `slide "${slide.title}" has its columns stacked at ${sizeName}: each needs ${MIN_COLUMN_WIDTH} columns side by side`,
          );
        if (columnsOver > 0)
          warn(
            slidePath,
            `slide "${slide.title}" has a word ${count(columnsOver, 'column')} too wide for ${sizeName}, broken across lines`,
          );
      }
      if (slide.notes === undefined || slide.notes.trim() === '') warn(slidePath, `slide "${slide.title}" has no speaker notes`);
    });
  });
  return findings.sort((a, b) => a.line - b.line || a.column - b.column);
}

/** `1 row`, `2 rows`. */
function count(number: number, noun: string): string {
  return `${number} ${noun}${number === 1 ? '' : 's'}`;
}

/** Warns when `title` is drawn as plain text in `area`; `crowdedOut` says why when it has no row. */
function checkBigTitle(
  title: string,
  path: readonly PathSegment[],
  area: { columns: number; rows: number },
  warn: (path: readonly PathSegment[], message: string) => void,
  crowdedOut?: string,
): void {
  if (fitBigText(title, area.columns, area.rows) !== undefined) return;
  const room = `${Math.max(0, area.columns)}x${Math.max(0, area.rows)}`;
  const reason = !isDrawable(title) ? 'it has characters the big fonts cannot draw' : (crowdedOut ?? `it does not fit ${room} in any font`);
  warn(path, `title "${title}" is shown as plain text, not big: ${reason}`);
}

/**
 * Formats a finding the way compilers and CI annotations expect: `FILE:LINE:COL: error: MESSAGE`,
 * control characters shown escaped (see formatDiagnostic).
 */
export function formatFinding(finding: Finding): string {
  return formatWithSeverity(finding, finding.severity);
}

/** The summary line after the findings: `2 errors, 1 warning`. */
export function summarize(findings: readonly Finding[]): string {
  const errors = findings.filter((finding) => finding.severity === 'error').length;
  const warnings = findings.length - errors;
  return `${errors} error${errors === 1 ? '' : 's'}, ${warnings} warning${warnings === 1 ? '' : 's'}`;
}
