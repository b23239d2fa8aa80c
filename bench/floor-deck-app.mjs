// The benchmark's second floor (issue #7): the Ink "hello" of floor-app.mjs, drawn once
// slides.yaml is loaded and validated by inkdeck's loader (yaml, then the zod schema). Between
// the two floors is what reading a deck costs; between this one and the app, the talk itself.
import { readDeck } from '../src/deck/load-deck.ts';
import { showHello } from './floor-app.mjs';

/** What the binary runs (src/bin.ts imports the bundle and calls main). */
export async function main() {
  const deck = await readDeck('slides.yaml');
  return showHello(`first frame · ${deck.sections.length} sections`);
}
