import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatDuration, parseDuration } from '../src/deck/duration.js';
import { DeckError } from '../src/deck/deck-error.js';
import { parseDeck } from '../src/deck/load-deck.js';
import { buildSlides, type Slide } from '../src/deck/slides.js';
import { applyDurations } from '../src/rehearsal/apply-durations.js';
import { countTo, recordMove, recordTimerChange, runOf, startRecording } from '../src/rehearsal/recording.js';
import { RehearsalRecorder } from '../src/rehearsal/rehearsal-recorder.js';
import { readTimingsFile, saveRun, timingsFileOf, type TimingsFile } from '../src/rehearsal/timings-file.js';
import { formatTimingsTable, median, timingsReport } from '../src/rehearsal/timings-report.js';
import { SLIDES_YAML } from './helpers/paths.js';

const DECK = `title: Talk
duration: 10m
sections:
  - id: one
    title: One
    slides:
      - title: Alpha
        bullets: [a]
      - title: Beta
        reveal: true
        bullets: [a, b]
  - id: two
    title: Two
    slides:
      - title: Gamma
        bullets: [c]
`;
const deck = parseDeck(DECK, 'talk.yaml');
// 0 title, 1 One, 2 Alpha, 3 Beta (3 steps), 4 Two, 5 Gamma
const slides = buildSlides(deck);

/** A recorder writing into a folder of its own, on the clock `now` and the slides `slidesOf` gives. */
function recorderOn(now: () => number, slidesOf: () => readonly Slide[] = () => slides): RehearsalRecorder {
  const directory = mkdtempSync(path.join(tmpdir(), 'inkdeck-rehearsal-'));
  return new RehearsalRecorder({ file: path.join(directory, 't.json'), deck: 't.yaml', before: undefined, slides: slidesOf, now });
}

describe('a recording', () => {
  it('counts the talk time between moves on the step the talk was on', () => {
    let recording = startRecording({ slide: 0, step: 0 }, 0);
    recording = recordMove(recording, { slide: 2, step: 0 }, 5_000);
    recording = recordMove(recording, { slide: 3, step: 0 }, 65_000);
    recording = recordMove(recording, { slide: 3, step: 1 }, 70_000);
    recording = recordMove(recording, { slide: 3, step: 2 }, 72_500);
    // Back to a step already spent time on: it adds up.
    recording = recordMove(recording, { slide: 3, step: 1 }, 80_000);
    recording = countTo(recording, 81_000);
    expect(Object.fromEntries(recording.stepsMs)).toEqual({ 0: [5_000], 2: [60_000], 3: [5_000, 3_500, 7_500] });
  });

  it('counts nothing while the timer is paused, and starts again from a reset timer', () => {
    let recording = startRecording({ slide: 2, step: 0 }, 10_000);
    // Paused at 12 s (old timer 12 s, the paused one reads 12 s too), then 30 s of real time pass.
    recording = recordTimerChange(recording, 12_000, 12_000);
    recording = countTo(recording, 12_000);
    // Resumed, and the talk moves on at 15 s of talk time.
    recording = recordMove(recording, { slide: 3, step: 0 }, 15_000);
    // Reset while on slide 3 at 20 s: the new timer reads 0, and 4 s later the talk moves.
    recording = recordTimerChange(recording, 20_000, 0);
    recording = recordMove(recording, { slide: 5, step: 0 }, 4_000);
    expect(Object.fromEntries(recording.stepsMs)).toEqual({ 2: [5_000], 3: [9_000] });
  });

  it('becomes a run naming each slide by number, title and section, in deck order', () => {
    let recording = startRecording({ slide: 5, step: 0 }, 0);
    recording = recordMove(recording, { slide: 0, step: 0 }, 1_000.4);
    recording = countTo(recording, 3_000);
    expect(runOf(recording, slides, '2026-12-06T10:00:00.000Z')).toEqual({
      date: '2026-12-06T10:00:00.000Z',
      slides: [
        { number: 1, title: 'Talk', stepsMs: [2_000] },
        { number: 6, title: 'Gamma', section: 'Two', stepsMs: [1_000] },
      ],
    });
  });
});

