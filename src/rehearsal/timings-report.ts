import stringWidth from 'string-width';
import { findSlide } from '../deck/find-slide.js';
import type { Slide } from '../deck/slides.js';
import { formatClock, planOf } from '../presenter/pacing.js';
import { truncateAtWord } from '../text/truncate.js';
import { slideMs, type TimingsFile } from './timings-file.js';

/** Times of one slide, or of a section or the whole talk, in milliseconds; each absent when unknown. */
export interface Times {
  /** The plan: the slide's `duration:`, or its share of the deck's (none when the deck sets no duration). */
  readonly planMs?: number;
  /** The time in the last run; absent when the last run did not reach it. */
  readonly lastMs?: number;
  /** The median over the runs that reached it (the mean of the middle two for an even count). */
  readonly medianMs?: number;
  /** Median less plan: positive when the slide takes longer than planned. */
  readonly differenceMs?: number;
}

/** One slide's times in a {@link TimingsReport}. */
export interface SlideTimes extends Times {
  /** 1-based number of the slide in the deck as it is now. */
  readonly number: number;
  readonly title: string;
  readonly kind: Slide['kind'];
  /** How many runs reached the slide. */
  readonly runs: number;
  /** The median time of each step, first step first (one entry for a slide without reveal). */
  readonly stepMediansMs: readonly number[];
}

/** One section's times: the sums of its slides'. */
export interface SectionTimes extends Times {
  readonly title: string;
  readonly slides: readonly SlideTimes[];
}

/** What `inkdeck timings` says of a deck's rehearsals. */
export interface TimingsReport {
  /** How many runs the file holds, and the date of the last one (ISO 8601). */
  readonly runCount: number;
  readonly lastRunDate?: string;
  /** The deck's `duration`, in milliseconds, when it sets one. */
  readonly durationMs?: number;
  /** The title slide, then each section. */
  readonly opening: SlideTimes;
  readonly sections: readonly SectionTimes[];
  /** The whole talk: the deck's duration as plan, the last run's and the medians' sums. */
  readonly total: Times;
  /** Slides recorded under a title no slide of the deck has now (renamed or removed since). */
  readonly unmatchedSlides: number;
}

/** The median of `values` (the mean of the middle two for an even count); undefined for none. */
export function median(values: readonly number[]): number | undefined {
  if (values.length === 0) return undefined;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle] : ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2;
}

function sumOf(values: readonly (number | undefined)[]): number | undefined {
  const known = values.filter((value): value is number => value !== undefined);
  return known.length === 0 ? undefined : known.reduce((sum, value) => sum + value, 0);
}

function withDifference(times: Omit<Times, 'differenceMs'>): Times {
  const { planMs, medianMs } = times;
  return planMs === undefined || medianMs === undefined ? times : { ...times, differenceMs: medianMs - planMs };
}

/**
 * The rehearsals in `timings` laid over the deck's `slides` as they are now: each recorded slide
 * is found again by its title and section (findSlide), so an edited deck keeps its history.
 *
 * @param durationMs - The deck's `duration`, in milliseconds; without it, only slides with their
 *   own `duration:` have a plan.
 */
export function timingsReport(slides: readonly Slide[], timings: TimingsFile, durationMs: number | undefined): TimingsReport {
  const plan = durationMs === undefined ? undefined : planOf(slides, durationMs).budgetMs;
  // Each slide's time in each run (one entry per run that reached it), and each step's.
  const byRun = slides.map(() => [] as number[]);
  const stepsByRun = slides.map(() => [] as (readonly number[])[]);
  const lastMs = new Map<number, number>();
  let unmatchedSlides = 0;
  timings.runs.forEach((run, runIndex) => {
    const isLast = runIndex === timings.runs.length - 1;
    for (const recorded of run.slides) {
      const index = findSlide(slides, {
        slide: recorded.number - 1,
        title: recorded.title,
        ...(recorded.section === undefined ? {} : { section: recorded.section }),
      });
      if (index === -1) {
        unmatchedSlides += 1;
        continue;
      }
      const ms = slideMs(recorded);
      byRun[index]?.push(ms);
      stepsByRun[index]?.push(recorded.stepsMs);
      if (isLast) lastMs.set(index, (lastMs.get(index) ?? 0) + ms);
    }
  });
  const slideTimes = slides.map((slide, index): SlideTimes => {
    const runs = byRun[index] ?? [];
    const steps = stepsByRun[index] ?? [];
    const stepCount = Math.max(0, ...steps.map((stepsMs) => stepsMs.length));
    const stepMediansMs = Array.from({ length: stepCount }, (_, step) => median(steps.map((stepsMs) => stepsMs[step] ?? 0)) ?? 0);
    const planMs = plan?.[index] ?? (slide.kind === 'content' ? slide.durationMs : undefined);
    const medianMs = median(runs);
    const last = lastMs.get(index);
    return {
      number: index + 1,
      title: slide.title,
      kind: slide.kind,
      runs: runs.length,
      stepMediansMs,
      ...withDifference({
        ...(planMs === undefined ? {} : { planMs }),
        ...(last === undefined ? {} : { lastMs: last }),
        ...(medianMs === undefined ? {} : { medianMs }),
      }),
    };
  });
  const summed = (times: readonly Times[], planMs?: number): Times => {
    const plans = planMs ?? sumOf(times.map((time) => time.planMs));
    const last = sumOf(times.map((time) => time.lastMs));
    const medians = sumOf(times.map((time) => time.medianMs));
    return withDifference({
      ...(plans === undefined ? {} : { planMs: plans }),
      ...(last === undefined ? {} : { lastMs: last }),
      ...(medians === undefined ? {} : { medianMs: medians }),
    });
  };
  const sections: SectionTimes[] = [];
  slides.forEach((slide, index) => {
    const times = slideTimes[index];
    if (times === undefined || slide.kind === 'title') return;
    if (slide.kind === 'section') sections.push({ title: slide.title, slides: [] });
    (sections.at(-1)?.slides as SlideTimes[] | undefined)?.push(times);
  });
  const lastRunDate = timings.runs.at(-1)?.date;
  return {
    runCount: timings.runs.length,
    ...(lastRunDate === undefined ? {} : { lastRunDate }),
    ...(durationMs === undefined ? {} : { durationMs }),
    opening: slideTimes[0] as SlideTimes,
    sections: sections.map((section) => ({ ...section, ...summed(section.slides) })),
    total: summed(slideTimes, durationMs),
    unmatchedSlides,
  };
}

