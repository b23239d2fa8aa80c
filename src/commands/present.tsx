import { render } from 'ink';
import { loadDeck } from '../deck/load-deck.js';
import { buildSlides } from '../deck/slides.js';
import { enterFullScreen } from '../terminal/screen.js';
import { App } from '../ui/App.js';
import { UsageError } from './usage-error.js';

/**
 * `inkdeck present FILE`: shows the deck full-screen until the user quits.
 *
 * @throws {UsageError} When stdin or stdout is not a terminal.
 * @throws {DeckError} When the deck cannot be loaded; nothing has been drawn then.
 */
export async function present(file: string): Promise<void> {
  if (!process.stdin.isTTY || !process.stdout.isTTY) {
    throw new UsageError(
      'present needs an interactive terminal (stdin and stdout must be a TTY); ' +
        `to print a slide as text, use: inkdeck render ${file} --slide 1`,
    );
  }
  const slides = buildSlides(await loadDeck(file));
  const restoreScreen = enterFullScreen(process.stdout);
  try {
    const instance = render(<App slides={slides} />, { exitOnCtrlC: false });
    await instance.waitUntilExit();
  } finally {
    restoreScreen();
  }
}
