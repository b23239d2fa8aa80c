import { useApp } from 'ink';
import { useCallback, useEffect, useReducer, useState } from 'react';
import { stepCountOf, type Slide } from '../deck/slides.js';
import { deckReducer, initialDeckState, type Action } from '../navigation/deck-state.js';
import type { View } from '../navigation/key-bindings.js';
import { layoutPresenter, notesScrollMax } from '../presenter/presenter-layout.js';
import { elapsedMs, isRunning, startTimer, STOPPED_TIMER, toggleTimer } from '../presenter/timer.js';
import type { PositionChannel } from '../sync/sync-session.js';
import { DeckFrame } from './DeckFrame.js';
import { frameRows } from './layout.js';
import { PresenterFrame } from './PresenterFrame.js';
import { formatWallClock, useClock } from './use-clock.js';
import { useDeckKeys } from './use-deck-keys.js';
import { usePositionSync } from './use-position-sync.js';
import { useTerminalSize } from './use-terminal-size.js';

export interface AppProps {
  readonly slides: readonly Slide[];
  /** Which view to show; `audience` by default. */
  readonly view?: View;
  /** Other views to keep in sync with; none when `undefined`. */
  readonly sync?: PositionChannel;
  /** Planned length of the talk, in milliseconds, for the presenter view's pacing. */
  readonly durationMs?: number;
}

/**
 * The interactive app: the audience view (or the presenter view) for the current state, sized to
 * the terminal, driven by the keyboard and by the other views of the same session.
 */
export function App({ slides, view = 'audience', sync, durationMs }: AppProps) {
  const { exit } = useApp();
  const { columns, rows } = useTerminalSize();
  const height = frameRows(rows);
  // A view that joins a running talk starts where the other views are, from its first frame.
  const [state, dispatch] = useReducer(deckReducer, slides, (initial) => {
    const start = initialDeckState(initial.map(stepCountOf));
    return sync === undefined ? start : deckReducer(start, { type: 'sync', position: sync.position });
  });
  const [timer, setTimer] = useState(STOPPED_TIMER);
  const isPresenter = view === 'presenter';
  const now = useClock(isPresenter ? timer : undefined);
  const slide = slides[state.slide];

  const onAction = useCallback(
    (action: Action) => {
      if (action.type === 'toggleTimer') setTimer((current) => toggleTimer(current, performance.now()));
      else if (action.type === 'resetTimer') setTimer(STOPPED_TIMER);
      else if (action.type === 'scrollNotes') {
        const notes = slide?.kind === 'content' ? slide.notes : undefined;
        dispatch({ ...action, max: notesScrollMax(notes, columns, layoutPresenter(columns, height).notesRows) });
      } else dispatch(action);
    },
    [slide, columns, height],
  );
  useDeckKeys(view, onAction);
  usePositionSync(sync, state, dispatch);

  // The talk starts with its first move, in this view or another.
  const [startPosition] = useState(() => ({ slide: state.slide, step: state.step }));
  const hasMoved = state.slide !== startPosition.slide || state.step !== startPosition.step;
  useEffect(() => {
    if (hasMoved) setTimer((current) => (isRunning(current) || current.accumulatedMs > 0 ? current : startTimer(current, performance.now())));
  }, [hasMoved, state.slide, state.step]);

  useEffect(() => {
    if (state.isQuitting) exit();
  }, [state.isQuitting, exit]);

  if (isPresenter) {
    return (
      <PresenterFrame
        slides={slides}
        state={state}
        elapsedMs={elapsedMs(timer, now.monotonic)}
        isTimerRunning={isRunning(timer)}
        wallClock={formatWallClock(now.wall)}
        durationMs={durationMs}
        columns={columns}
        rows={height}
      />
    );
  }
  return <DeckFrame slides={slides} state={state} columns={columns} rows={height} />;
}
