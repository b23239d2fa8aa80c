import { markOf } from '../deck/find-slide.js';
import type { Slide } from '../deck/slides.js';
import type { Position } from '../navigation/deck-state.js';
import type { RehearsalRun } from './timings-file.js';

/**
 * A rehearsal as it is recorded, as plain data: where the talk is, since what talk time, and the
 * time spent so far on each step of each slide. Times are talk time (the shared timer's
 * elapsed time, in milliseconds), so a paused timer pauses the recording too.
 */
export interface Recording {
  readonly position: Position;
  /** Talk time when the recording last counted, in milliseconds. */
  readonly countedToMs: number;
  /** Milliseconds spent on each step (index), by slide (0-based index). */
  readonly stepsMs: ReadonlyMap<number, readonly number[]>;
}

/** A recording that starts at `position`, at talk time `talkMs`. */
export function startRecording(position: Position, talkMs: number): Recording {
  return { position, countedToMs: talkMs, stepsMs: new Map() };
}

/**
 * The recording with the time from its last count to talk time `talkMs` added to the step it is
 * on. A talk time earlier than the last count (the timer was reset) adds nothing.
 */
export function countTo(recording: Recording, talkMs: number): Recording {
  const spentMs = talkMs - recording.countedToMs;
  if (spentMs <= 0) return spentMs === 0 ? recording : { ...recording, countedToMs: talkMs };
  const { slide, step } = recording.position;
  const steps = [...(recording.stepsMs.get(slide) ?? [])];
  while (steps.length <= step) steps.push(0);
  steps[step] = (steps[step] ?? 0) + spentMs;
  const stepsMs = new Map(recording.stepsMs).set(slide, steps);
  return { ...recording, countedToMs: talkMs, stepsMs };
}

/** The recording once the talk moved to `position` at talk time `talkMs`: the time until then counted where it was. */
export function recordMove(recording: Recording, position: Position, talkMs: number): Recording {
  const counted = countTo(recording, talkMs);
  if (counted.position.slide === position.slide && counted.position.step === position.step) return counted;
  return { ...counted, position };
}

/**
 * The recording once the talk's timer changed (started, paused or reset) at a moment when the old
 * timer read `oldTalkMs` and the new one reads `newTalkMs`: the time until then counted by the old
 * timer, the time after by the new one.
 */
export function recordTimerChange(recording: Recording, oldTalkMs: number, newTalkMs: number): Recording {
  return { ...countTo(recording, oldTalkMs), countedToMs: newTalkMs };
}

/**
 * The recording as a run of the timings file, started at `date` (ISO 8601): the slides it spent
 * time on, in deck order, each named by its number, title and section on `slides` (the deck as
 * presented). Times are whole milliseconds; slides no longer in `slides` (the deck was edited to
 * have fewer) are left out.
 */
export function runOf(recording: Recording, slides: readonly Slide[], date: string): RehearsalRun {
  const recorded = [...recording.stepsMs.entries()].sort(([a], [b]) => a - b);
  return {
    date,
    slides: recorded.flatMap(([index, stepsMs]) => {
      const mark = markOf(slides, index);
      if (mark === undefined) return [];
      const { slide, ...named } = mark;
      return [{ number: slide + 1, ...named, stepsMs: stepsMs.map((ms) => Math.round(ms)) }];
    }),
  };
}
