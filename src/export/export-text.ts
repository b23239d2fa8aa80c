import { frames, type FrameOptions } from '../index.js';
import type { Deck } from '../deck/schema.js';

/** The header line before each frame of a text export: `--- slide 3/17 step 2/4 ---`. */
export function frameHeader(frame: { slide: number; slideCount: number; step: number; stepCount: number }): string {
  return `--- slide ${frame.slide}/${frame.slideCount} step ${frame.step}/${frame.stepCount} ---`;
}

/**
 * Every frame of the deck as plain text, each after its {@link frameHeader}, each exactly as
 * `inkdeck render` prints it.
 */
export function exportText(deck: Deck, options: FrameOptions): string {
  let output = '';
  for (const frame of frames(deck, { ...options, color: false })) output += `${frameHeader(frame)}\n${frame.frame}\n`;
  return output;
}
