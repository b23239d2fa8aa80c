import { statSync } from 'node:fs';
import { watch } from 'chokidar';
import { DeckError } from './deck-error.js';
import { parseDeck, readDeckText } from './load-deck.js';
import type { Deck } from './schema.js';
import { deckVersion } from './deck-version.js';

export { deckVersion };

/** What a save produced: a deck to show, or errors to show over the last good deck. */
export type DeckUpdate =
  | { readonly kind: 'loaded'; readonly deck: Deck; readonly version: string }
  | { readonly kind: 'invalid'; readonly error: DeckError; readonly text: string };

export interface WatchOptions {
  /** Text already shown, so that saving it unchanged does nothing. */
  readonly initialText?: string;
  /** Quiet time after the last file event before reading, in milliseconds. */
  readonly debounceMs?: number;
  /** How long an invalid text must stay unchanged before it is reported, in milliseconds. */
  readonly settleMs?: number;
  /** How often the file's size and time are also checked, in case an event was lost, in milliseconds. */
  readonly checkEveryMs?: number;
}

/** Waits this long after the last file event: editors' multi-step saves finish within it. */
export const DEFAULT_DEBOUNCE_MS = 40;
/** An invalid file is read again after this long, in case it was a save caught half-way. */
export const DEFAULT_SETTLE_MS = 120;
/** A lost file event delays a reload by at most this long (one stat of the file each time). */
export const DEFAULT_CHECK_EVERY_MS = 1000;
/**
 * chokidar drops a change event that comes less than 50 ms after the one before for the same
 * path, with no event after the window (the throttle in its `_emit`, chokidar 4; reported as
 * paulmillr/chokidar#1455, open). An editor that saves twice in quick succession (format on
 * save) would leave the first save on screen until the next periodic check; a stat this long
 * after every event catches the second.
 */
const AFTER_THROTTLE_MS = 75;

/**
 * Watches a deck file (with chokidar, which follows the file through the ways editors save:
 * writing in place, writing a temporary file and renaming it over, truncating then writing,
 * deleting then creating) and reports each new version once it has settled.
 *
 * Events are debounced, the file is looked at again shortly after each event (chokidar drops
 * events that follow one another closely) and also every `checkEveryMs` in case an event was
 * lost; a file that is missing, empty or invalid is read again after
 * `settleMs` and reported only if it is still the same, so a save caught half-written that does
 * not parse is never reported as an error. Saving the same text again reports nothing.
 *
 * @param onUpdate - Called with each settled version; never with the same text twice in a row.
 * @returns A function that stops watching.
 */
export function watchDeck(file: string, onUpdate: (update: DeckUpdate) => void, options: WatchOptions = {}): () => Promise<void> {
  const debounceMs = options.debounceMs ?? DEFAULT_DEBOUNCE_MS;
  const settleMs = options.settleMs ?? DEFAULT_SETTLE_MS;
  let lastText = options.initialText;
  let timer: NodeJS.Timeout | undefined;
  let isClosed = false;
  /** Text read at the last attempt that failed, to tell a settled error from a passing state. */
  let unsettled: string | undefined;

  const read = async (): Promise<{ text: string } | { error: DeckError }> => {
    try {
      return { text: await readDeckText(file) };
    } catch (error) {
      if (error instanceof DeckError) return { error };
      throw error;
    }
  };

  /** Size, time and inode of the file when it was last read, to notice a change no event told of. */
  let lastSeen = stamp();

  function stamp(): string {
    try {
      const stats = statSync(file);
      return `${stats.ino}:${stats.size}:${stats.mtimeMs}`;
    } catch {
      return 'missing';
    }
  }

  const attempt = async () => {
    timer = undefined;
    lastSeen = stamp();
    const result = await read();
    if (isClosed) return;
    const text = 'text' in result ? result.text : `\u0000unreadable:${result.error.message}`;
    if (text === lastText) {
      unsettled = undefined;
      return;
    }
    let update: DeckUpdate;
    if ('text' in result) {
      try {
        const deck = parseDeck(result.text, file);
        update = { kind: 'loaded', deck, version: deckVersion(deck) };
      } catch (error) {
        if (!(error instanceof DeckError)) throw error;
        update = { kind: 'invalid', error, text: result.text };
      }
    } else {
      update = { kind: 'invalid', error: result.error, text: '' };
    }
    if (update.kind === 'invalid' && unsettled !== text) {
      unsettled = text;
      schedule(settleMs);
      return;
    }
    unsettled = undefined;
    lastText = text;
    onUpdate(update);
  };

  const schedule = (delay: number) => {
    if (isClosed) return;
    clearTimeout(timer);
    timer = setTimeout(() => void attempt(), delay);
  };

  const checkStamp = () => {
    if (!isClosed && timer === undefined && stamp() !== lastSeen) schedule(debounceMs);
  };
  // One look after the last event of a burst is enough: a dropped change came less than 50 ms
  // after some event, so before the last one plus the window.
  let followUp: NodeJS.Timeout | undefined;
  const watcher = watch(file, { ignoreInitial: true, atomic: true });
  watcher.on('all', () => {
    unsettled = undefined;
    schedule(debounceMs);
    clearTimeout(followUp);
    followUp = setTimeout(checkStamp, AFTER_THROTTLE_MS + debounceMs);
  });
  watcher.on('error', () => undefined);
  // A save between reading the deck and the watcher being ready raised no event: look once.
  watcher.on('ready', () => schedule(0));
  // File events can be lost (a busy machine, network file systems); a cheap stat now and then
  // catches a save that none reported.
  const check = setInterval(checkStamp, options.checkEveryMs ?? DEFAULT_CHECK_EVERY_MS);
  check.unref();

  return async () => {
    isClosed = true;
    clearTimeout(timer);
    clearInterval(check);
    clearTimeout(followUp);
    await watcher.close();
  };
}