describe('the rehearsal recorder', () => {
  it('follows the timer it is told of, and writes its run again and again in one entry', () => {
    const directory = mkdtempSync(path.join(tmpdir(), 'inkdeck-rehearsal-'));
    const file = path.join(directory, 'talk.timings.json');
    let now = 1_000;
    const recorder = new RehearsalRecorder({
      file,
      deck: 'talk.yaml',
      before: undefined,
      slides: () => slides,
      now: () => now,
      date: '2026-12-06T10:00:00.000Z',
    });
    recorder.move({ slide: 0, step: 0 });
    expect(recorder.save()).toBeUndefined();
    recorder.timerChanged({ accumulatedMs: 0, runningSince: 1_000 });
    now = 4_000;
    recorder.move({ slide: 1, step: 0 });
    now = 6_000;
    recorder.save();
    // Paused for a minute on slide 2: that minute is not the slide's.
    recorder.move({ slide: 2, step: 0 });
    recorder.timerChanged({ accumulatedMs: 5_000 });
    now = 66_000;
    recorder.timerChanged({ accumulatedMs: 5_000, runningSince: 66_000 });
    now = 70_000;
    recorder.save();
    const written = JSON.parse(readFileSync(file, 'utf8')) as TimingsFile;
    expect(written.runs).toHaveLength(1);
    expect(written.runs[0]?.slides.map((slide) => [slide.number, slide.stepsMs])).toEqual([
      [1, [3_000]],
      [2, [2_000]],
      [3, [4_000]],
    ]);
  });
});

describe('the rehearsal recorder, at the start', () => {
  it.each([
    ['position first', true],
    ['timer first', false],
  ])('times the first slide from when the app started the timer, told of it later (%s)', (_order, isPositionFirst) => {
    let now = 1_000;
    const recorder = recorderOn(() => now);
    // Started with the first render at 1 005 ms; the app tells of it and of the position at 1 030 ms.
    const started = { accumulatedMs: 0, runningSince: 1_005 };
    now = 1_030;
    if (isPositionFirst) recorder.move({ slide: 0, step: 0 });
    recorder.timerChanged(started);
    if (!isPositionFirst) recorder.move({ slide: 0, step: 0 });
    now = 2_005;
    recorder.move({ slide: 1, step: 0 });
    expect(recorder.run().slides[0]?.stepsMs).toEqual([1_000]);
  });

  it('counts from the time a timer already running reads, when the view joins a talk under way', () => {
    let now = 100_000;
    const recorder = recorderOn(() => now);
    recorder.timerChanged({ accumulatedMs: 60_000, runningSince: 40_000 });
    recorder.move({ slide: 2, step: 0 });
    now = 103_000;
    recorder.move({ slide: 3, step: 0 });
    expect(recorder.run().slides.map((slide) => slide.stepsMs)).toEqual([[3_000]]);
  });
});

