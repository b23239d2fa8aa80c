import { deckName, readDeck } from '../deck/load-deck.js';
import { buildSlides, stepCountOf } from '../deck/slides.js';
import { drawFrame } from '../render/render-frame.js';
import { UsageError } from './usage-error.js';
import { parseDuration } from '../deck/duration.js';
import { frameTheme, type ThemeChoice } from '../deck/themes.js';

export interface RenderCommandOptions {
  /** 1-based slide number. */
  readonly slide: number;
  /** 1-based step of a reveal slide. */
  readonly step: number;
  /** Terminal size to lay the frame out for, in columns and rows. */
  readonly columns: number;
  readonly rows: number;
  readonly notes: boolean;
  /** Print the frame with its styles (ANSI SGR), as the app draws it. */
  readonly color?: boolean;
  /** The theme, over the deck's `theme:`; `auto` is `dark` here (see frameTheme). */
  readonly theme?: ThemeChoice;
  /** Print the presenter view's frame (timer stopped at 0:00, no wall clock). */
  readonly presenter?: boolean;
}

/**
 * `inkdeck render FILE --slide N`: the frame the app shows for slide N, as plain text, or with
 * its styles (`color`) in its theme (`theme`, else the deck's; `auto` is `dark`: a frame depends
 * on no terminal).
 *
 * @returns The frame followed by a newline.
 * @throws {DeckError} When the deck cannot be loaded.
 * @throws {UsageError} When slide N, or step S of it, does not exist.
 */
export async function renderCommand(file: string, options: RenderCommandOptions): Promise<string> {
  const deck = await readDeck(file);
  const slides = buildSlides(deck);
  const slide = slides[options.slide - 1];
  if (slide === undefined) {
    throw new UsageError(`--slide ${options.slide}: ${deckName(file)} has ${slides.length} slides`);
  }
  if (options.step > stepCountOf(slide)) {
    throw new UsageError(`--step ${options.step}: slide ${options.slide} of ${deckName(file)} has ${stepCountOf(slide)} step(s)`);
  }
  return `${drawFrame(slides, {
    slide: options.slide,
    step: options.step,
    columns: options.columns,
    rows: options.rows,
    showNotes: options.notes,
    color: options.color,
    theme: frameTheme(options.theme ?? deck.theme),
    ...(options.presenter === true
      ? { view: 'presenter' as const, ...(deck.duration === undefined ? {} : { durationMs: parseDuration(deck.duration) }) }
      : {}),
  })}\n`;
}
