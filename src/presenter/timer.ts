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

/**
 * The timer once the talk's first move started it at `now`, counting `creditMs` as already
 * spent (the title slide's planned time, see titleSlideBudgetMs); a timer that runs, or has
 * counted time, is left as it is.
 */
export function startByFirstMove(timer: Timer, now: number, creditMs: number): Timer {
  if (isRunning(timer) || timer.accumulatedMs > 0) return timer;
  return { accumulatedMs: Math.max(0, creditMs), runningSince: now };
}

/** Pauses a running timer, or resumes a paused one, at `now`. */
export function toggleTimer(timer: Timer, now: number): Timer {
  return isRunning(timer) ? { accumulatedMs: elapsedMs(timer, now) } : startTimer(timer, now);
}

/** Milliseconds from `now` until the elapsed time next reaches a whole second (1 to 1000). */
export function msToNextSecond(timer: Timer, now: number): number {
  return 1000 - (elapsedMs(timer, now) % 1000);
}

/**
 * The timer as views share it (see the sync protocol's `SharedTimer`): whole milliseconds, and
 * the start of the current run on the wall clock, since monotonic clocks of two processes share
 * no origin.
 *
 * @param now - This process's monotonic time (`performance.now()`), in milliseconds.
 * @param wallNow - The wall clock at the same moment (`Date.now()`), in milliseconds.
 */
export function toSharedTimer(timer: Timer, now: number, wallNow: number): { elapsedMs: number; runningSince: number | null } {
  return {
    elapsedMs: Math.round(timer.accumulatedMs),
    runningSince: timer.runningSince === undefined ? null : Math.round(wallNow - (now - timer.runningSince)),
  };
}

/**
 * A shared timer as this process's timer: the run's wall-clock start becomes a monotonic one.
 * A start in this clock's future (clocks of two processes disagree by a few milliseconds) is
 * taken as now, so the elapsed time never goes backwards.
 */
export function fromSharedTimer(
  shared: { readonly elapsedMs: number; readonly runningSince: number | null },
  now: number,
  wallNow: number,
): Timer {
  if (shared.runningSince === null) return { accumulatedMs: shared.elapsedMs };
  return { accumulatedMs: shared.elapsedMs, runningSince: now - Math.max(0, wallNow - shared.runningSince) };
}