describe('the timings file', () => {
  const directory = () => mkdtempSync(path.join(tmpdir(), 'inkdeck-timings-'));
  const run = (date: string, ms: number) => ({ date, slides: [{ number: 3, title: 'Alpha', section: 'One', stepsMs: [ms] }] });

  it('is named after the deck, beside it', () => {
    expect(timingsFileOf('talks/talk.yaml')).toBe(path.join('talks', 'talk.timings.json'));
    expect(timingsFileOf('talk.yml')).toBe('talk.timings.json');
    expect(timingsFileOf('talk.deck')).toBe('talk.deck.timings.json');
  });

  it('keeps every run in date order, a run written again in its own place, and reads back', () => {
    const file = path.join(directory(), 'talk.timings.json');
    saveRun(file, 'talk.yaml', run('2026-12-06T10:00:00.000Z', 1_000), undefined);
    saveRun(file, 'talk.yaml', run('2026-12-06T12:00:00.000Z', 2_000), undefined);
    saveRun(file, 'talk.yaml', run('2026-12-06T10:00:00.000Z', 1_500), undefined);
    expect(readTimingsFile(file)?.runs.map((each) => [each.date.slice(11, 13), each.slides[0]?.stepsMs[0]])).toEqual([
      ['10', 1_500],
      ['12', 2_000],
    ]);
    expect(readTimingsFile(path.join(directory(), 'none.json'))).toBeUndefined();
  });

  it('takes what it last wrote for the file while no one else has written it, and reads it again once someone has', () => {
    const file = path.join(directory(), 'talk.timings.json');
    const first = saveRun(file, 'talk.yaml', run('2026-12-06T10:00:00.000Z', 1_000), undefined);
    const again = saveRun(file, 'talk.yaml', run('2026-12-06T10:00:00.000Z', 1_500), undefined, first);
    expect(again.timings.runs.map((each) => each.slides[0]?.stepsMs[0])).toEqual([1_500]);
    // Another rehearsal of the same deck writes its run in between.
    saveRun(file, 'talk.yaml', run('2026-12-06T11:00:00.000Z', 9_000), undefined);
    saveRun(file, 'talk.yaml', run('2026-12-06T10:00:00.000Z', 2_000), undefined, again);
    expect(readTimingsFile(file)?.runs.map((each) => each.slides[0]?.stepsMs[0])).toEqual([2_000, 9_000]);
  });

  it('never loses the runs it read when the file breaks under it', () => {
    const file = path.join(directory(), 'talk.timings.json');
    saveRun(file, 'talk.yaml', run('2026-12-06T10:00:00.000Z', 1_000), undefined);
    const before = readTimingsFile(file);
    writeFileSync(file, '{"deck": "talk.yaml", "runs": [');
    saveRun(file, 'talk.yaml', run('2026-12-06T12:00:00.000Z', 2_000), before);
    expect(readTimingsFile(file)?.runs).toHaveLength(2);
  });

  it.each([
    ['{"deck": "talk.yaml", "runs": [}', 1, 1, 'JSON syntax: this { is never closed with }'],
    ['{\n  "deck": "talk.yaml",\n  "runs": [{"date": "yesterday", "slides": []}]\n}\n', 3, 21, 'expected a date and time'],
    [
      '{\n  "deck": "talk.yaml",\n  "runs": [{"date": "2026-12-06T10:00:00.000Z", "slides": [{"number": 1, "title": "T", "stepMs": [1]}]}]\n}\n',
      3,
      88,
      'unknown key "stepMs"; did you mean "stepsMs"?',
    ],
  ])('says where a broken one is wrong: %j', (text, line, column, message) => {
    const file = path.join(directory(), 'talk.timings.json');
    writeFileSync(file, text);
    let error: unknown;
    try {
      readTimingsFile(file);
    } catch (thrown) {
      error = thrown;
    }
    expect(error).toBeInstanceOf(DeckError);
    const diagnostic = (error as DeckError).diagnostics.find((each) => each.message.includes(message));
    expect(diagnostic).toMatchObject({ file, line, column });
  });
});

