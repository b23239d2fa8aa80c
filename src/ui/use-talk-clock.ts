import { useEffect, useState, type Dispatch, type SetStateAction } from 'react';
import type { Position } from '../navigation/deck-state.js';
import { elapsedMs, isRunning, startByFirstMove, type Timer } from '../presenter/timer.js';
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
 * in any view (counting `titleCreditMs`, the title slide's planned time, as spent when that move
 * leaves the first slide), and, in the presenter view (`isTicking`), a clock ticking once a second and the
 * talk time at which the current slide was reached, for its time left. `isStartedNow` starts the
 * timer with the first render (a rehearsal, which times the title slide from its first frame).
 */
export function useTalkClock(
  sync: SyncChannel,
  position: Position,
  isTicking: boolean,
  titleCreditMs = 0,
  isStartedNow = false,
): TalkClock {
  const [timer, setTimer] = useSharedTimer(sync, isStartedNow);
  const now = useClock(isTicking ? timer : undefined);

  // The talk starts with its first move, in this view or another.
  const [startPosition] = useState(() => ({ slide: position.slide, step: position.step }));
  const hasMoved = position.slide !== startPosition.slide || position.step !== startPosition.step;
  // Leaving the title slide, the talk has spent the title's planned time on it.
  const creditMs = startPosition.slide === 0 ? titleCreditMs : 0;
  useEffect(() => {
    if (hasMoved) setTimer((current) => startByFirstMove(current, performance.now(), creditMs));
  }, [hasMoved, position.slide, position.step, setTimer, creditMs]);

  // Set while rendering, not in an effect, so the frame that shows a new slide already counts
  // its time from there; only the presenter view shows it, so only it pays for the second pass
  // this update costs a key press.
  const talkMs = elapsedMs(timer, now.monotonic);
  // Reached before the timer started (the first move starts it, with the title's time counted):
  // the talk reached the slide when the timer started, at the time it started from.
  // A move another presenter view made says when it reached the slide (the channel holds it
  // before this view hears of the move); this view's own moves reach it now.
  const atMsOf = (ms: number) => {
    const shared = sync.position;
    if (shared.slide === position.slide && shared.arrivedAtMs !== undefined) return Math.min(shared.arrivedAtMs, ms);
    return isRunning(timer) || ms > 0 ? ms : undefined;
  };
  const [arrival, setArrival] = useState<{ slide: number; atMs: number | undefined }>(() => ({
    slide: position.slide,
    atMs: atMsOf(talkMs),
  }));
  if (isTicking && arrival.slide !== position.slide) setArrival({ slide: position.slide, atMs: atMsOf(talkMs) });
  else if (isTicking && arrival.atMs === undefined && isRunning(timer)) setArrival({ slide: arrival.slide, atMs: timer.accumulatedMs });
  const arrivedAtMs = Math.min(arrival.atMs ?? (isRunning(timer) ? timer.accumulatedMs : talkMs), talkMs);
  return { timer, setTimer, talkMs, arrivedAtMs, wallMs: now.wall };
}
