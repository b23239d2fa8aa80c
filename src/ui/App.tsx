import { Box, useApp, useStdout, useWindowSize } from 'ink';
import { useCallback, useEffect, useReducer, useRef, useState } from 'react';
import type { DeckError } from '../deck/deck-error.js';
import { parseDuration } from '../deck/duration.js';
import { relocateRemembering, type LostSlide } from '../deck/relocate.js';
import type { Deck } from '../deck/schema.js';
import { buildSlides, stepCountOf, type Slide } from '../deck/slides.js';
import type { DeckUpdate } from '../deck/watch-deck.js';
import { layoutScreen } from '../layout/screen-layout.js';
import { deckReducer, initialDeckState, type Action } from '../navigation/deck-state.js';
import { interpretAction } from '../navigation/interpret-key.js';
import type { View } from '../navigation/key-bindings.js';
import { elapsedMs, isRunning, startTimer, STOPPED_TIMER, toggleTimer } from '../presenter/timer.js';
import { NULL_CHANNEL, type SyncChannel } from '../sync/sync-channel.js';
import { DeckFrame } from './DeckFrame.js';
import { ErrorBanner } from './ErrorBanner.js';
import { ErrorPanel } from './ErrorPanel.js';
import { NoticeBanner } from './NoticeBanner.js';
import { PresenterFrame } from './PresenterFrame.js';
import { formatWallClock, useClock } from './use-clock.js';
import { useDeckKeys } from './use-deck-keys.js';
import { usePositionSync } from './use-position-sync.js';
import { useLatest } from './use-latest.js';
import { useSharedTimer } from './use-shared-timer.js';


export interface AppProps {
  /** The deck as loaded at start. */
  readonly deck: Deck;
  /** Version of the deck (see `deckVersion`). */
  readonly version: string;
  /** Which view to show; `audience` by default. */
  readonly view?: View;
  /**
   * Other views to keep in sync with.
   * @default NULL_CHANNEL (no other views)
   */
  readonly sync?: SyncChannel;
  /** Subscribes to new versions of the deck file (live reload); returns an unsubscribe function. */
  readonly subscribeToDeck?: (listener: (update: DeckUpdate) => void) => () => void;
  /**
   * Ctrl-Z: hands the terminal to the shell; when the app runs again, on an erased screen, calls
   * `redraw` unless a resize draws the frame anyway (see `suspendToShell`). None where the app
   * does not own a terminal, as in tests, and Ctrl-Z then does nothing.
   */
  readonly suspend?: (redraw: () => void) => void;
}

interface Shown {
  readonly deck: Deck;
  readonly slides: readonly Slide[];
  readonly version: string;
}

/** The problems of the last save, shown over the last good deck until a save fixes them. */
interface Problem {
  readonly error: DeckError;
  readonly text: string;
}

/**
 * The interactive app: the audience view (or the presenter view) for the current state, sized to
 * the terminal, driven by the keyboard, by the other views of the same session, and by saves of
 * the deck file.
 */
