import { Box, useApp, useStdout, useWindowSize } from 'ink';
import { useEffect, useState } from 'react';
import { parseDuration } from '../deck/duration.js';
import type { Deck } from '../deck/schema.js';
import type { DeckUpdate } from '../deck/watch-deck.js';
import { layoutScreen } from '../layout/screen-layout.js';
import { QUIT_PROMPT_MS, type Action, type Position } from '../navigation/deck-state.js';
import { useLatest } from './use-latest.js';
import { interpretAction } from '../navigation/interpret-key.js';
import { DEFAULT_KEY_MAP, type KeyMap, type View } from '../navigation/key-bindings.js';
import { frameRows } from '../layout/frame-layout.js';
import { BlankFrame } from './BlankFrame.js';
import { isRunning, startTimer, STOPPED_TIMER, toggleTimer, type Timer } from '../presenter/timer.js';
import { titleSlideBudgetMs } from '../presenter/pacing.js';
import { NULL_CHANNEL, type SyncChannel } from '../sync/sync-channel.js';
import { DeckFrame } from './DeckFrame.js';
import { ErrorBanner } from './ErrorBanner.js';
import { ErrorPanel } from './ErrorPanel.js';
import { NoticeBanner } from './NoticeBanner.js';
import { PresenterFrame } from './PresenterFrame.js';
import { formatWallClock } from './use-clock.js';
import { useDeckDocument } from './use-deck-document.js';
import { useDeckKeys } from './use-deck-keys.js';
import { usePositionSync } from './use-position-sync.js';
import { useTalkClock } from './use-talk-clock.js';
import { useStageSync } from './use-stage-sync.js';
import { ThemeContext, THEMES, type Theme } from './theme.js';

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
  /** The theme to draw the deck in (its `theme:` may change on a save); `dark` by default. */
  readonly themeFor?: (deck: Deck) => Theme;
  /** How long views may show different versions before this one says so, in milliseconds; DIVERGED_AFTER_MS by default. */
  readonly divergedAfterMs?: number;
  /** The key bindings (a key file's, or the defaults). */
  readonly keyMap?: KeyMap;
  /**
   * Said in the notice row from the start until the first key press: a key file that could not
   * be used (`keys.yaml:3:9: … (default keys in use)`).
   */
  readonly startNotice?: string;
  /** Where to start when no other view says where the talk is (a talk presented here before). */
  readonly startPosition?: Position;
  /** Called with every position this view shows, after it is drawn (to remember where the talk is). */
  readonly onPosition?: (position: Position) => void;
  /**
   * A rehearsal is being recorded (`present --rehearse`): the timer starts when the app does,
   * since the rehearsal times the title slide too, and the presenter view's status row says so.
   */
  readonly isRehearsal?: boolean;
  /** Called with the talk's timer when the app starts and after every change (start, pause, reset, another view's). */
  readonly onTimer?: (timer: Timer) => void;
}

/**
 * The interactive app: the audience view (or the presenter view) for the current state, sized to
 * the terminal, driven by the keyboard, by the other views of the same session, and by saves of
 * the deck file. It composes the deck document (useDeckDocument), the talk's clock
 * (useTalkClock), the screen's layout (layoutScreen) and the keys' meaning in it
 * (interpretAction), and chooses the frame.
 */
