import { useEffect, useRef, useState, type Dispatch, type SetStateAction } from 'react';
import { fromSharedTimer, startTimer, toSharedTimer, type Timer } from '../presenter/timer.js';
import type { SyncChannel } from '../sync/sync-channel.js';

/**
 * The talk's stopwatch, shared with the other views of the session: a view starts with the
 * session's timer (so a presenter view started again after a crash goes on from the time
 * already spoken), follows every start, pause and reset made in another view, and tells the
 * others of its own. A timer that came from another view is not sent back, so views never echo.
 *
 * @param isStartedNow - Start the timer with the first render, unless it runs already.
 * @returns The timer and its setter, as `useState` gives them.
 */
export function useSharedTimer(channel: SyncChannel, isStartedNow = false): [Timer, Dispatch<SetStateAction<Timer>>] {
  const [shared] = useState<Timer>(() => fromSharedTimer(channel.timer, performance.now(), Date.now()));
  // Started with the first render (a rehearsal times what is on the screen from its first frame),
  // and told to the others like any start made here.
  const [timer, setTimer] = useState<Timer>(() => (isStartedNow ? startTimer(shared, performance.now()) : shared));
  // The last timer taken from another view (or the session's, started with); it is not published back.
  const adopted = useRef<Timer>(shared);

  useEffect(
    () =>
      channel.onTimer((shared) => {
        const next = fromSharedTimer(shared, performance.now(), Date.now());
        adopted.current = next;
        setTimer(next);
      }),
    [channel],
  );

  useEffect(() => {
    if (timer === adopted.current) return;
    channel.publishTimer(toSharedTimer(timer, performance.now(), Date.now()));
  }, [channel, timer]);

  return [timer, setTimer];
}