export function App({ deck, version, view = 'audience', sync = NULL_CHANNEL, subscribeToDeck, suspend }: AppProps) {
  const { exit } = useApp();
  const { write } = useStdout();
  const { columns, rows } = useWindowSize();
  const [shown, setShown] = useState<Shown>(() => ({ deck, slides: buildSlides(deck), version }));
  const [problem, setProblem] = useState<Problem | undefined>(undefined);
  const notice = useVersionNotice(sync, subscribeToDeck === undefined);
  const hasNotice = notice !== undefined;
  const { slides } = shown;
  // A view that joins a running talk starts where the other views are, from its first frame.
  const [state, dispatch] = useReducer(deckReducer, shown.slides, (initial) => {
    const start = initialDeckState(initial.map(stepCountOf));
    return deckReducer(start, { type: 'sync', position: sync.position });
  });
  const [timer, setTimer] = useSharedTimer(sync);
  const isPresenter = view === 'presenter';
  const now = useClock(isPresenter ? timer : undefined);

  const latest = useLatest({ shown, state });
  // A slide the last reloads took away, to go back to if a reload brings it back (relocate.ts),
  // and the session's move clock then: a move in any view since, even one on another version of
  // the deck this view does not follow, means someone moved in between, and the slide is forgotten.
  const lostSlide = useRef<{ readonly slide: LostSlide; readonly movesBefore: number } | undefined>(undefined);
  useEffect(() => {
    if (subscribeToDeck === undefined) return undefined;
    return subscribeToDeck((update) => {
      if (update.kind === 'invalid') {
        setProblem({ error: update.error, text: update.text });
        return;
      }
      const previous = latest.current;
      const next = { deck: update.deck, slides: buildSlides(update.deck), version: update.version };
      const here = { slide: previous.state.slide, step: previous.state.step };
      const moves = sync.latestMoveClock;
      const remembered = lostSlide.current !== undefined && lostSlide.current.movesBefore === moves ? lostSlide.current.slide : undefined;
      const { position, isRestored, lost } = relocateRemembering(previous.shown.slides, next.slides, here, remembered);
      lostSlide.current = lost === undefined ? undefined : { slide: lost, movesBefore: moves };
      // Going back to a lost slide is news to a view started since it was lost.
      sync.setVersion(update.version, position, isRestored === true);
      setProblem(undefined);
      setShown(next);
      dispatch({ type: 'reload', stepCounts: next.slides.map(stepCountOf), position });
    });
  }, [subscribeToDeck, sync, latest]);

  const screen = layoutScreen({
    terminal: { columns, rows },
    view,
    state,
    slides,
    ...(problem === undefined ? {} : { problem: { diagnostics: problem.error.diagnostics, text: problem.text } }),
    hasNotice,
  });
  const height = screen.frame.rows;
  const onAction = useCallback(
    (action: Action) => {
      for (const outcome of interpretAction(action, { state, screen, hasProblem: problem !== undefined })) {
        if (outcome.kind === 'dispatch') dispatch(outcome.action);
        else if (outcome.kind === 'toggleTimer') setTimer((current) => toggleTimer(current, performance.now()));
        else if (outcome.kind === 'resetTimer') setTimer(STOPPED_TIMER);
        // Ink writes only what changed; after `fg` the screen is blank. Writing nothing through
        // Ink draws the last frame again in full.
        else suspend?.(() => write(''));
      }
    },
    [state, screen, problem, setTimer, suspend, write],
  );
  useDeckKeys(view, onAction);
  usePositionSync(sync, state, dispatch, shown.version);

  // The talk starts with its first move, in this view or another.
  const [startPosition] = useState(() => ({ slide: state.slide, step: state.step }));
  const hasMoved = state.slide !== startPosition.slide || state.step !== startPosition.step;
  useEffect(() => {
    if (hasMoved) setTimer((current) => (isRunning(current) || current.accumulatedMs > 0 ? current : startTimer(current, performance.now())));
  }, [hasMoved, state.slide, state.step, setTimer]);

  useEffect(() => {
    if (state.isQuitting) exit(state.exitStatus);
  }, [state.isQuitting, state.exitStatus, exit]);

  // Talk time when this slide was reached, for the presenter's time left on it. Only the
  // presenter view shows it, so only it pays for the second pass this update costs a key press.
  const talkMs = elapsedMs(timer, now.monotonic);
  const [arrival, setArrival] = useState({ slide: state.slide, atMs: talkMs });
  if (isPresenter && arrival.slide !== state.slide) setArrival({ slide: state.slide, atMs: talkMs });

  let frame;
  if (state.overlay === 'errors' && problem !== undefined) {
    frame = <ErrorPanel diagnostics={problem.error.diagnostics} text={problem.text} columns={columns} rows={height} scroll={state.overlayScroll} />;
  } else if (isPresenter) {
    const durationMs = shown.deck.duration === undefined ? undefined : parseDuration(shown.deck.duration);
    frame = (
      <PresenterFrame
        slides={slides}
        state={state}
        elapsedMs={talkMs}
        isTimerRunning={isRunning(timer)}
        arrivedAtMs={Math.min(arrival.atMs, talkMs)}
        wallClock={formatWallClock(now.wall)}
        durationMs={durationMs}
        columns={columns}
        rows={height}
      />
    );
  } else {
    frame = <DeckFrame slides={slides} state={state} columns={columns} rows={height} />;
  }
  if (problem === undefined && !hasNotice) return frame;
  return (
    <Box flexDirection="column" width={columns}>
      {notice === undefined ? null : <NoticeBanner text={notice} columns={columns} />}
      {problem === undefined ? null : <ErrorBanner diagnostics={problem.error.diagnostics} columns={columns} />}
      {frame}
    </Box>
  );
}

/** Shown by a view that does not reload once the others have reloaded a changed file. */
export const STALE_NOTICE = 'Other views show a changed deck; this --no-watch view stopped following';

/** Shown by a view that reloads when the others have shown another version for a while. */
export const DIVERGED_NOTICE = 'Other views show another version of the deck; this view stopped following';

/**
 * How long views that reload may show different versions of the deck before they say so, in
 * milliseconds. Views reload a save within moments of each other (the watcher looks again
 * 115 ms after each change and once a second in any case); views of two different files in one
 * named session, one of them edited, stay apart.
 */
export const DIVERGED_AFTER_MS = 3000;

/**
 * The notice to show when this view has stopped following the others because they are on
 * another version of the deck, or undefined. A view that does not reload is told at once: the
 * others reloaded a change it will not. A view that reloads is told only if the versions still
 * differ after DIVERGED_AFTER_MS, or a notice would flash on every save.
 */
function useVersionNotice(sync: SyncChannel, isNotReloading: boolean): string | undefined {
  // Already so when this view starts next to views that reloaded a change since the file was read.
  const [mismatch, setMismatch] = useState<'none' | 'new' | 'lasting'>(() => (sync.isVersionMismatched ? 'new' : 'none'));
  useEffect(() => sync.onVersionMismatch((isNow) => setMismatch(isNow ? 'new' : 'none')), [sync]);
  useEffect(() => {
    if (mismatch !== 'new' || isNotReloading) return undefined;
    const timer = setTimeout(() => setMismatch('lasting'), DIVERGED_AFTER_MS);
    return () => clearTimeout(timer);
  }, [mismatch, isNotReloading]);
  if (mismatch === 'none') return undefined;
  if (isNotReloading) return STALE_NOTICE;
  return mismatch === 'lasting' ? DIVERGED_NOTICE : undefined;
}