export function App({
  deck,
  version,
  view = 'audience',
  sync = NULL_CHANNEL,
  subscribeToDeck,
  suspend,
  themeFor,
  divergedAfterMs = DIVERGED_AFTER_MS,
  keyMap = DEFAULT_KEY_MAP,
  startNotice,
  startPosition,
  onPosition,
  isRehearsal = false,
  onTimer,
}: AppProps) {
  const { exit } = useApp();
  const { write } = useStdout();
  const { columns, rows } = useWindowSize();
  const {
    shown,
    problem: ownProblem,
    state,
    dispatch,
  } = useDeckDocument({
    deck,
    version,
    sync,
    subscribeToDeck,
    ...(startPosition === undefined ? {} : { startPosition }),
  });
  const [pendingStartNotice, setPendingStartNotice] = useState(startNotice);
  const ownNotice = useVersionNotice(sync, subscribeToDeck === undefined, divergedAfterMs) ?? pendingStartNotice;
  const isPresenter = view === 'presenter';
  const { isPresenterConnected, hasStaleViews } = useStageSync(sync, state.blank, dispatch);
  // The audience must not see an editing mistake: with a presenter view connected, the broken
  // save's banner and list and the "stopped following" row are the presenter's to show.
  const isQuietAudience = !isPresenter && isPresenterConnected;
  const problem = isQuietAudience ? undefined : ownProblem;
  const notice = isQuietAudience ? undefined : (ownNotice ?? (isPresenter && hasStaleViews ? STALE_VIEW_NOTICE : undefined));
  const durationMs = shown.deck.duration === undefined ? undefined : parseDuration(shown.deck.duration);
  const clock = useTalkClock(
    sync,
    state,
    isPresenter,
    durationMs === undefined ? 0 : titleSlideBudgetMs(shown.slides, durationMs),
    isRehearsal,
  );
  const { slides } = shown;
  const { setTimer } = clock;

  const screen = layoutScreen({
    terminal: { columns, rows },
    view,
    state,
    slides,
    ...(problem === undefined ? {} : { problem: { diagnostics: problem.error.diagnostics, text: problem.text } }),
    hasNotice: notice !== undefined,
    keyMap,
  });
  // useDeckKeys reads the latest handler, so a new one each render costs nothing.
  const onAction = (action: Action) => {
    if (pendingStartNotice !== undefined) setPendingStartNotice(undefined);
    for (const outcome of interpretAction(action, { state, screen, hasProblem: problem !== undefined, slides })) {
      if (outcome.kind === 'dispatch') dispatch(outcome.action);
      else if (outcome.kind === 'toggleTimer') setTimer((current) => toggleTimer(current, performance.now()));
      else if (outcome.kind === 'resetTimer') setTimer(STOPPED_TIMER);
      else if (outcome.kind === 'startTimer') setTimer((current) => startTimer(current, performance.now()));
      // Ink writes only what changed; after `fg` the screen is blank. Writing nothing through
      // Ink draws the last frame again in full.
      else suspend?.(() => write(''));
    }
  };
  useDeckKeys(view, onAction, { keyMap, mode: state.overlay === 'search' ? 'text' : 'keys' });
  useEffect(() => {
    if (!state.isQuitPrompted) return undefined;
    const timer = setTimeout(() => dispatch({ type: 'quitPromptExpired' }), QUIT_PROMPT_MS);
    return () => clearTimeout(timer);
  }, [state.isQuitPrompted, dispatch]);
  usePositionSync(sync, state, dispatch, shown.version, isPresenter ? clock.arrivedAtMs : undefined);
  const latestOnPosition = useLatest(onPosition);
  useEffect(() => {
    latestOnPosition.current?.({ slide: state.slide, step: state.step });
  }, [state.slide, state.step, latestOnPosition]);
  const latestOnTimer = useLatest(onTimer);
  useEffect(() => {
    latestOnTimer.current?.(clock.timer);
  }, [clock.timer, latestOnTimer]);
  useEffect(() => {
    if (state.isQuitting) exit(state.exitStatus);
  }, [state.isQuitting, state.exitStatus, exit]);

  const { presenter } = screen;
  const theme = themeFor?.(shown.deck) ?? THEMES.dark;
  // Blanked, the audience sees nothing else: no banner, no notice, no footer.
  if (!isPresenter && state.blank !== 'none') {
    return (
      <ThemeContext value={theme}>
        <BlankFrame blank={state.blank} size={{ columns, rows: frameRows(rows) }} />
      </ThemeContext>
    );
  }
  let frame;
  if (screen.overlay?.kind === 'errors') {
    const { pane, lines, window } = screen.overlay;
    // Drawn in place of a frame, so on a background of its own (DeckFrame and PresenterFrame paint theirs).
    frame = (
      <Box backgroundColor={theme.background}>
        <ErrorPanel diagnostics={problem?.error.diagnostics ?? []} pane={pane} lines={lines} window={window} />
      </Box>
    );
  } else if (presenter !== undefined) {
    frame = (
      <PresenterFrame
        slides={slides}
        state={state}
        elapsedMs={clock.talkMs}
        isTimerRunning={isRunning(clock.timer)}
        isRehearsal={isRehearsal}
        arrivedAtMs={clock.arrivedAtMs}
        wallClock={formatWallClock(clock.wallMs)}
        durationMs={durationMs}
        screen={{ ...screen, presenter }}
      />
    );
  } else {
    frame = <DeckFrame slides={slides} state={state} screen={screen} />;
  }
  if (screen.banner === undefined && screen.notice === undefined) return <ThemeContext value={theme}>{frame}</ThemeContext>;
  return (
    <ThemeContext value={theme}>
      <Box flexDirection="column" width={columns} backgroundColor={theme.background}>
        {notice === undefined ? null : <NoticeBanner text={notice} columns={columns} />}
        {problem === undefined ? null : <ErrorBanner diagnostics={problem.error.diagnostics} columns={columns} />}
        {frame}
      </Box>
    </ThemeContext>
  );
}

/** Shown by a view that does not reload once the others have reloaded a changed file. */
export const STALE_NOTICE = 'Other views show a changed deck; this --no-watch view stopped following';

/** Shown by a presenter view when a connected `--no-watch` view shows another version of the deck. */
export const STALE_VIEW_NOTICE = 'A --no-watch view shows another version of the deck and stopped following';

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
function useVersionNotice(sync: SyncChannel, isNotReloading: boolean, divergedAfterMs: number): string | undefined {
  // Already so when this view starts next to views that reloaded a change since the file was read.
  const [mismatch, setMismatch] = useState<'none' | 'new' | 'lasting'>(() => (sync.isVersionMismatched ? 'new' : 'none'));
  useEffect(() => sync.onVersionMismatch((isNow) => setMismatch(isNow ? 'new' : 'none')), [sync]);
  useEffect(() => {
    if (mismatch !== 'new' || isNotReloading) return undefined;
    const timer = setTimeout(() => setMismatch('lasting'), divergedAfterMs);
    return () => clearTimeout(timer);
  }, [mismatch, isNotReloading, divergedAfterMs]);
  if (mismatch === 'none') return undefined;
  if (isNotReloading) return STALE_NOTICE;
  return mismatch === 'lasting' ? DIVERGED_NOTICE : undefined;
}
