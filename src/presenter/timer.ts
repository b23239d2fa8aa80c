/**
 * The talk's stopwatch, as plain data. Times are milliseconds from a monotonic clock
 * (`performance.now()`), never the wall clock, so neither clock changes nor timers that fire
 * late make it drift: the elapsed time is always computed, never accumulated tick by tick.
 */
export interface Timer {
  /** Monotonic time the current run started; `undefined` while paused or not started. */
  readonly runningSince?: number;
  /** Time counted by earlier runs, in milliseconds. */
  readonly accumulatedMs: number;
}

export const STOPPED_TIMER: Timer = { accumulatedMs: 0 };

/** Elapsed talk time at monotonic time `now`, in milliseconds. */
export function elapsedMs(timer: Timer, now: number): number {
  return timer.accumulatedMs + (timer.runningSince === undefined ? 0 : Math.max(0, now - timer.runningSince));
}

export function isRunning(timer: Timer): boolean {
  return timer.runningSince !== undefined;
}

/** Starts the timer at `now` unless it is already running (then returns it unchanged). */
export function startTimer(timer: Timer, now: number): Timer {
  return isRunning(timer) ? timer : { ...timer, runningSince: now };
}

/** Pauses a running timer, or resumes a paused one, at `now`. */
export function toggleTimer(timer: Timer, now: number): Timer {
  return isRunning(timer) ? { accumulatedMs: elapsedMs(timer, now) } : startTimer(timer, now);
}

/** Milliseconds from `now` until the elapsed time next reaches a whole second (1 to 1000). */
export function msToNextSecond(timer: Timer, now: number): number {
  return 1000 - (elapsedMs(timer, now) % 1000);
}
