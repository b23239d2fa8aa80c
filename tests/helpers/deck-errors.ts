import { expect } from 'vitest';
import { DeckError, formatDiagnostic } from '../../src/deck/deck-error.js';
import { parseDeck } from '../../src/deck/load-deck.js';

/** The messages `parseDeck` throws for `text`, formatted as the CLI prints them; fails the test if it loads. */
export function errorsOf(text: string, file = 'slides.yaml'): string[] {
  try {
    parseDeck(text, file);
  } catch (error) {
    expect(error).toBeInstanceOf(DeckError);
    return (error as DeckError).diagnostics.map(formatDiagnostic);
  }
  throw new Error('expected the deck to be rejected');
}
