import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { formatDuration } from '../src/deck/duration.js';
import { parseDeck } from '../src/deck/load-deck.js';
import { buildSlides } from '../src/deck/slides.js';
import type { TimingsFile } from '../src/rehearsal/timings-file.js';
import type { TimingsReport } from '../src/rehearsal/timings-report.js';
import { runCli } from './helpers/cli.js';
import { KEYS, TerminalSession } from './helpers/terminal.js';

/** A title slide, a section's divider, then the three slides rehearsed. */
const DECK = `# A rehearsal, recorded
title: Three slides
duration: 5m
sections:
  - id: main
    title: Main part
    slides:
      - title: Alpha

        bullets: [one]
      - title: 'Beta'   # quoted, with a comment
        bullets: [two]
      - title: Gamma
        bullets: [three]
`;

const running: TerminalSession[] = [];
afterEach(() => {
  for (const session of running.splice(0)) session.kill('SIGKILL');
});

function deckFolder(): { directory: string; deck: string; timings: string } {
  const directory = mkdtempSync(path.join(tmpdir(), 'inkdeck-rehearse-'));
  writeFileSync(path.join(directory, 'talk.yaml'), DECK);
  return { directory, deck: path.join(directory, 'talk.yaml'), timings: path.join(directory, 'talk.timings.json') };
}

