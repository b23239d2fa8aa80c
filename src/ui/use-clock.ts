import { useEffect, useState } from 'react';
import { isRunning, msToNextSecond, type Timer } from '../presenter/timer.js';

/** The current time: monotonic (`performance.now()`) and wall-clock (`Date.now()`), in milliseconds. */
export interface Now {
  readonly monotonic: number;
  readonly wall: number;
}

/**
 * Re-renders once a second while `timer` is given: just after the elapsed time reaches each
 * whole second while it runs, after each wall-clock second while it is paused. Each tick is
 * scheduled from the clock, not from the previous tick, so late timers never add up to drift.
 *
 * @returns The time at this render.
 */
export function useClock(timer: Timer | undefined): Now {
  const [, setTick] = useState(0);
  useEffect(() => {
    if (timer === undefined) return undefined;
    let handle: NodeJS.Timeout;
    const schedule = () => {
      const delay = isRunning(timer) ? msToNextSecond(timer, performance.now()) : 1000 - (Date.now() % 1000);
      // One millisecond past the boundary, so the rendered second has surely turned.
      handle = setTimeout(() => {
        setTick((tick) => tick + 1);
        schedule();
      }, delay + 1);
    };
    schedule();
    return () => clearTimeout(handle);
  }, [timer]);
  return { monotonic: performance.now(), wall: Date.now() };
}

/** Formats a wall-clock time as `HH:MM` in the local time zone. */
export function formatWallClock(wall: number): string {
  const date = new Date(wall);
  return `${String(date.getHours()).padStart(2, '0')}:${String(date.getMinutes()).padStart(2, '0')}`;
}
