#!/usr/bin/env node
// Benchmarks of the built CLI in real pseudo-terminals (node-pty + @xterm/headless), read the
// way a person sees the screen. Prints a table and writes bench/results.json.
// Run with `npm run bench` (it builds first). Numbers are milliseconds unless named otherwise.
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import * as pty from '@lydell/node-pty';
import xtermHeadless from '@xterm/headless';
import { bundleApp } from '../scripts/bundle-app.mjs';

const { Terminal } = xtermHeadless;
const ROOT = fileURLToPath(new URL('..', import.meta.url));
const CLI = path.join(ROOT, 'dist/inkdeck.js');
const RUNS = Number(process.env.BENCH_RUNS ?? 10);
const PRESSES = Number(process.env.BENCH_PRESSES ?? 50);
/**
 * How long after its first frame a process's peak RSS is read, in milliseconds: work that the
 * first frame sets off (V8 compiling in the background, effects, timers) can raise it after.
 */
const SETTLE_MS = 1000;

const hidden = new Set(['CI', 'CONTINUOUS_INTEGRATION', 'FORCE_COLOR', 'NO_COLOR', 'COLUMNS', 'LINES']);
// The user's own key file stays out of the measurements.
const baseEnv = {
  ...Object.fromEntries(Object.entries(process.env).filter(([name]) => !hidden.has(name))),
  XDG_CONFIG_HOME: path.join(tmpdir(), `inkdeck-bench-${process.pid}`, 'config'),
};