async function rehearse(directory: string, args: string[] = []): Promise<TerminalSession> {
  const view = TerminalSession.start(['present', 'talk.yaml', '--rehearse', '--no-sync', ...args], {
    cwd: directory,
    columns: 100,
    rows: 30,
  });
  running.push(view);
  await view.waitForText('slide 1/5', 10_000);
  return view;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Each slide's time in the timings file's last run, by slide number. */
function lastRun(timings: string): Map<number, number> {
  const file = JSON.parse(readFileSync(timings, 'utf8')) as TimingsFile;
  return new Map((file.runs.at(-1)?.slides ?? []).map((slide) => [slide.number, slide.stepsMs.reduce((sum, ms) => sum + ms, 0)]));
}

describe('present --rehearse, in a real terminal', () => {
  it('records the time on each slide, then timings shows it and --apply writes it into the deck', async () => {
    const { directory, deck, timings } = deckFolder();
    const view = await rehearse(directory);
    expect(view.text()).toContain('Rehearsing: the time on each slide goes to talk.timings.json');
    // Slides 1 to 5 for these times, in milliseconds; the key that leaves a slide is sent once
    // its frame is drawn and the time has passed.
    const plan = [800, 300, 1_500, 500, 2_500];
    for (const [index, ms] of plan.entries()) {
      await view.waitForText(`slide ${index + 1}/5`);
      await sleep(ms);
      view.write(index === plan.length - 1 ? 'q' : KEYS.right);
    }
    expect((await view.exited).exitCode).toBe(0);
    expect(view.output).toContain('rehearsal saved in talk.timings.json');

    const recorded = lastRun(timings);
    // At least the time waited; at most that and the time a frame and a key take under load.
    for (const [index, ms] of plan.entries()) {
      expect(recorded.get(index + 1)).toBeGreaterThanOrEqual(ms - 20);
      expect(recorded.get(index + 1)).toBeLessThan(ms + 1_000);
    }

    const table = await runCli(['timings', 'talk.yaml'], {}, undefined, { cwd: directory });
    expect(table.code).toBe(0);
    expect(table.stdout).toMatch(/^Rehearsals of talk\.yaml: 1 run, the last on \d{4}-\d\d-\d\d \d\d:\d\d UTC$/m);
    expect(table.stdout).toMatch(/^5 Gamma +1:15 +0:0[23] +0:0[23] +-1:1[23] +█{12}$/m);
    expect(table.stdout).toMatch(/^Main part +4:23 +0:0[5-6] +0:0[5-6] +-4:1[78]$/m);

    const json = await runCli(['timings', 'talk.yaml', '--format', 'json'], {}, undefined, { cwd: directory });
    const report = JSON.parse(json.stdout) as TimingsReport & { deck: string };
    expect(report).toMatchObject({ deck: 'talk.yaml', runCount: 1, durationMs: 300_000 });
    const content = report.sections[0]?.slides.filter((slide) => slide.kind === 'content') ?? [];
    expect(content.map((slide) => slide.medianMs)).toEqual([recorded.get(3), recorded.get(4), recorded.get(5)]);

    const applied = await runCli(['timings', 'talk.yaml', '--apply'], {}, undefined, { cwd: directory });
    expect(applied.code).toBe(0);
    expect(applied.stderr).toBe('talk.yaml: duration: written on 3 slides, each its median time\n');
    const written = readFileSync(deck, 'utf8');
    const durations = content.map((slide) => formatDuration(slide.medianMs ?? 0));
    expect(written).toBe(
      DECK.replace('      - title: Alpha\n', `      - title: Alpha\n        duration: ${durations[0]}\n`)
        .replace('# quoted, with a comment\n', `# quoted, with a comment\n        duration: ${durations[1]}\n`)
        .replace('      - title: Gamma\n', `      - title: Gamma\n        duration: ${durations[2]}\n`),
    );
    const check = await runCli(['check', 'talk.yaml'], {}, undefined, { cwd: directory });
    expect(check.code).toBe(0);
    expect(
      buildSlides(parseDeck(written, 'talk.yaml'))
        .filter((slide) => slide.kind === 'content')
        .map((slide) => slide.durationMs),
    ).toEqual(content.map((slide) => Math.max(1_000, Math.round((slide.medianMs ?? 0) / 1000) * 1000)));
  }, 60_000);

  it('keeps the run when ended by SIGTERM, and adds a second run after the first', async () => {
    const { directory, timings } = deckFolder();
    const first = await rehearse(directory);
    first.write(KEYS.right);
    await first.waitForText('slide 2/5');
    await sleep(300);
    first.write('q');
    await first.exited;
    const second = await rehearse(directory);
    second.write(KEYS.right);
    await second.waitForText('slide 2/5');
    second.write(KEYS.right);
    await second.waitForText('slide 3/5');
    await sleep(700);
    // Before the first periodic save: only the save on the way out can have written it.
    second.kill('SIGTERM');
    await second.exited;
    const file = JSON.parse(readFileSync(timings, 'utf8')) as TimingsFile;
    expect(file.runs).toHaveLength(2);
    expect(lastRun(timings).get(3)).toBeGreaterThanOrEqual(680);
  }, 30_000);

  it('writes the run before Ctrl-Z suspends it, so a suspended talk killed with SIGKILL keeps it', async () => {
    const { directory, timings } = deckFolder();
    const view = await rehearse(directory);
    view.write(KEYS.right);
    await view.waitForText('slide 2/5');
    await sleep(600);
    view.write('\u001A');
    // Suspended: the app is stopped, and no periodic save can run.
    const deadline = Date.now() + 5_000;
    while (!existsSync(timings) && Date.now() < deadline) await sleep(20);
    view.kill('SIGKILL');
    await view.exited;
    expect(lastRun(timings).get(2)).toBeGreaterThanOrEqual(580);
  }, 30_000);

  it('refuses a broken timings file before the talk starts, saying where, and leaves it alone', async () => {
    const { directory, timings } = deckFolder();
    writeFileSync(timings, '{"deck": "talk.yaml", "runs": 3}\n');
    const result = await runCli(['present', 'talk.yaml', '--rehearse'], {}, undefined, { cwd: directory });
    expect(result.code).toBe(1);
    expect(result.stderr).toBe('talk.timings.json:1:31: runs: expected a list of runs\n');
    expect(readFileSync(timings, 'utf8')).toBe('{"deck": "talk.yaml", "runs": 3}\n');
    const timingsResult = await runCli(['timings', 'talk.yaml'], {}, undefined, { cwd: directory });
    expect(timingsResult.stderr).toBe('talk.timings.json:1:31: runs: expected a list of runs\n');
    // Timings that cannot be written are said before the talk starts.
    const blocked = deckFolder();
    mkdirSync(blocked.timings);
    const refused = await runCli(['present', 'talk.yaml', '--rehearse'], {}, undefined, { cwd: blocked.directory });
    expect(refused.code).toBe(1);
    expect(refused.stderr).toBe('talk.timings.json: cannot read the file: it is a directory\n');
    const none = await runCli(['timings', 'talk.yaml'], {}, undefined, { cwd: deckFolder().directory });
    expect(none).toMatchObject({
      code: 1,
      stderr: 'inkdeck: no rehearsal of talk.yaml yet (no talk.timings.json); record one with: inkdeck present talk.yaml --rehearse\n',
    });
  }, 30_000);
});
