import { createHash } from 'node:crypto';
import type { Deck } from './schema.js';

/**
 * A short, stable id of a deck's content: views sync only with views showing the same deck.
 * It is taken from the parsed deck, not the file's text, so a save that changes only comments,
 * quoting or indentation leaves every view in step, a `--no-watch` one included.
 */
export function deckVersion(deck: Deck): string {
  return createHash('sha256').update(JSON.stringify(deck)).digest('hex').slice(0, 16);
}