/** Columns of the bar that shows a slide's median beside the others'. */
const BAR_COLUMNS = 12;
/** Eighths of a block, for a bar drawn to an eighth of a column (U+258F..U+2589). */
const EIGHTHS = ['', '▏', '▎', '▍', '▌', '▋', '▊', '▉'];

/** A bar `ms / longestMs` of {@link BAR_COLUMNS} long, to an eighth of a column. */
function bar(ms: number | undefined, longestMs: number): string {
  if (ms === undefined || longestMs <= 0) return '';
  const eighths = Math.round((ms / longestMs) * BAR_COLUMNS * 8);
  return `${'█'.repeat(Math.floor(eighths / 8))}${EIGHTHS[eighths % 8] ?? ''}`;
}

/** A time as the table shows it: `m:ss` to the nearest second, `—` when unknown; a difference signed (`+0:12`, `-1:05`, `0:00`). */
function clock(ms: number | undefined, isSigned = false): string {
  if (ms === undefined) return '—';
  const seconds = Math.round(ms / 1000);
  const text = formatClock(seconds * 1000);
  if (!isSigned || seconds === 0) return text;
  return `${seconds > 0 ? '+' : '-'}${text}`;
}

/** Columns of each time column of the table, at the least. */
const TIME_COLUMNS = 8;

/**
 * The report as the table `inkdeck timings` prints, `columns` wide (at least 60): a heading, then
 * per slide (sections as rows of their sums) the plan, last run, median and difference, and a
 * bar of the median scaled to the longest slide's; then the total against the deck's duration.
 * Times are `m:ss`, each rounded to the nearest second.
 */
export function formatTimingsTable(report: TimingsReport, deckName: string, columns = 80): string {
  const width = Math.max(60, columns);
  const all = [report.opening, ...report.sections.flatMap((section) => section.slides)];
  const longest = Math.max(0, ...all.map((slide) => slide.medianMs ?? 0));
  const numberColumns = String(all.length).length;
  const texts = (row: Times) => [clock(row.planMs), clock(row.lastMs), clock(row.medianMs), clock(row.differenceMs, true)];
  // Wide enough for the longest time with a space before it (`12:00:00` from ten hours up).
  const timeColumns = Math.max(TIME_COLUMNS, ...[...all, ...report.sections, report.total].flatMap(texts).map((text) => text.length + 1));
  const labelColumns = Math.max(12, width - 4 * timeColumns - BAR_COLUMNS - 3);
  const times = (row: Times) =>
    texts(row)
      .map((text) => text.padStart(timeColumns))
      .join('');
  const label = (text: string) => {
    const cut = truncateAtWord(text, labelColumns);
    return `${cut}${' '.repeat(Math.max(0, labelColumns - stringWidth(cut)))}`;
  };
  const slideRow = (slide: SlideTimes) =>
    `${label(`${String(slide.number).padStart(numberColumns)} ${slide.title}`)}${times(slide)}  ${bar(slide.medianMs, longest)}`.trimEnd();
  const runs = report.runCount === 1 ? '1 run' : `${report.runCount} runs`;
  const lines = [
    `Rehearsals of ${deckName}: ${runs}${report.lastRunDate === undefined ? '' : `, the last on ${report.lastRunDate.slice(0, 16).replace('T', ' ')} UTC`}`,
    '',
    `${label('')}${['plan', 'last', 'median', 'diff'].map((text) => text.padStart(timeColumns)).join('')}`,
    slideRow(report.opening),
  ];
  for (const section of report.sections) {
    lines.push(`${label(section.title)}${times(section)}`);
    for (const slide of section.slides) lines.push(slideRow(slide));
  }
  lines.push(`${label('Total')}${times(report.total)}`);
  const { durationMs } = report;
  const lastMs = report.total.lastMs;
  if (durationMs !== undefined && lastMs !== undefined) {
    const spare = durationMs - lastMs;
    const verdict = Math.abs(spare) < 500 ? 'on time' : spare > 0 ? `${clock(spare)} to spare` : `${clock(-spare)} over`;
    lines.push('', `The last run took ${clock(lastMs)} of the talk's ${clock(durationMs)}: ${verdict}.`);
  } else if (durationMs === undefined) {
    lines.push('', 'The deck sets no duration: only slides with their own duration: have a plan.');
  }
  if (report.unmatchedSlides > 0)
    lines.push(
      `${report.unmatchedSlides} recorded ${report.unmatchedSlides === 1 ? 'slide has' : 'slides have'} a title no slide of the deck has now; not counted.`,
    );
  return `${lines.join('\n')}\n`;
}
