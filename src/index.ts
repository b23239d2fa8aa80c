/**
 * inkdeck's public API: load a deck and get the exact text frames the app shows, to snapshot-test
 * a deck or export it.
 *
 * ```ts
 * import { loadDeck, frames } from 'inkdeck';
 * for (const { slide, step, frame } of frames(loadDeck('slides.yaml'))) console.log(slide, step, frame);
 * ```
 */
import { deckName, parseDeck, readDeckTextSync } from './deck/load-deck.js';
import type { Deck } from './deck/schema.js';
import { buildSlides, stepCountOf, type Slide } from './deck/slides.js';
import { sanitizeDeck } from './deck/schema-shape.js';
import { drawFrame } from './render/render-frame.js';
import { parseDuration } from './deck/duration.js';
import { frameTheme, type ThemeName } from './deck/themes.js';

export { DeckError, formatDiagnostic, type Diagnostic } from './deck/deck-error.js';
export type { Bullet, Column, ContentSlideData, Deck, Section, TimelineEvent } from './deck/schema.js';
export { THEME_NAMES, type ThemeName } from './deck/themes.js';

/** Where and how to render a frame. */
export interface FrameOptions {
  /** Terminal size, in columns and rows; 80x24 by default. The frame is one row shorter. */
  readonly columns?: number;
  readonly rows?: number;
  /** Show the speaker-notes pane, as `n` does. */
  readonly notes?: boolean;
  /** Keep colours and styles as ANSI SGR sequences (24-bit colour); plain text by default. */
  readonly color?: boolean;
  /**
   * The theme of colour frames: `dark`, `light`, `projector` or `mono`; the deck's `theme:` by
   * default (`auto`, which asks a terminal, is `dark` here), else `dark`.
   */
  readonly theme?: ThemeName;
  /**
   * Draw the presenter view (notes, next slide, status row) instead of the audience view. Its
   * timer shows `elapsedMs` of talk time (stopped at 0:00 by default), pacing against the deck's
   * `duration:`, and no wall clock, so the frame depends on no clock.
   */
  readonly presenter?: boolean;
  /** Talk time for the presenter view's timer and pacing, in milliseconds; 0 by default. */
  readonly elapsedMs?: number;
}

/** One frame of a deck: its position (1-based, as in the footer) and its text. */
export interface Frame {
  readonly slide: number;
  readonly slideCount: number;
  readonly step: number;
  readonly stepCount: number;
  readonly frame: string;
}

/**
 * Loads and validates a deck, from a file or from text.
 *
 * @param source - A path, or `{ text, path }` where `path` names the text in messages.
 * @throws {DeckError} With every problem found, each as `FILE:LINE:COL: path: message`.
 */
export function loadDeck(source: string | { readonly text: string; readonly path: string }): Deck {
  return typeof source === 'string' ? parseDeck(readDeckTextSync(source), deckName(source)) : parseDeck(source.text, source.path);
}

const slidesOfDeck = new WeakMap<Deck, Slide[]>();
function slidesOf(deck: Deck): Slide[] {
  let slides = slidesOfDeck.get(deck);
  if (slides === undefined) {
    // A deck built in code has not been through the loader's schema, which sanitizes text.
    slides = buildSlides(sanitizeDeck(deck));
    slidesOfDeck.set(deck, slides);
  }
  return slides;
}

/**
 * Renders exactly the frame the app shows, with the same components, at a fixed size: the same
 * deck and options give the same bytes whatever the environment (COLUMNS, FORCE_COLOR, NO_COLOR,
 * CI, TZ, LANG, the real terminal).
 *
 * @param position - `slide` and `step`, 1-based; `step` defaults to 1.
 * @throws {RangeError} If the slide or step does not exist, or the size is not positive.
 */
export function renderFrame(deck: Deck, position: { readonly slide: number; readonly step?: number } & FrameOptions): string {
  return drawFrame(slidesOf(deck), {
    slide: position.slide,
    step: position.step,
    columns: position.columns ?? 80,
    rows: position.rows ?? 24,
    showNotes: position.notes,
    color: position.color,
    theme: position.theme ?? frameTheme(deck.theme),
    ...(position.presenter === true
      ? {
          view: 'presenter' as const,
          ...(position.elapsedMs === undefined ? {} : { elapsedMs: position.elapsedMs }),
          ...(deck.duration === undefined ? {} : { durationMs: parseDuration(deck.duration) }),
        }
      : {}),
  });
}

/** Every frame of a deck in order: each slide, and each step of a reveal slide. */
export function* frames(deck: Deck, options: FrameOptions = {}): Generator<Frame> {
  const slides = slidesOf(deck);
  for (const [index, slide] of slides.entries()) {
    const stepCount = stepCountOf(slide);
    for (let step = 1; step <= stepCount; step += 1) {
      yield {
        slide: index + 1,
        slideCount: slides.length,
        step,
        stepCount,
        frame: renderFrame(deck, { slide: index + 1, step, ...options }),
      };
    }
  }
}