describe('the timings report', () => {
  const timings: TimingsFile = {
    deck: 'talk.yaml',
    runs: [
      {
        date: '2026-12-06T10:00:00.000Z',
        slides: [
          { number: 3, title: 'Alpha', section: 'One', stepsMs: [60_000] },
          { number: 4, title: 'Beta', section: 'One', stepsMs: [10_000, 20_000, 30_000] },
        ],
      },
      { date: '2026-12-06T11:00:00.000Z', slides: [{ number: 3, title: 'Alpha', section: 'One', stepsMs: [90_000] }] },
      // Slide numbers from a deck with one more slide first: found by title and section.
      {
        date: '2026-12-06T12:00:00.000Z',
        slides: [
          { number: 4, title: 'Alpha', section: 'One', stepsMs: [120_000] },
          { number: 9, title: 'Gone', section: 'Two', stepsMs: [1] },
        ],
      },
    ],
  };

  it('takes medians of the runs that reached a slide', () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 2, 3])).toBe(2.5);
    expect(median([])).toBeUndefined();
  });

  it('gives each slide its plan, last run, median and difference, each section their sums, and the total', () => {
    const report = timingsReport(slides, timings, 600_000);
    // 10 minutes shared: weights title .5, sections .5 each, content 1 each: 4.5 -> 133 333 ms a weight.
    const alpha = report.sections[0]?.slides[1];
    expect(alpha).toMatchObject({ number: 3, title: 'Alpha', runs: 3, lastMs: 120_000, medianMs: 90_000, stepMediansMs: [90_000] });
    expect(alpha?.planMs).toBeCloseTo(133_333, 0);
    expect(alpha?.differenceMs).toBeCloseTo(90_000 - 133_333, 0);
    const beta = report.sections[0]?.slides[2];
    expect(beta).toMatchObject({ runs: 1, medianMs: 60_000, stepMediansMs: [10_000, 20_000, 30_000] });
    expect(beta?.lastMs).toBeUndefined();
    expect(report.sections[0]).toMatchObject({ title: 'One', lastMs: 120_000, medianMs: 150_000 });
    expect(report.total).toMatchObject({ planMs: 600_000, lastMs: 120_000, medianMs: 150_000, differenceMs: -450_000 });
    expect(report).toMatchObject({ runCount: 3, lastRunDate: '2026-12-06T12:00:00.000Z', unmatchedSlides: 1 });
  });

  it('plans only slides with their own duration when the deck has none', () => {
    const own = buildSlides(
      parseDeck(
        DECK.replace('duration: 10m\n', '').replace('      - title: Gamma\n', '      - title: Gamma\n        duration: 2m\n'),
        'talk.yaml',
      ),
    );
    const report = timingsReport(own, timings, undefined);
    expect(report.sections[1]?.slides[1]?.planMs).toBe(120_000);
    expect(report.sections[0]?.slides[1]?.planMs).toBeUndefined();
    expect(report.total.planMs).toBe(120_000);
  });

  it('prints a table with a bar for each slide, the longest one full', () => {
    const table = formatTimingsTable(timingsReport(slides, timings, 600_000), 'talk.yaml', 80);
    const lines = table.split('\n');
    expect(lines[0]).toBe('Rehearsals of talk.yaml: 3 runs, the last on 2026-12-06 12:00 UTC');
    expect(lines.find((line) => line.includes('Alpha'))).toMatch(/^3 Alpha +2:13 +2:00 +1:30 +-0:43 +█{12}$/);
    // Beta's median is 2/3 of Alpha's: 8 columns of 12.
    expect(lines.find((line) => line.includes('Beta'))).toMatch(/ +2:13 +— +1:00 +-1:13 +█{8}$/);
    expect(lines.find((line) => line.startsWith('Total'))).toMatch(/10:00 +2:00 +2:30 +-7:30$/);
    expect(table).toContain("The last run took 2:00 of the talk's 10:00: 8:00 to spare.");
    expect(table).toContain('1 recorded slide has a title no slide of the deck has now; not counted.');
    for (const line of lines) expect(line.length).toBeLessThanOrEqual(80);
  });
});

describe('durations', () => {
  it.each([
    [1_000, '1s'],
    [400, '1s'],
    [90_400, '1m30s'],
    [3_600_000, '1h'],
    [3_723_000, '1h2m3s'],
  ])('%d ms is written %s, and read back', (ms, text) => {
    expect(formatDuration(ms)).toBe(text);
    expect(parseDuration(text)).toBe(Math.max(1_000, Math.round(ms / 1000) * 1000));
  });
});

/** applyDurations on `text`, a deck named talk.yaml, with each [slide index, milliseconds]. */
function applyTo(text: string, durations: readonly (readonly [number, number])[]) {
  return applyDurations(text, 'talk.yaml', parseDeck(text, 'talk.yaml'), new Map(durations));
}

