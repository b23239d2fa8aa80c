import { existsSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import writeFileAtomic from 'write-file-atomic';
import * as z from 'zod';
import { DeckError } from '../deck/deck-error.js';
import { issueDiagnostics } from '../deck/place-issues.js';
import { readDeckTextSync, readYamlData, sortedByPlace } from '../deck/load-deck.js';
import type { PathSegment } from '../deck/field-path.js';

/**
 * Milliseconds, whole and not negative. The file is JSON, but read as YAML for positioned errors,
 * and the loader's YAML reads every scalar as text: a number may come as either.
 */
const milliseconds = z
  .union([z.number(), z.string({ error: 'expected a number of milliseconds' }).regex(/^\d+$/, 'expected a number of milliseconds')])
  .transform(Number)
  .pipe(z.number().int('expected whole milliseconds').min(0, 'expected milliseconds, not less than 0'));

const recordedSlideSchema = z.strictObject({
  /** 1-based number of the slide in the deck as rehearsed. */
  number: z
    .union([z.number(), z.string().regex(/^\d+$/, 'expected a slide number')])
    .transform(Number)
    .pipe(z.number().int().min(1)),
  title: z.string({ error: 'expected text' }),
  section: z.string({ error: 'expected text' }).optional(),
  /** Time spent on each step of the slide, in milliseconds, first step first. */
  stepsMs: z.array(milliseconds, { error: 'expected a list of milliseconds' }).min(1, 'expected the time of at least one step'),
});

const runSchema = z.strictObject({
  /** When the run started: an ISO 8601 date and time, UTC. */
  date: z.iso.datetime({ error: 'expected a date and time like 2026-12-06T14:05:00.000Z' }),
  /** Slides the run spent time on, in deck order. */
  slides: z.array(recordedSlideSchema, { error: 'expected a list of slides' }),
});

const timingsFileSchema = z.strictObject({
  /** The deck the runs rehearsed, as its file is named beside this one. */
  deck: z.string({ error: 'expected the deck file name' }),
  runs: z.array(runSchema, { error: 'expected a list of runs' }),
});

/** One slide's times in a rehearsal run. */
export type RecordedSlide = z.output<typeof recordedSlideSchema>;
/** One rehearsal, from its start to where it ended. */
export type RehearsalRun = z.output<typeof runSchema>;
/** A deck's timings file: every rehearsal of it, oldest first. */
export type TimingsFile = z.output<typeof timingsFileSchema>;

/** Total time of a recorded slide, in milliseconds. */
export function slideMs(slide: RecordedSlide): number {
  return slide.stepsMs.reduce((sum, ms) => sum + ms, 0);
}

/**
 * The timings file of the deck at `deckFile`: beside it, its name with `.yaml`/`.yml` replaced
 * by `.timings.json` (`talk.yaml` -> `talk.timings.json`); any other name gets it added.
 */
export function timingsFileOf(deckFile: string): string {
  const { dir, name, ext } = path.parse(deckFile);
  const base = ext === '.yaml' || ext === '.yml' ? name : `${name}${ext}`;
  return path.join(dir, `${base}.timings.json`);
}

const KNOWN_KEYS: Readonly<Record<string, readonly string[]>> = {
  '': Object.keys(timingsFileSchema.shape),
  run: Object.keys(runSchema.shape),
  slide: Object.keys(recordedSlideSchema.shape),
};

function knownKeysAt(fieldPath: readonly PathSegment[]): readonly string[] {
  if (fieldPath.length === 0) return KNOWN_KEYS[''] ?? [];
  return (fieldPath.length <= 2 ? KNOWN_KEYS.run : KNOWN_KEYS.slide) ?? [];
}

/**
 * Reads the timings file `file`.
 *
 * @returns Undefined when there is no such file.
 * @throws {DeckError} With positioned diagnostics (`talk.timings.json:3:14: …`) when it is not
 *   JSON of the timings file's shape, or cannot be read.
 */
export function readTimingsFile(file: string): TimingsFile | undefined {
  if (!existsSync(file)) return undefined;
  const text = readDeckTextSync(file);
  let yaml: ReturnType<typeof readYamlData>;
  try {
    yaml = readYamlData(text, file, 'no timings: the file is empty');
  } catch (error) {
    // Read as YAML (which JSON is) for its positions; the file is JSON, and its mistakes are said so.
    if (!(error instanceof DeckError)) throw error;
    throw new DeckError(
      error.diagnostics.map((diagnostic) => ({ ...diagnostic, message: diagnostic.message.replace(/^YAML syntax: /, 'JSON syntax: ') })),
    );
  }
  const { data, document, aliasTargets, at } = yaml;
  const result = timingsFileSchema.safeParse(data);
  if (result.success) return result.data;
  throw new DeckError(
    sortedByPlace(
      result.error.issues.flatMap((issue) => issueDiagnostics(document, aliasTargets, issue, at, { knownKeysAt, hasExtensionKeys: false })),
    ),
  );
}

/** What {@link saveRun} last wrote, and the file's size, time and inode just after. */
export interface WrittenTimings {
  readonly timings: TimingsFile;
  readonly stamp: string;
}

function stampOf(file: string): string | undefined {
  try {
    const stats = statSync(file);
    return `${stats.ino}:${stats.size}:${stats.mtimeMs}`;
  } catch {
    return undefined;
  }
}

/**
 * Writes `run` into the timings file `file`: in place of the run of the same date (a run is
 * written again and again as it goes on), else after the others. The file is read again first,
 * so runs another rehearsal wrote meanwhile are kept, unless it is as `last` left it (then what
 * was written stands for it: a run saved every few seconds does not parse the whole history each
 * time); when it cannot be read, `fallback` (the file as read when the rehearsal began) stands
 * for it. Written to a temporary file and renamed over (write-file-atomic), so a crash mid-write
 * never leaves half a file.
 *
 * @returns What was written, to give back as `last` next time.
 * @throws {Error} When the file cannot be written (a read-only folder, a full disk).
 */
export function saveRun(
  file: string,
  deck: string,
  run: RehearsalRun,
  fallback: TimingsFile | undefined,
  last?: WrittenTimings,
): WrittenTimings {
  let current: TimingsFile | undefined;
  if (last !== undefined && stampOf(file) === last.stamp) current = last.timings;
  else {
    try {
      current = existsSync(file) ? timingsFileSchema.parse(JSON.parse(readFileSync(file, 'utf8'))) : undefined;
    } catch {
      current = fallback;
    }
  }
  const runs = (current?.runs ?? []).filter((other) => other.date !== run.date);
  const next: TimingsFile = { deck, runs: [...runs, run].sort((a, b) => a.date.localeCompare(b.date)) };
  // No fsync: the run is written every few seconds during a talk, and an fsync can hold the
  // keyboard for tens of milliseconds; the rename alone keeps the file whole if the process dies.
  writeFileAtomic.sync(file, `${JSON.stringify(next, undefined, 2)}\n`, { fsync: false });
  return { timings: next, stamp: stampOf(file) ?? '' };
}