/** A process in an 80x24 pseudo-terminal whose screen is checked after every chunk it writes. */
function launch(args, { columns = 80, rows = 24, env = {}, cwd = ROOT } = {}) {
  const terminal = new Terminal({ cols: columns, rows, allowProposedApi: true });
  const child = pty.spawn(process.execPath, args, {
    name: 'xterm-256color',
    cols: columns,
    rows,
    cwd,
    // Each process remembers decks' positions apart: a talk resumed where the last one ended
    // would be another measurement.
    env: { ...baseEnv, TERM: 'xterm-256color', XDG_STATE_HOME: privateRuntime(), ...env },
  });
  const waiters = new Set();
  const screen = () => {
    const buffer = terminal.buffer.active;
    const lines = [];
    for (let row = 0; row < rows; row += 1) lines.push(buffer.getLine(buffer.viewportY + row)?.translateToString(true) ?? '');
    return lines.join('\n');
  };
  child.onData((data) => {
    terminal.write(data, () => {
      const now = performance.now();
      const text = screen();
      for (const waiter of waiters) {
        if (waiter.predicate(text)) {
          waiters.delete(waiter);
          waiter.resolve(now);
        }
      }
    });
  });
  const exited = new Promise((resolve) => child.onExit(resolve));
  /** Resolves with the time the screen first satisfied `predicate`. */
  const until = (predicate, timeoutMs = 10_000) =>
    new Promise((resolve, reject) => {
      const waiter = { predicate, resolve };
      waiters.add(waiter);
      setTimeout(() => {
        if (waiters.delete(waiter)) reject(new Error(`timed out; screen:\n${screen()}`));
      }, timeoutMs);
    });
  return { child, until, exited, screen };
}

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
};
const percentile = (values, p) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
};
const round = (value) => Math.round(value * 10) / 10;
/** A ratio to two decimals: the floor's first frame is within a few hundredths of 2x. */
const ratio = (value) => Math.round(value * 100) / 100;
const shownSlide = (text) => Number(/slide (\d+)\//.exec(text)?.[1] ?? Number.NaN);
/** Temporary directories made for the run; removed at the end. */
const temporary = [];
const privateRuntime = () => {
  const directory = mkdtempSync(path.join(tmpdir(), 'inkdeck-bench-'));
  temporary.push(directory);
  return directory;
};
/** Peak resident set size of a process, in kibibytes (VmHWM). */
const peakRssKiB = (pid) => Number(/VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? Number.NaN);

/**
 * A floor, `bench/<app>`, bundled and cached as the app is, in a directory of its own; returns
 * the path of its binary.
 */
async function buildFloor(app) {
  // Inside the repository, so the bundle finds what it imports at run time (cfonts) in its
  // node_modules, as dist/ does.
  const directory = mkdtempSync(path.join(ROOT, 'bench/.floor-'));
  temporary.push(directory);
  // The binary is an ES module, as dist/inkdeck.js is by the package's "type".
  writeFileSync(path.join(directory, 'package.json'), '{ "type": "module" }\n');
  await bundleApp({ entry: `bench/${app}`, directory });
  return path.join(directory, 'inkdeck.js');
}

/**
 * First frame and peak RSS (read SETTLE_MS after the first frame) of bare node printing a line,
 * of the two floors and of the app, each run in turn so that the machine's drift reaches all.
 */
async function firstFrame() {
  const subjects = {
    bareNode: { args: ['-e', "console.log('ready'); setTimeout(() => {}, 60000)"], drawn: (text) => text.includes('ready') },
    floor: { args: [await buildFloor('floor-app.mjs')], drawn: (text) => text.includes('first frame'), quit: 'q' },
    floorWithDeck: { args: [await buildFloor('floor-deck-app.mjs')], drawn: (text) => text.includes('first frame'), quit: 'q' },
    // The app as `npm start` runs it, sync and live reload on, in a session of its own.
    app: { args: [CLI, 'present', 'slides.yaml'], drawn: (text) => shownSlide(text) === 1, quit: 'q', runtime: true },
  };
  const times = Object.fromEntries(Object.keys(subjects).map((name) => [name, []]));
  const peaks = Object.fromEntries(Object.keys(subjects).map((name) => [name, []]));
  for (let run = 0; run < RUNS; run += 1) {
    for (const [name, subject] of Object.entries(subjects)) {
      const started = performance.now();
      const running = launch(subject.args, { env: subject.runtime ? { XDG_RUNTIME_DIR: privateRuntime() } : {} });
      times[name].push((await running.until(subject.drawn)) - started);
      await new Promise((resolve) => setTimeout(resolve, SETTLE_MS));
      peaks[name].push(peakRssKiB(running.child.pid));
      if (subject.quit === undefined) running.child.kill();
      else running.child.write(subject.quit);
      await running.exited;
    }
  }
  const ms = (name) => median(times[name]);
  const mib = (name) => median(peaks[name]) / 1024;
  // appMs, appPeakRssMiB, appRatio, appRssRatio, and the same for each floor and bare node
  // (which has no ratios).
  const summary = {};
  for (const name of Object.keys(subjects)) {
    summary[`${name}Ms`] = round(ms(name));
    summary[`${name}PeakRssMiB`] = round(mib(name));
    if (name === 'bareNode') continue;
    summary[`${name}Ratio`] = ratio(ms(name) / ms('bareNode'));
    summary[`${name}RssRatio`] = ratio(mib(name) / mib('bareNode'));
  }
  return summary;
}

/**
 * Key-to-frame latency going back and forth between slide `from` and the next one, so every
 * press changes the frame: 1 and 2 are the title and a section divider (big text), 3 and 4
 * content slides.
 */
async function keyToFrame(from = 1) {
  const view = launch([CLI, 'present', 'slides.yaml'], { env: { XDG_RUNTIME_DIR: privateRuntime() } });
  await view.until((text) => shownSlide(text) === 1);
  if (from > 1) {
    view.child.write(`${from}\r`);
    await view.until((text) => shownSlide(text) === from);
  }
  const samples = [];
  for (let press = 0; press < PRESSES; press += 1) {
    const target = press % 2 === 0 ? from + 1 : from;
    const started = performance.now();
    view.child.write(target === from + 1 ? '\u001B[C' : '\u001B[D');
    samples.push((await view.until((text) => shownSlide(text) === target)) - started);
  }
  const peakRssMiB = round(peakRssKiB(view.child.pid) / 1024);
  view.child.write('q');
  await view.exited;
  return { medianMs: round(median(samples)), p95Ms: round(percentile(samples, 95)), peakRssMiB };
}

async function syncLatency() {
  const env = { XDG_RUNTIME_DIR: privateRuntime() };
  const presenter = launch([CLI, 'present', 'slides.yaml', '--presenter', '--no-watch'], { columns: 100, rows: 30, env });
  await presenter.until((text) => shownSlide(text) === 1);
  const audience = launch([CLI, 'present', 'slides.yaml', '--no-watch'], { env });
  await audience.until((text) => shownSlide(text) === 1);
  const samples = [];
  for (let press = 0; press < Math.min(PRESSES, 30); press += 1) {
    const target = press % 2 === 0 ? 2 : 1;
    const started = performance.now();
    presenter.child.write(target === 2 ? '\u001B[C' : '\u001B[D');
    samples.push((await audience.until((text) => shownSlide(text) === target)) - started);
  }
  presenter.child.write('q');
  audience.child.write('q');
  await Promise.all([presenter.exited, audience.exited]);
  return { medianMs: round(median(samples)), p95Ms: round(percentile(samples, 95)), maxMs: round(Math.max(...samples)) };
}

async function reloadLatency() {
  const directory = privateRuntime();
  const file = path.join(directory, 'slides.yaml');
  copyFileSync(path.join(ROOT, 'slides.yaml'), file);
  const original = readFileSync(file, 'utf8');
  const view = launch([CLI, 'present', 'slides.yaml', '--no-sync'], { cwd: directory });
  await view.until((text) => shownSlide(text) === 1);
  view.child.write('3\r');
  await view.until((text) => shownSlide(text) === 3);
  const samples = [];
  for (let run = 0; run < RUNS; run += 1) {
    const title = `Edited title ${run}`;
    const started = performance.now();
    writeFileSync(file, original.replace('Signs of a warming partnership', title));
    samples.push((await view.until((text) => text.includes(title))) - started);
  }
  view.child.write('q');
  await view.exited;
  return { medianMs: round(median(samples)), maxMs: round(Math.max(...samples)) };
}

/** A deck of `count` content slides in sections of ten, like the talk's slides. */
function generatedDeck(count) {
  const lines = ['title: Generated deck', 'duration: 60m', 'sections:'];
  for (let section = 0; section < Math.ceil(count / 10); section += 1) {
    lines.push(`  - id: s${section}`, `    title: Section ${section}`, '    slides:');
    for (let slide = section * 10; slide < Math.min(count, section * 10 + 10); slide += 1) {
      lines.push(
        `      - title: Slide ${slide}`,
        '        bullets: [one short point, another short point, a third point]',
        '        notes: |',
        `          Notes for slide ${slide}. They say what the presenter says.`,
      );
    }
  }
  return `${lines.join('\n')}\n`;
}

/** Runs a command to completion and returns its wall time. */
async function timed(args) {
  const started = performance.now();
  const { spawn } = await import('node:child_process');
  await new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, { cwd: ROOT, stdio: ['ignore', 'ignore', 'inherit'] });
    child.on('error', reject);
    child.on('close', resolve);
  });
  return performance.now() - started;
}

