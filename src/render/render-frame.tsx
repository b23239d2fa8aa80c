import chalk from 'chalk';
import { renderToString } from 'ink';
import stripAnsi from 'strip-ansi';
import { stepCountOf, type Slide } from '../deck/slides.js';
import { initialDeckState } from '../navigation/deck-state.js';
import { DeckFrame } from '../ui/DeckFrame.js';
import { PresenterFrame } from '../ui/PresenterFrame.js';
import type { View } from '../navigation/key-bindings.js';
import { layoutScreen } from '../layout/screen-layout.js';
import { ThemeContext, THEMES, type ThemeName } from '../ui/theme.js';

/** What to render: which slide, at which terminal size, with or without the notes pane. */
export interface FrameOptions {
  /** Slide number, 1-based as in the footer. */
  readonly slide: number;
  /** Step of a reveal slide, 1-based; defaults to the first step. */
  readonly step?: number;
  /** Terminal size, in columns and rows. The frame is one row shorter (layoutScreen). */
  readonly columns: number;
  readonly rows: number;
  readonly showNotes?: boolean;
  /** Keep colours and styles (ANSI SGR, 24-bit colour), whatever the environment says. */
  readonly color?: boolean;
  /** The theme to draw in (`dark` by default); only colour frames show it. */
  readonly theme?: ThemeName;
  /** The view to draw: the audience view (default), or the presenter view with its notes, next slide and status row. */
  readonly view?: View;
  /**
   * For the presenter view: talk time so far, in milliseconds (the timer shows stopped at 0 by
   * default, running otherwise, with the slide just reached), and the talk's planned length
   * (the deck's `duration:`), which the status row's pacing needs. No wall clock is shown: a
   * frame depends on no clock.
   */
  readonly elapsedMs?: number;
  readonly durationMs?: number;
}

/**
 * Chalk's colour level for colour frames: 24-bit colour, in which the themes' colours are
 * written exactly (a terminal of 256 colours shows the nearest).
 */
const COLOR_LEVEL = 3;

/**
 * Renders the frame the app shows for one slide (in the audience view, or the presenter view), as plain text: the same components, laid out
 * for the given size rather than the host terminal's, with colour and styles removed, so the
 * result is byte-identical whatever the environment (COLUMNS, FORCE_COLOR, CI, TZ). Without
 * `color`, styles are removed and trailing spaces trimmed from each line.
 *
 * @throws {RangeError} If `slide` or `step` does not exist in the deck, or the size is not positive.
 */
export function drawFrame(slides: readonly Slide[], options: FrameOptions): string {
  const { slide, columns, rows } = options;
  if (!Number.isInteger(slide) || slide < 1 || slide > slides.length) {
    throw new RangeError(`slide ${slide} does not exist: the deck has slides 1 to ${slides.length}`);
  }
  if (!Number.isInteger(columns) || columns < 1 || !Number.isInteger(rows) || rows < 1) {
    throw new RangeError(`the size must be whole columns and rows of at least 1, got ${columns}x${rows}`);
  }
  const stepCounts = slides.map(stepCountOf);
  const stepCount = stepCounts[slide - 1] ?? 1;
  const step = options.step ?? 1;
  if (!Number.isInteger(step) || step < 1 || step > stepCount) {
    throw new RangeError(`step ${step} does not exist: slide ${slide} has steps 1 to ${stepCount}`);
  }
  const state = { ...initialDeckState(stepCounts, { showNotes: options.showNotes }), slide: slide - 1, step: step - 1 };
  // Chalk, which Ink styles text with, picks its colour level from the environment (FORCE_COLOR,
  // NO_COLOR, the terminal); pin it for this synchronous render so frames do not depend on it.
  const level = chalk.level;
  chalk.level = options.color === true ? COLOR_LEVEL : 0;
  try {
    const view = options.view ?? 'audience';
    const screen = layoutScreen({ terminal: { columns, rows }, view, state, slides, hasNotice: false });
    const elapsed = options.elapsedMs ?? 0;
    const frame =
      screen.presenter === undefined ? (
        <DeckFrame slides={slides} state={state} screen={screen} />
      ) : (
        <PresenterFrame
          slides={slides}
          state={state}
          elapsedMs={elapsed}
          isTimerRunning={elapsed > 0}
          arrivedAtMs={elapsed}
          wallClock=""
          durationMs={options.durationMs}
          screen={{ ...screen, presenter: screen.presenter }}
        />
      );
    const output = renderToString(<ThemeContext value={THEMES[options.theme ?? 'dark']}>{frame}</ThemeContext>, { columns });
    return options.color === true ? output : normalizeFrame(output);
  } finally {
    chalk.level = level;
  }
}

/** Strips styles and trailing spaces, the form in which frames are compared and printed. */
export function normalizeFrame(frame: string): string {
  return stripAnsi(frame)
    .split('\n')
    .map((line) => line.trimEnd())
    .join('\n');
}
