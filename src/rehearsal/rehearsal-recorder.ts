import type { Slide } from '../deck/slides.js';
import type { Position } from '../navigation/deck-state.js';
import { elapsedMs, STOPPED_TIMER, type Timer } from '../presenter/timer.js';
import { countTo, recordMove, recordTimerChange, runOf, startRecording, type Recording } from './recording.js';
import { saveRun, type RecordedSlide, type RehearsalRun, type TimingsFile, type WrittenTimings } from './timings-file.js';

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
  /** What the last save wrote (see saveRun). */
  private written: WrittenTimings | undefined;
  /** The slides the current recording's indices refer to; a save of the deck lays out new ones. */
  private slidesThen: readonly Slide[] | undefined;
  /** What was recorded on the slides of the deck before its last save, named by title and section. */
  private earlier: readonly RecordedSlide[] = [];
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

  /**
   * After a save of the deck (new slides), what was recorded is set down under the titles the
   * slides had then, and recording goes on from here with the new slides' numbers, so time is
   * never moved to the slide that took another's place.
   */
  private follow(now: number): void {
    const slides = this.options.slides();
    if (this.recording !== undefined && this.slidesThen !== undefined && this.slidesThen !== slides) {
      const counted = countTo(this.recording, elapsedMs(this.timer, now));
      this.earlier = mergeRecorded(this.earlier, runOf(counted, this.slidesThen, this.date).slides);
      this.recording = { ...counted, stepsMs: new Map() };
    }
    this.slidesThen = slides;
  }

  /** The talk now shows `position`. */
  move(position: Position): void {
    const now = this.now();
    this.follow(now);
    this.recording =
      this.recording === undefined
        ? startRecording(position, this.originOf(this.timer, now))
        : recordMove(this.recording, position, elapsedMs(this.timer, now));
  }

  /** The talk's timer is now `timer` (started, paused, reset, or taken from another view). */
  timerChanged(timer: Timer): void {
    const now = this.now();
    this.follow(now);
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
    const now = this.now();
    this.follow(now);
    if (this.recording === undefined) return { date: this.date, slides: [...this.earlier] };
    this.recording = countTo(this.recording, elapsedMs(this.timer, now));
    return { date: this.date, slides: mergeRecorded(this.earlier, runOf(this.recording, this.slidesThen ?? [], this.date).slides) };
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
    this.written = saveRun(this.options.file, this.options.deck, run, this.options.before, this.written);
    return run;
  }
}

/**
 * `earlier` and `later` recorded slides as one list: a slide of the same title and section in
 * both has its step times added, and the later number; in order of number.
 */
function mergeRecorded(earlier: readonly RecordedSlide[], later: readonly RecordedSlide[]): RecordedSlide[] {
  const byName = new Map<string, RecordedSlide>();
  const nameOf = (slide: RecordedSlide) => `${slide.section ?? ''}\u0000${slide.title}`;
  for (const slide of [...earlier, ...later]) {
    const before = byName.get(nameOf(slide));
    if (before === undefined) {
      byName.set(nameOf(slide), slide);
      continue;
    }
    const length = Math.max(before.stepsMs.length, slide.stepsMs.length);
    const stepsMs = Array.from({ length }, (_, step) => (before.stepsMs[step] ?? 0) + (slide.stepsMs[step] ?? 0));
    byName.set(nameOf(slide), { ...slide, stepsMs });
  }
  return [...byName.values()].sort((a, b) => a.number - b.number);
}