async function scaling() {
  const { loadDeck } = await import(path.join(ROOT, 'dist/index.js'));
  const rows = [];
  for (const count of [10, 100, 1000]) {
    const text = generatedDeck(count);
    const loads = [];
    for (let run = 0; run < 5; run += 1) {
      const started = performance.now();
      loadDeck({ text, path: 'generated.yaml' });
      loads.push(performance.now() - started);
    }
    const directory = privateRuntime();
    writeFileSync(path.join(directory, 'deck.yaml'), text);
    const firstFrames = [];
    const keys = [];
    for (let run = 0; run < 3; run += 1) {
      const started = performance.now();
      const view = launch([CLI, 'present', 'deck.yaml', '--no-sync', '--no-watch'], { cwd: directory });
      firstFrames.push((await view.until((screen) => shownSlide(screen) === 1)) - started);
      if (run === 0) {
        for (let press = 0; press < 30; press += 1) {
          const target = press % 2 === 0 ? 2 : 1;
          const pressed = performance.now();
          view.child.write(target === 2 ? '\u001B[C' : '\u001B[D');
          keys.push((await view.until((screen) => shownSlide(screen) === target)) - pressed);
        }
      }
      view.child.write('q');
      await view.exited;
    }
    rows.push({
      contentSlides: count,
      loadMs: round(median(loads)),
      firstFrameMs: round(median(firstFrames)),
      keyToFrameMedianMs: round(median(keys)),
    });
  }
  return rows;
}

