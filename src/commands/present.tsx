import { accessSync, constants, existsSync, mkdtempSync, realpathSync, rmdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { render } from 'ink';
import { onExit } from 'signal-exit';
import { parseDeck, readDeckText, STDIN_FILE } from '../deck/load-deck.js';
import { deckVersion } from '../deck/deck-version.js';
import type { DeckUpdate } from '../deck/watch-deck.js';
import { sessionDirectory } from '../sync/session-directory.js';
import { NULL_CHANNEL, type SyncChannel } from '../sync/sync-channel.js';
import { SyncSession } from '../sync/sync-session.js';
import { enterFullScreen, suspendToShell } from '../terminal/screen.js';
import { App } from '../ui/App.js';
import { resolveTheme } from '../ui/theme.js';
import type { ThemeChoice } from '../deck/themes.js';
import type { View } from '../navigation/key-bindings.js';
import type { Deck } from '../deck/schema.js';
import { queryBackgroundLuminance } from '../terminal/background.js';
import chalk from 'chalk';
import { CommandError, UsageError } from './usage-error.js';
import { loadKeys } from '../keys/key-file.js';
import { buildSlides, type Slide } from '../deck/slides.js';
import type { Position } from '../navigation/deck-state.js';
import { readLastPosition, saveLastPosition } from '../state/last-position.js';
import { formatDiagnostic } from '../deck/deck-error.js';
import { RehearsalRecorder } from '../rehearsal/rehearsal-recorder.js';
import { readTimingsFile, timingsFileOf, type RehearsalRun } from '../rehearsal/timings-file.js';
import type { Timer } from '../presenter/timer.js';
import { describeFsError } from '../text/describe-fs-error.js';

/** How long after the last move the talk's position is written down, in milliseconds. */
const POSITION_SAVE_DELAY_MS = 1000;

export interface PresentOptions {
  /** Show the presenter view (notes, timer, next slide) instead of the audience view. */
  readonly presenter: boolean;
  /** Keep in sync with other views of the same session. */
  readonly sync: boolean;
  /** Session name; views of the same deck file share one by default. */
  readonly session?: string;
  /** Reload the deck when its file is saved. */
  readonly watch: boolean;
  /** The theme asked for on the command line, over the deck's `theme:`. */
  readonly theme?: ThemeChoice;
  /** The key file (`--keys`); the user's key file, if any, when not given. */
  readonly keys?: string;
  /** Start at the first slide even when this deck was presented here before (`--from-start`). */
  readonly fromStart?: boolean;
  /** Record a rehearsal: the time on each slide and step, into the deck's timings file (`--rehearse`). */
  readonly rehearse?: boolean;
}

/** How often a rehearsal writes its run so far, in milliseconds: what a SIGKILL can lose at most. */
const REHEARSAL_SAVE_MS = 2000;

/**
 * `inkdeck present FILE`: shows the deck full-screen until the user quits, in sync with every
 * other view of the same session, reloading it on every save unless `watch` is off.
 *
 * With `rehearse`, records the time spent on each slide and step into the deck's timings file
 * (RehearsalRecorder), written every {@link REHEARSAL_SAVE_MS}, before Ctrl-Z suspends and on
 * every way out, and says where on stderr once the terminal is restored.
 *
 * @returns The exit status the user quit with: 0 (`q`, Esc) or 130 (Ctrl-C); 1 when a rehearsal
 *   could not be written.
 *
 * @throws {DeckError} When the deck, or with `rehearse` its timings file, cannot be loaded
 *   (checked first); nothing has been drawn then.
 * @throws {CommandError} With `rehearse`, when the timings file cannot be written.
 * @throws {UsageError} When stdin or stdout is not a terminal, or the terminal is dumb; with
 *   `rehearse`, when the deck is no regular file (a pipe has no place beside it for timings).
 */
export async function present(file: string, options: PresentOptions): Promise<number> {
  // The deck first: a missing or broken file is the problem to report, even without a terminal,
  // and the render command suggested below must work on the file.
  // The talk reads its keys from standard input, so it cannot read the deck from it too.
  if (file === STDIN_FILE)
    throw new UsageError(
      'present reads the keyboard from standard input, so it cannot read the deck from it; save the deck to a file and present that',
    );
  const text = await readDeckText(file);
  const deck = parseDeck(text, file);
  // A pipe (`<(generate-deck)`) or a device is read once: reading it again on a change would
  // find it empty, or never done. Only a regular file is watched, or has timings beside it.
  const isFile = statSync(file).isFile();
  if (options.rehearse === true && !isFile)
    throw new UsageError(
      `--rehearse writes its timings beside the deck, and ${file} is no regular file; save the deck to a file and rehearse that`,
    );
  const timingsFile = options.rehearse === true ? timingsFileOf(file) : undefined;
  // A broken timings file is said before the talk starts, and never written over; so is a
  // folder the timings cannot be written to, before a rehearsal is spent for nothing.
  const timingsBefore = timingsFile === undefined ? undefined : readTimingsFile(timingsFile);
  if (timingsFile !== undefined) {
    try {
      rmdirSync(mkdtempSync(path.join(path.dirname(timingsFile), '.inkdeck-')));
      if (existsSync(timingsFile)) accessSync(timingsFile, constants.W_OK);
    } catch (error) {
      throw new CommandError(`--rehearse cannot write ${timingsFile}: ${describeFsError(error)}`);
    }
  }
  if (!process.stdin.isTTY || !process.stdout.isTTY) {
    throw new UsageError(
      'present needs an interactive terminal (stdin and stdout must be a TTY); ' +
        `to print a slide as text, use: inkdeck render ${file} --slide 1`,
    );
  }
  // A dumb terminal cannot move the cursor, which redrawing a frame in place needs (terminfo).
  if (process.env.TERM === 'dumb') {
    throw new UsageError(
      `present needs a terminal that can move the cursor, and TERM is dumb; to print a slide as text, use: inkdeck render ${file} --slide 1`,
    );
  }
  if (options.keys === STDIN_FILE) throw new UsageError('present reads the keyboard from standard input, so it cannot read --keys from it');
  // A key file with problems never stops a talk: they are said, and the default keys used.
  const keys = loadKeys(options.keys);
  const keyProblem = keys.problems?.[0];
  if (keys.problems !== undefined) {
    for (const problem of keys.problems) process.stderr.write(`${formatDiagnostic(problem)}\n`);
    process.stderr.write('inkdeck: the default keys are in use\n');
  }
  const version = deckVersion(deck);
  const watches = options.watch && isFile;
  const view = options.presenter ? 'presenter' : 'audience';
  const sync = options.sync ? await joinSession(realpathSync(file), version, options.session, watches, view) : NULL_CHANNEL;
  // Alone on a deck presented before, the talk opens where it was (another view, if any, says
  // where the talk is); a pipe has no lasting name to remember it by.
  const deckPath = isFile ? realpathSync(file) : undefined;
  // The slides are laid out from the deck only when a position is read or written (the app lays
  // out its own): a start with no position kept, and every save, cost no second layout.
  let shownDeck = deck;
  let laidOut: { readonly deck: Deck; readonly slides: readonly Slide[] } | undefined;
  const slidesNow = () => {
    if (laidOut?.deck !== shownDeck) laidOut = { deck: shownDeck, slides: buildSlides(shownDeck) };
    return laidOut.slides;
  };
  const startPosition =
    deckPath === undefined || options.fromStart === true || sync.peerCount > 0 ? undefined : readLastPosition(deckPath, slidesNow);
  let lastPosition = startPosition ?? { slide: 0, step: 0 };
  let saveTimer: NodeJS.Timeout | undefined;
  const remember = () => {
    if (deckPath !== undefined) saveLastPosition(deckPath, slidesNow(), lastPosition);
  };
  const recorder =
    timingsFile === undefined
      ? undefined
      : new RehearsalRecorder({ file: timingsFile, deck: path.basename(file), before: timingsBefore, slides: slidesNow });
  let rehearsalProblem: string | undefined;
  let savedRun: RehearsalRun | undefined;
  const saveRehearsal = () => {
    try {
      savedRun = recorder?.save() ?? savedRun;
    } catch (error) {
      rehearsalProblem ??= `cannot write ${timingsFile}: ${describeFsError(error)}`;
    }
  };
  const rehearsalTimer = recorder === undefined ? undefined : setInterval(saveRehearsal, REHEARSAL_SAVE_MS);
  rehearsalTimer?.unref();
  const onPosition = (position: Position) => {
    recorder?.move(position);
    lastPosition = position;
    // Written a moment after the last move, so a crash keeps it, without a write per key press.
    clearTimeout(saveTimer);
    saveTimer = setTimeout(remember, POSITION_SAVE_DELAY_MS);
    saveTimer.unref();
  };
  const subscribeToDeck = watches
    ? (listener: (update: DeckUpdate) => void) => {
        // The watcher (chokidar) loads after the first frame, not before it. A save in between is
        // not lost: the watcher compares the file with the text read at start when it begins.
        let stop: (() => Promise<void>) | undefined;
        let isStopped = false;
        void import('../deck/watch-deck.js').then(({ watchDeck }) => {
          if (isStopped) return;
          stop = watchDeck(
            file,
            (update) => {
              if (update.kind !== 'invalid') shownDeck = update.deck;
              listener(update);
            },
            { initialText: text },
          );
        });
        return () => {
          isStopped = true;
          void stop?.();
        };
      }
    : undefined;
  // A view ended by a signal never reaches `finally`; its socket would be left for the next
  // view to find refusing connections and delete, so remove it on the way out too. The talk's
  // place is written down then too.
  const removeSyncCleanup = onExit(() => {
    sync.close();
    remember();
    saveRehearsal();
  });
  // The terminal's background, asked before the app takes the keyboard, only where `auto` needs it.
  const wantsAuto = (options.theme ?? deck.theme) === 'auto';
  const luminance = wantsAuto ? await queryBackgroundLuminance(process.stdin, process.stdout) : undefined;
  // NO_COLOR, when present and not empty (no-color.org), or a terminal without colour: mono.
  const isColorOff = (process.env.NO_COLOR ?? '') !== '' || chalk.level === 0;
  const themeFor = (shown: Deck) =>
    resolveTheme(options.theme ?? shown.theme, { isExplicit: options.theme !== undefined, isColorOff, backgroundLuminance: luminance });
  const startNotice =
    keyProblem !== undefined
      ? `${formatDiagnostic({ ...keyProblem, file: path.basename(keyProblem.file) })} (default keys in use)`
      : timingsFile === undefined
        ? undefined
        : `Rehearsing: the time on each slide goes to ${path.basename(timingsFile)}`;
  const restoreScreen = enterFullScreen(process.stdout);
  let quitWith: number;
  try {
    const instance = render(
      <App
        deck={deck}
        version={version}
        view={view}
        sync={sync}
        subscribeToDeck={subscribeToDeck}
        suspend={(redraw) => {
          // A suspended job may never be resumed (the terminal closed, kill -9): where the talk is,
          // and the rehearsal so far, are written first.
          clearTimeout(saveTimer);
          remember();
          saveRehearsal();
          void suspendToShell(process.stdout, redraw);
        }}
        themeFor={themeFor}
        keyMap={keys.keyMap}
        onPosition={onPosition}
        isRehearsal={recorder !== undefined}
        {...(recorder === undefined ? {} : { onTimer: (timer: Timer) => recorder.timerChanged(timer) })}
        {...(startPosition === undefined ? {} : { startPosition })}
        {...(startNotice === undefined ? {} : { startNotice })}
      />,
      // Frames here are driven by events (a key, a move in another view, a save, one timer tick
      // a second), never by animation, so Ink's default 30 fps throttle only delays the frame
      // after a key by up to 33 ms.
      { exitOnCtrlC: false, maxFps: 1000 },
    );
    const status: unknown = await instance.waitUntilExit();
    quitWith = typeof status === 'number' ? status : 0;
  } finally {
    clearTimeout(saveTimer);
    clearInterval(rehearsalTimer);
    remember();
    saveRehearsal();
    removeSyncCleanup();
    sync.close();
    restoreScreen();
    if (rehearsalProblem !== undefined) process.stderr.write(`inkdeck: ${rehearsalProblem}\n`);
    else if (savedRun !== undefined && timingsFile !== undefined)
      process.stderr.write(`inkdeck: rehearsal saved in ${timingsFile}; see where the time went: inkdeck timings ${file}\n`);
  }
  // A rehearsal that could not be written is a failure, however the talk ended.
  return quitWith === 0 && rehearsalProblem !== undefined ? 1 : quitWith;
}

/** Joins the sync session; on failure says why on one line and presents without sync ({@link NULL_CHANNEL}). */
async function joinSession(
  deckPath: string,
  version: string,
  session: string | undefined,
  reloads: boolean,
  view: View,
): Promise<SyncChannel> {
  try {
    // A named session joins views by name, whatever file each shows, as long as the deck is
    // the same (the version); without a name, views of the same file find each other.
    const name = session === undefined ? deckPath : `session:${session}`;
    return await SyncSession.join({
      directory: sessionDirectory(name),
      deck: name,
      version,
      position: { slide: 0, step: 0 },
      reloads,
      view,
    });
  } catch (error) {
    process.stderr.write(`inkdeck: presenting without sync: ${error instanceof Error ? error.message : String(error)}\n`);
    return NULL_CHANNEL;
  }
}