describe('writing durations into a deck', () => {
  /** The lines of `after` that are not in `before`, and the reverse. */
  const changedLines = (before: string, after: string) => {
    const old = before.split(/\r?\n|\r/);
    const next = after.split(/\r?\n|\r/);
    return { added: next.filter((line) => !old.includes(line)), removed: old.filter((line) => !next.includes(line)) };
  };

  it("adds duration: under each slide's title in slides.yaml, and changes nothing else", () => {
    const text = readFileSync(SLIDES_YAML, 'utf8');
    const shown = parseDeck(text, 'slides.yaml');
    const all = buildSlides(shown);
    const content = all.flatMap((slide, index) => (slide.kind === 'content' ? [index] : []));
    const applied = applyDurations(text, 'slides.yaml', shown, new Map(content.map((index, at) => [index, 30_000 + at * 1_000])));
    expect(applied.written).toEqual(content);
    // Taking the added lines out gives the file back, byte for byte.
    const added = applied.text.split('\n').filter((line) => /^ +duration: \d+m?\d*s?$/.test(line));
    expect(added).toHaveLength(content.length);
    expect(
      applied.text
        .split('\n')
        .filter((line) => !added.includes(line))
        .join('\n'),
    ).toBe(text);
    const reread = buildSlides(parseDeck(applied.text, 'slides.yaml'));
    content.forEach((index, at) => {
      const slide = reread[index];
      expect(slide?.kind === 'content' ? slide.durationMs : undefined).toBe(30_000 + at * 1_000);
    });
  });

  it('replaces a duration in place, keeping its quotes and comment, and writes into a flow mapping', () => {
    const text = [
      'title: Talk  # the talk',
      'sections:',
      '  - id: one',
      '    title: One',
      '    slides:',
      '      - title: "Alpha"   # first',
      '        duration: "2m"  # was a guess',
      '',
      '        bullets: [a]',
      '      - {title: Beta, bullets: [b]}',
      '      - title: |',
      '          Gamma',
      '        bullets: [c]',
      '',
    ].join('\n');
    const applied = applyTo(text, [
      [2, 95_000],
      [3, 40_000],
      [4, 61_000],
    ]);
    // The input, with the three changes and nothing else.
    expect(applied.text).toBe(
      text
        .replace('duration: "2m"  # was a guess', 'duration: "1m35s"  # was a guess')
        .replace('{title: Beta, bullets: [b]}', '{title: Beta, bullets: [b], duration: 40s}')
        .replace('          Gamma\n', '          Gamma\n        duration: 1m1s\n'),
    );
  });

  it('keeps CRLF line endings and a byte order mark, and passes over a slide shared through an anchor and alias', () => {
    const text =
      '\uFEFFtitle: Talk\r\nsections:\r\n  - id: one\r\n    title: One\r\n    slides:\r\n      - &a\r\n        title: Alpha\r\n        bullets: [a]\r\n      - *a\r\n';
    const applied = applyTo(text, [
      [2, 10_000],
      [3, 20_000],
    ]);
    // The anchored slide and its alias are one mapping: neither is written.
    expect(applied.text).toBe(text);
    expect(applied).toMatchObject({ written: [], shared: [2, 3] });
    const plain = text.replace(
      '      - &a\r\n        title: Alpha\r\n        bullets: [a]\r\n      - *a\r\n',
      '      - title: Alpha\r\n        bullets: [a]\r\n',
    );
    const written = applyDurations(plain, 'talk.yaml', parseDeck(plain, 'talk.yaml'), new Map([[2, 10_000]]));
    expect(changedLines(plain, written.text)).toEqual({ added: ['        duration: 10s'], removed: [] });
    expect(written.text.startsWith('\uFEFF')).toBe(true);
    expect(written.text).toContain('      - title: Alpha\r\n        duration: 10s\r\n');
  });
});