/**
 * Wall time to completion of the commands that draw nothing, each beside bare node printing a
 * line (`node -e`), run in turn RUNS times so the machine's drift reaches all; and of `render`
 * and `export`.
 */
async function commands() {
  const subjects = {
    bareNode: ['-e', "console.log('ready')"],
    version: [CLI, '--version'],
    help: [CLI, '--help'],
    schema: [CLI, 'schema'],
    completion: [CLI, 'completion', 'bash'],
    check: [CLI, 'check', 'slides.yaml'],
    render: [CLI, 'render', 'slides.yaml', '--slide', '3'],
    exportTxt: [CLI, 'export', 'slides.yaml', '--format', 'txt'],
  };
  const times = Object.fromEntries(Object.keys(subjects).map((name) => [name, []]));
  for (let run = 0; run < RUNS; run += 1) {
    for (const [name, args] of Object.entries(subjects)) times[name].push(await timed(args));
  }
  const summary = {};
  for (const name of Object.keys(subjects)) {
    summary[`${name}Ms`] = round(median(times[name]));
    if (name !== 'bareNode') summary[`${name}Ratio`] = ratio(median(times[name]) / median(times.bareNode));
  }
  return summary;
}

/**
 * The first key press after start: the app started afresh RUNS times, each pressed once as soon
 * as its first frame is on the screen, before V8 has warmed up to the keys' code.
 */
async function firstKey() {
  const samples = [];
  for (let run = 0; run < RUNS; run += 1) {
    const view = launch([CLI, 'present', 'slides.yaml'], { env: { XDG_RUNTIME_DIR: privateRuntime() } });
    await view.until((text) => shownSlide(text) === 1);
    const started = performance.now();
    view.child.write('\u001B[C');
    samples.push((await view.until((text) => shownSlide(text) === 2)) - started);
    view.child.write('q');
    await view.exited;
  }
  return { medianMs: round(median(samples)), maxMs: round(Math.max(...samples)) };
}

const results = { date: new Date().toISOString(), node: process.version, runs: RUNS, presses: PRESSES };
results.firstFrame = await firstFrame();
results.firstKey = await firstKey();
results.keyToFrame = await keyToFrame(1);
results.keyToFrameContent = await keyToFrame(3);
results.sync = await syncLatency();
results.reload = await reloadLatency();
results.scaling = await scaling();
results.commands = await commands();

