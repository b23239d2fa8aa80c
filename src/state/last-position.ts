import { mkdirSync, readFileSync } from 'node:fs';
import writeFileAtomic from 'write-file-atomic';
import os from 'node:os';
import path from 'node:path';
import * as z from 'zod';
import { findSlide, markOf } from '../deck/find-slide.js';
import type { Slide } from '../deck/slides.js';
import type { Position } from '../navigation/deck-state.js';

/** Most decks remembered; the ones presented longest ago are forgotten first. */
const MAX_DECKS = 200;

const SavedSchema = z.record(
  z.string(),
  z.object({
    slide: z.number().int().min(0),
    step: z.number().int().min(0),
    /** The slide's title and section then, to find it again in an edited deck. */
    title: z.string(),
    section: z.string().optional(),
    /** When it was saved, in milliseconds since the epoch. */
    savedAt: z.number(),
  }),
);
type Saved = z.infer<typeof SavedSchema>;

/**
 * The file where inkdeck keeps the last position of each deck it presented:
 * `$XDG_STATE_HOME/inkdeck/positions.json`, or `~/.local/state/inkdeck/positions.json` when
 * XDG_STATE_HOME is unset, empty or relative (XDG Base Directory Specification 0.8: state that
 * should persist between restarts, such as "the current state of the application").
 */
export function positionsFile(env: NodeJS.ProcessEnv = process.env): string {
  const state = env.XDG_STATE_HOME;
  const base = state !== undefined && path.isAbsolute(state) ? state : path.join(env.HOME ?? os.homedir(), '.local', 'state');
  return path.join(base, 'inkdeck', 'positions.json');
}

function readSaved(file: string): Saved {
  try {
    const result = SavedSchema.safeParse(JSON.parse(readFileSync(file, 'utf8')));
    return result.success ? result.data : {};
  } catch {
    // None yet, or unreadable: nothing is remembered, and the talk starts at its first slide.
    return {};
  }
}

/**
 * Where the talk of the deck at `deckPath` (absolute) was when last presented here, placed on
 * `slidesOf` as they are now (the slides, or a function that lays them out, called only when a
 * position was kept): the slide of the same title in the same section, else of the same
 * title, else the same slide number (clamped); the step kept when the slide is found again.
 * Undefined when the deck was never presented, or the file cannot be read.
 */
export function readLastPosition(
  deckPath: string,
  slidesOf: readonly Slide[] | (() => readonly Slide[]),
  env: NodeJS.ProcessEnv = process.env,
): Position | undefined {
  const saved = readSaved(positionsFile(env))[deckPath];
  if (saved === undefined) return undefined;
  // Laid out only when there is a position to place on them.
  const slides = typeof slidesOf === 'function' ? slidesOf() : slidesOf;
  if (slides.length === 0) return undefined;
  const found = findSlide(slides, saved);
  // The same slide, moved: its step too (clamped to its steps by the app); another slide: its start.
  return found !== -1 ? { slide: found, step: saved.step } : { slide: Math.min(saved.slide, slides.length - 1), step: 0 };
}

/**
 * Remembers `position` as where the talk of the deck at `deckPath` (absolute) is. Written to a
 * temporary file then renamed over (write-file-atomic), so a crash mid-write never leaves half a file. Never throws:
 * a talk does not stop because its place could not be kept.
 */
export function saveLastPosition(
  deckPath: string,
  slides: readonly Slide[],
  position: Position,
  env: NodeJS.ProcessEnv = process.env,
  now = Date.now(),
): void {
  const mark = markOf(slides, position.slide);
  if (mark === undefined) return;
  const file = positionsFile(env);
  try {
    const saved = readSaved(file);
    saved[deckPath] = {
      ...mark,
      step: position.step,
      savedAt: now,
    };
    const kept = Object.fromEntries(
      Object.entries(saved)
        .sort(([, a], [, b]) => b.savedAt - a.savedAt)
        .slice(0, MAX_DECKS),
    );
    mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
    writeFileAtomic.sync(file, `${JSON.stringify(kept)}\n`, { mode: 0o600 });
  } catch {
    // A read-only home, a full disk: the talk goes on; it will start at the first slide next time.
  }
}
