import * as z from 'zod';
import type { Position } from '../navigation/deck-state.js';

/**
 * Version of the wire format; a view ignores messages of any other version. 4: every message
 * says which kind of view sent it, and the blanked screen is shared. 3: the deck and its version
 * are two fields (2 packed them into `deck` as `<deck>@<version>`).
 */
export const PROTOCOL_VERSION = 4;

/** Longest message accepted, in bytes; a peer that sends a longer line is disconnected. */
export const MAX_MESSAGE_BYTES = 4096;

const id = z.string().min(1).max(128);
const index = z.number().int().min(0).max(1_000_000);
/** A duration, or a wall-clock time since the Unix epoch, in whole milliseconds. */
const milliseconds = z.number().int().min(0).max(Number.MAX_SAFE_INTEGER);

/**
 * Fields of every message: the protocol version, the deck (its absolute path, or
 * `session:<name>`) and the version of it the sending view shows (`deckVersion`), the view that
 * made the move or timer change it carries (`from`), and whether the sending view reloads the
 * deck when its file is saved (`reloads`), which tells a view that does not reload whether a
 * view on another version is following the file.
 */
const envelope = {
  inkdeck: z.literal(PROTOCOL_VERSION),
  deck: id,
  version: id,
  from: id,
  reloads: z.boolean(),
  /** The kind of view that sent the message: a presenter view takes the audience's problem banners. */
  view: z.enum(['audience', 'presenter']),
};
/** A Lamport clock: a value replaces the current one only if its `(clock, from)` pair is greater. */
const clock = z.number().int().min(0).max(Number.MAX_SAFE_INTEGER);

/** A view announces itself; every peer answers with the current timer and position. */
const HelloSchema = z.strictObject({ ...envelope, type: z.literal('hello') });

/**
 * A view is at `slide`/`step`. Ordered by `clock`, so every view settles on the same position
 * whatever order messages arrive in.
 */
const PositionSchema = z.strictObject({
  ...envelope,
  type: z.literal('position'),
  clock,
  slide: index,
  step: index,
  /** Where the talk was before its last jump, which the jump-back key returns to in any view. */
  back: z.strictObject({ slide: index, step: index }).optional(),
  /**
   * The talk time at which the talk reached this slide, as the presenter view that moved saw it:
   * a presenter view started again mid-slide counts the slide's time left from it.
   */
  arrivedAtMs: milliseconds.optional(),
});

/**
 * The talk's stopwatch as the views share it, so that a presenter view started again after a
 * crash goes on with the time already spoken rather than from zero. `elapsedMs` counts earlier
 * runs; `runningSince` is when the current run began, on the wall clock (the only clock two
 * processes share), or `null` while paused. It has a Lamport clock of its own, as positions do,
 * so a timer key and a slide move pressed at the same moment in two views both survive.
 */
const TimerSchema = z.strictObject({
  ...envelope,
  type: z.literal('timer'),
  clock,
  elapsedMs: milliseconds,
  runningSince: milliseconds.nullable(),
});

/**
 * Whether the audience views are blanked (black, white) or show the slide (none), with a Lamport
 * clock of its own: a view that joins a blanked talk starts blanked.
 */
const BlankSchema = z.strictObject({ ...envelope, type: z.literal('blank'), clock, blank: z.enum(['none', 'black', 'white']) });

const MessageSchema = z.discriminatedUnion('type', [HelloSchema, PositionSchema, TimerSchema, BlankSchema]);

export type Message = z.infer<typeof MessageSchema>;
export type PositionMessage = z.infer<typeof PositionSchema>;
export type TimerMessage = z.infer<typeof TimerSchema>;
export type BlankMessage = z.infer<typeof BlankSchema>;

/** The shared stopwatch (see `TimerSchema`): milliseconds counted, and the wall-clock start of the current run. */
export interface SharedTimer {
  readonly elapsedMs: number;
  readonly runningSince: number | null;
}

/** The timer a message carries. */
export function timerOf(message: TimerMessage): SharedTimer {
  return { elapsedMs: message.elapsedMs, runningSince: message.runningSince };
}

/** Encodes a message as one line of JSON (newline-delimited JSON, one message per line). */
export function encodeMessage(message: Message): string {
  return `${JSON.stringify(message)}\n`;
}

/** Parses one line; `undefined` for anything that is not a valid message (never throws). */
export function decodeMessage(line: string): Message | undefined {
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch {
    return undefined;
  }
  const result = MessageSchema.safeParse(value);
  return result.success ? result.data : undefined;
}

/** Where the talk is, and where it was before its last jump (`back`), if it jumped. */
export interface TalkPosition extends Position {
  readonly back?: Position;
  /** Talk time when the talk reached this slide, in milliseconds, when a presenter view moved it. */
  readonly arrivedAtMs?: number;
}

/** Whether two talk positions are the same place, with the same jump-back place (`arrivedAtMs` aside). */
export function sameTalkPosition(a: TalkPosition, b: TalkPosition): boolean {
  return a.slide === b.slide && a.step === b.step && a.back?.slide === b.back?.slide && a.back?.step === b.back?.step;
}

/** The position a message carries. */
export function positionOf(message: PositionMessage): TalkPosition {
  return {
    slide: message.slide,
    step: message.step,
    ...(message.back === undefined ? {} : { back: { slide: message.back.slide, step: message.back.step } }),
    ...(message.arrivedAtMs === undefined ? {} : { arrivedAtMs: message.arrivedAtMs }),
  };
}

/**
 * Splits a byte stream into lines. Returns a function to feed chunks to; it calls `onLine` for
 * each complete line and returns `false` once a line grows past {@link MAX_MESSAGE_BYTES}, after
 * which the stream should be dropped.
 */
export function lineSplitter(onLine: (line: string) => void): (chunk: string) => boolean {
  let pending = '';
  return (chunk) => {
    pending += chunk;
    let newline = pending.indexOf('\n');
    while (newline !== -1) {
      const line = pending.slice(0, newline);
      pending = pending.slice(newline + 1);
      if (line.length <= MAX_MESSAGE_BYTES) onLine(line);
      newline = pending.indexOf('\n');
    }
    return pending.length <= MAX_MESSAGE_BYTES;
  };
}
