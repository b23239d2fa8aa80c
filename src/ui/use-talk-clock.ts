import { useEffect, useState, type Dispatch, type SetStateAction } from 'react';
import type { Position } from '../navigation/deck-state.js';
import { elapsedMs, isRunning, startTimer, type Timer } from '../presenter/timer.js';
import type { SyncChannel } from '../sync/sync-channel.js';
import { useClock } from './use-clock.js';
import { useSharedTimer } from './use-shared-timer.js';

/** The talk's time as a view shows it. */
export interface TalkClock {
  /** The talk's timer, shared by every view of the session. */
  readonly timer: Timer;
  readonly setTimer: Dispatch<SetStateAction<Timer>>;
  /** Time spoken so far, in milliseconds. */
  readonly talkMs: number;
  /** Talk time when the current slide was reached, in milliseconds (presenter view only; else 0). */
  readonly arrivedAtMs: number;
  /** The wall clock, in milliseconds since the epoch, ticking once a second in the presenter view. */
  readonly wallMs: number;
}

/**
 * The talk's clock for a view at `position`: the shared timer, which starts with the first move
 * in any view, and, in the presenter view (`isTicking`), a clock ticking once a second and the
 * talk time at which the current slide was reached, for its time left.
 */
export function useTalkClock(sync: SyncChannel, position: Position, isTicking: boolean): TalkClock {
  const [timer, setTimer] = useSharedTimer(sync);
  const now = useClock(isTicking ? timer : undefined);

  // The talk starts with its first move, in this view or another.
  const [startPosition] = useState(() => ({ slide: position.slide, step: position.step }));
  const hasMoved = position.slide !== startPosition.slide || position.step !== startPosition.step;
  useEffect(() => {
    if (hasMoved)
      setTimer((current) => (isRunning(current) || current.accumulatedMs > 0 ? current : startTimer(current, performance.now())));
  }, [hasMoved, position.slide, position.step, setTimer]);

  // Set while rendering, not in an effect, so the frame that shows a new slide already counts
  // its time from there; only the presenter view shows it, so only it pays for the second pass
  // this update costs a key press.
  const talkMs = elapsedMs(timer, now.monotonic);
  const [arrival, setArrival] = useState({ slide: position.slide, atMs: talkMs });
  if (isTicking && arrival.slide !== position.slide) setArrival({ slide: position.slide, atMs: talkMs });
  return { timer, setTimer, talkMs, arrivedAtMs: Math.min(arrival.atMs, talkMs), wallMs: now.wall };
}
