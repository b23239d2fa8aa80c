import type { Deck } from '../deck/schema.js';
import { frames, type FrameOptions } from '../index.js';

import { DEFAULT_FRAME_SECONDS } from './frame-seconds.js';

/** Clear the screen and home the cursor (ECMA-48 ED 2, CUP), before each frame of a recording. */
const CLEAR = '\u001B[H\u001B[2J';

/**
 * An asciicast v2 recording of the whole deck (the format `asciinema play` plays): a header
 * line, then one output event per frame, `frameSeconds` apart, each clearing the screen and
 * drawing the frame in colour. Deterministic: no timestamp, no environment in the header.
 *
 * @see https://docs.asciinema.org/manual/asciicast/v2/
 */
export function exportCast(deck: Deck, options: FrameOptions & { readonly frameSeconds?: number }): string {
  const columns = options.columns ?? 80;
  const rows = options.rows ?? 24;
  const frameSeconds = options.frameSeconds ?? DEFAULT_FRAME_SECONDS;
  // In milliseconds' steps, so that 3 x 0.1 s is written 0.3, not 0.30000000000000004.
  const timeOf = (index: number) => Math.round(index * frameSeconds * 1000) / 1000;
  const header = { version: 2, width: columns, height: rows, title: deck.title, env: { TERM: 'xterm-256color' } };
  const lines = [JSON.stringify(header)];
  let index = 0;
  for (const frame of frames(deck, { ...options, columns, rows, color: true })) {
    // Terminals in raw mode need CR LF to start each row at column 1.
    lines.push(JSON.stringify([timeOf(index), 'o', CLEAR + frame.frame.split('\n').join('\r\n')]));
    index += 1;
  }
  // A last event, so players keep the last frame on screen for its time too.
  lines.push(JSON.stringify([timeOf(index), 'o', '']));
  return `${lines.join('\n')}\n`;
}
