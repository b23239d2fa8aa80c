import type { Slide } from '../deck/slides.js';
import type { Position } from '../navigation/deck-state.js';
import { elapsedMs, STOPPED_TIMER, type Timer } from '../presenter/timer.js';
import { countTo, recordMove, recordTimerChange, runOf, startRecording, type Recording } from './recording.js';
import { saveRun, type RehearsalRun, type TimingsFile } from './timings-file.js';

export interface RehearsalRecorderOptions {
  /** The timings file to write the run into, and the deck's file name to write in it. */
  readonly file: string;
  readonly deck: string;
  /** The file as read when the rehearsal began (see saveRun). */
  readonly before: TimingsFile | undefined;
  /** The slides as presented now (a save may change them). */
  readonly slides: () => readonly Slide[];
  /** Monotonic time, in milliseconds; `performance.now` by default. */
  readonly now?: () => number;
  /** When the run starts, as ISO 8601; now by default. */
  readonly date?: string;
}

/**
 * Records one rehearsal: told of every position the talk shows and every change of its timer, it
 * counts the talk time spent on each step of each slide (a recording, see recording.ts) and
 * writes the run into the timings file whenever {@link save} is called. The caller saves often
 * (every few seconds, before Ctrl-Z suspends, on every way out), so a run ended by a signal, a
 * crash or a suspended job that is never resumed keeps its time up to the last save.
 */
export class RehearsalRecorder {
  private recording: Recording | undefined;
  private timer: Timer = STOPPED_TIMER;
  private readonly now: () => number;
  private readonly date: string;

  private readonly createdAt: number;

  constructor(private readonly options: RehearsalRecorderOptions) {
    this.now = options.now ?? (() => performance.now());
    this.date = options.date ?? new Date().toISOString();
    this.createdAt = this.now();
  }

  /**
   * Talk time the recording counts from under `timer`, at `now`: 0 for a timer started from zero
   * since the rehearsal began (the app starts it with its first frame, a moment before it tells
   * of it and of the first position), else the time it reads.
   */
  private originOf(timer: Timer, now: number): number {
    const isOwnStart = timer.accumulatedMs === 0 && timer.runningSince !== undefined && timer.runningSince >= this.createdAt;
    return isOwnStart ? 0 : elapsedMs(timer, now);
  }

  /** The talk now shows `position`. */
  move(position: Position): void {
    const now = this.now();
    this.recording =
      this.recording === undefined
        ? startRecording(position, this.originOf(this.timer, now))
        : recordMove(this.recording, position, elapsedMs(this.timer, now));
  }

  /** The talk's timer is now `timer` (started, paused, reset, or taken from another view). */
  timerChanged(timer: Timer): void {
    const now = this.now();
    if (this.recording !== undefined) {
      const wasStopped = this.timer.runningSince === undefined && this.timer.accumulatedMs === 0;
      this.recording = recordTimerChange(
        this.recording,
        elapsedMs(this.timer, now),
        wasStopped ? this.originOf(timer, now) : elapsedMs(timer, now),
      );
    }
    this.timer = timer;
  }

  /** The run so far, with the time on the current step counted up to now. */
  run(): RehearsalRun {
    if (this.recording !== undefined) this.recording = countTo(this.recording, elapsedMs(this.timer, this.now()));
    return this.recording === undefined ? { date: this.date, slides: [] } : runOf(this.recording, this.options.slides(), this.date);
  }

  /**
   * Writes the run so far into the timings file; a run with no time yet is not written.
   *
   * @returns The run written, or undefined when there was nothing to write.
   * @throws {Error} When the file cannot be written.
   */
  save(): RehearsalRun | undefined {
    const run = this.run();
    if (run.slides.length === 0) return undefined;
    saveRun(this.options.file, this.options.deck, run, this.options.before);
    return run;
  }
}