const rows = [
  [
    'first frame of slides.yaml (median)',
    `${results.firstFrame.appMs} ms`,
    `bare node ${results.firstFrame.bareNodeMs} ms, ratio ${results.firstFrame.appRatio}x`,
    'target <= 2x',
  ],
  ['first frame, floor: Ink hello', `${results.firstFrame.floorMs} ms`, `ratio ${results.firstFrame.floorRatio}x`, ''],
  [
    'first frame, floor + loading the deck',
    `${results.firstFrame.floorWithDeckMs} ms`,
    `ratio ${results.firstFrame.floorWithDeckRatio}x`,
    '',
  ],
  [
    `peak RSS, ${SETTLE_MS} ms after (median)`,
    `${results.firstFrame.appPeakRssMiB} MiB`,
    `bare node ${results.firstFrame.bareNodePeakRssMiB} MiB, ratio ${results.firstFrame.appRssRatio}x`,
    'target <= 1.6x',
  ],
  ['peak RSS, floor: Ink hello', `${results.firstFrame.floorPeakRssMiB} MiB`, `ratio ${results.firstFrame.floorRssRatio}x`, ''],
  [
    'peak RSS, floor + loading the deck',
    `${results.firstFrame.floorWithDeckPeakRssMiB} MiB`,
    `ratio ${results.firstFrame.floorWithDeckRssRatio}x`,
    '',
  ],
  [`peak RSS after ${PRESSES} presses 3<->4`, `${results.keyToFrameContent.peakRssMiB} MiB`, '', ''],
  ['first key press after start', `median ${results.firstKey.medianMs} ms`, `max ${results.firstKey.maxMs} ms`, 'target 8 ms'],
  [
    'key to frame, big-title slides 1<->2',
    `median ${results.keyToFrame.medianMs} ms`,
    `p95 ${results.keyToFrame.p95Ms} ms`,
    'target 4 / 12 ms',
  ],
  [
    'key to frame, content slides 3<->4',
    `median ${results.keyToFrameContent.medianMs} ms`,
    `p95 ${results.keyToFrameContent.p95Ms} ms`,
    'target 4 / 12 ms',
  ],
  [
    'presenter move to audience view',
    `median ${results.sync.medianMs} ms`,
    `p95 ${results.sync.p95Ms} ms, max ${results.sync.maxMs} ms`,
    'target 200 ms',
  ],
  ['save to frame (live reload)', `median ${results.reload.medianMs} ms`, `max ${results.reload.maxMs} ms`, 'target 300 ms'],
];
const [small, , large] = results.scaling;
rows.push(
  ['1000-slide deck: load + validate', `${large.loadMs} ms`, `10 slides: ${small.loadMs} ms`, 'target 150 ms'],
  ['1000-slide deck: first frame', `${large.firstFrameMs} ms`, `10 slides: ${small.firstFrameMs} ms`, ''],
  [
    '1000-slide deck: key to frame',
    `median ${large.keyToFrameMedianMs} ms`,
    `10 slides: ${small.keyToFrameMedianMs} ms`,
    'target <= 1.2x default',
  ],
  ['inkdeck render (one frame)', `${results.commands.renderMs} ms`, '', ''],
  ['inkdeck export --format txt', `${results.commands.exportTxtMs} ms`, '', 'target 1 s'],
);
const { commands: timedCommands } = results;
rows.push(
  ...[
    ['--version', 'version', 1.3],
    ['--help', 'help', 1.3],
    ['schema', 'schema', 1.3],
    ['completion bash', 'completion', 1.3],
    ['check slides.yaml', 'check', 1.6],
  ].map(([label, name, target]) => [
    `inkdeck ${label}`,
    `${timedCommands[`${name}Ms`]} ms`,
    `bare node ${timedCommands.bareNodeMs} ms, ratio ${timedCommands[`${name}Ratio`]}x`,
    `target <= ${target}x`,
  ]),
);
for (const row of rows) console.log(`${row[0].padEnd(38)} ${row[1].padEnd(16)} ${row[2].padEnd(36)} ${row[3]}`);
writeFileSync(path.join(ROOT, 'bench/results.json'), `${JSON.stringify(results, null, 2)}\n`);
console.log('\nwritten to bench/results.json');
for (const directory of temporary) rmSync(directory, { recursive: true, force: true });
rmSync(path.join(tmpdir(), `inkdeck-bench-${process.pid}`), { recursive: true, force: true });
process.exit(0);