describe('inkdeck timings --apply on a file', () => {
  it('keeps the byte order mark the loader drops from the text it reads', async () => {
    const { timingsCommand } = await import('../src/commands/timings.js');
    const directory = mkdtempSync(path.join(tmpdir(), 'inkdeck-apply-'));
    const deckFile = path.join(directory, 'talk.yaml');
    writeFileSync(deckFile, `\uFEFF${DECK}`);
    saveRun(
      timingsFileOf(deckFile),
      'talk.yaml',
      { date: '2026-12-06T10:00:00.000Z', slides: [{ number: 3, title: 'Alpha', section: 'One', stepsMs: [42_000] }] },
      undefined,
    );
    const { notes } = await timingsCommand(deckFile, { format: 'text', apply: true, columns: 80 });
    expect(notes).toBe(`${deckFile}: duration: written on 1 slide, each its median time\n`);
    expect(readFileSync(deckFile, 'utf8')).toBe(
      `\uFEFF${DECK.replace('      - title: Alpha\n', '      - title: Alpha\n        duration: 42s\n')}`,
    );
  });
});

describe('the timings table, for long times', () => {
  it('keeps a space between its columns from ten hours up', () => {
    const long: TimingsFile = {
      deck: 'talk.yaml',
      runs: [{ date: '2026-12-06T10:00:00.000Z', slides: [{ number: 3, title: 'Alpha', section: 'One', stepsMs: [36_000_000] }] }],
    };
    const line = formatTimingsTable(timingsReport(slides, long, 600_000), 'talk.yaml', 80)
      .split('\n')
      .find((row) => row.includes('Alpha'));
    expect(line).toMatch(/^3 Alpha +2:13 +10:00:00 +10:00:00 +\+9:57:47 +█{12}$/);
  });
});

describe('inkdeck timings --apply on a read-only deck', () => {
  it('refuses it, as an editor would, and leaves it as it was', async () => {
    const { timingsCommand } = await import('../src/commands/timings.js');
    const directory = mkdtempSync(path.join(tmpdir(), 'inkdeck-apply-'));
    const deckFile = path.join(directory, 'talk.yaml');
    writeFileSync(deckFile, DECK, { mode: 0o444 });
    saveRun(
      timingsFileOf(deckFile),
      'talk.yaml',
      { date: '2026-12-06T10:00:00.000Z', slides: [{ number: 3, title: 'Alpha', section: 'One', stepsMs: [42_000] }] },
      undefined,
    );
    await expect(timingsCommand(deckFile, { format: 'text', apply: true, columns: 80 })).rejects.toThrow(
      `cannot write ${deckFile}: it is read-only`,
    );
    expect(readFileSync(deckFile, 'utf8')).toBe(DECK);
  });
});

describe('the rehearsal recorder, when the deck is saved during the rehearsal', () => {
  it('keeps the time recorded before the save with the slides it was spent on (a fresh-eyes trial saw it moved)', () => {
    // Alpha removed, Beta renamed: Beta Two is now slide 3, where Alpha was.
    const saved = buildSlides(
      parseDeck(DECK.replace('      - title: Alpha\n        bullets: [a]\n', '').replace('title: Beta', 'title: Beta Two'), 'talk.yaml'),
    );
    let shown = slides;
    let now = 0;
    const recorder = recorderOn(
      () => now,
      () => shown,
    );
    recorder.timerChanged({ accumulatedMs: 0, runningSince: 0 });
    recorder.move({ slide: 2, step: 0 });
    now = 3_000;
    recorder.move({ slide: 3, step: 0 });
    now = 5_000;
    // The save: the view shows the new slides, and the talk, relocated, is on Beta Two, slide 3.
    shown = saved;
    recorder.move({ slide: 2, step: 0 });
    now = 9_000;
    expect(recorder.run().slides).toEqual([
      { number: 3, title: 'Alpha', section: 'One', stepsMs: [3_000] },
      { number: 3, title: 'Beta Two', section: 'One', stepsMs: [4_000] },
      { number: 4, title: 'Beta', section: 'One', stepsMs: [2_000] },
    ]);
  });
});
