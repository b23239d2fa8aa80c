import { readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import writeFileAtomic from 'write-file-atomic';
import { parseDuration } from '../deck/duration.js';
import { deckName, parseDeck, readDeckText, STDIN_FILE } from '../deck/load-deck.js';
import { toTerminalJson } from '../deck/sanitize.js';
import { buildSlides } from '../deck/slides.js';
import { applyDurations } from '../rehearsal/apply-durations.js';
import { readTimingsFile, timingsFileOf } from '../rehearsal/timings-file.js';
import { formatTimingsTable, timingsReport } from '../rehearsal/timings-report.js';
import { describeFsError } from '../text/describe-fs-error.js';
import { formatClock } from '../presenter/pacing.js';
import { CommandError, UsageError } from './usage-error.js';

export interface TimingsCommandOptions {
  readonly format: 'text' | 'json';
  /** Write each content slide's median time into the deck as its `duration:`. */
  readonly apply: boolean;
  /** Width of the text table, in columns. */
  readonly columns: number;
}

/**
 * `inkdeck timings FILE`: the rehearsals of the deck FILE (recorded by `present --rehearse` in
 * its timings file, see timingsFileOf), per section and slide: plan, last run, median, difference
 * and a bar, then the total against the deck's `duration`; as JSON with `format: 'json'`. With
 * `apply`, also writes each content slide's median into the deck as its `duration:`
 * (applyDurations), and says on `notes` what it wrote.
 *
 * @returns What to print on stdout, and what to say on stderr.
 * @throws {DeckError} When the deck or its timings file is not valid (positioned).
 * @throws {CommandError} When there is no timings file, or the deck cannot be written.
 * @throws {UsageError} For a deck on standard input, which has no timings file beside it.
 */
export async function timingsCommand(file: string, options: TimingsCommandOptions): Promise<{ output: string; notes: string }> {
  if (file === STDIN_FILE) throw new UsageError('timings needs the deck file, to find its timings file beside it; standard input has none');
  const text = await readDeckText(file);
  const name = deckName(file);
  const deck = parseDeck(text, name);
  const timingsFile = timingsFileOf(file);
  const timings = readTimingsFile(timingsFile);
  if (timings === undefined || timings.runs.length === 0) {
    throw new CommandError(
      `no rehearsal of ${name} yet (no ${path.basename(timingsFile)}); record one with: inkdeck present ${file} --rehearse`,
    );
  }
  const slides = buildSlides(deck);
  const durationMs = deck.duration === undefined ? undefined : parseDuration(deck.duration);
  const report = timingsReport(slides, timings, durationMs);
  const output =
    options.format === 'json'
      ? `${toTerminalJson({ deck: name, timings: path.basename(timingsFile), ...report })}\n`
      : formatTimingsTable(report, name, options.columns);
  if (!options.apply) return { output, notes: '' };

  const medians = new Map<number, number>();
  report.sections.forEach((section) => {
    for (const slide of section.slides)
      if (slide.kind === 'content' && slide.medianMs !== undefined) medians.set(slide.number - 1, slide.medianMs);
  });
  // The loader drops a byte order mark from the text it reads; the file keeps it.
  const hasBom = readFileSync(file)
    .subarray(0, 3)
    .equals(Buffer.from([0xef, 0xbb, 0xbf]));
  const applied = applyDurations(hasBom ? `\uFEFF${text}` : text, name, deck, medians);
  if (applied.text !== (hasBom ? `\uFEFF${text}` : text)) {
    // Written by renaming a new file over it, which a read-only file does not stop (even for its
    // owner); an editor refuses to save it, and so does this.
    if ((statSync(file).mode & 0o222) === 0) throw new CommandError(`cannot write ${name}: it is read-only`);
    try {
      writeFileAtomic.sync(file, applied.text);
    } catch (error) {
      throw new CommandError(`cannot write ${name}: ${describeFsError(error)}`);
    }
  }
  const notes = [
    `${name}: duration: written on ${applied.written.length} ${applied.written.length === 1 ? 'slide' : 'slides'}, each its median time`,
  ];
  if (applied.shared.length > 0) {
    const one = applied.shared.length === 1;
    const numbers = applied.shared.map((index) => index + 1).join(', ');
    notes.push(
      `${name}: not written on ${one ? 'slide' : 'slides'} ${numbers}: the deck shares ${one ? 'it' : 'them'} through an anchor and alias, where one duration would change every copy`,
    );
  }
  const writtenMs = applied.written.reduce((sum, index) => sum + (medians.get(index) ?? 0), 0);
  if (durationMs !== undefined && writtenMs > durationMs)
    notes.push(`${name}: the slides' durations now add up to ${formatClock(writtenMs)}, more than the talk's ${formatClock(durationMs)}`);
  return { output, notes: `${notes.join('\n')}\n` };
}
