#!/usr/bin/env node
// Where the first frame's time goes: builds the app unminified (as PROFILE_BUNDLE=1 does) into a
// folder of its own, starts `present slides.yaml` in an 80x24 pseudo-terminal under
// `node --cpu-prof` RUNS times (the first fills the compile cache and is not counted), quits at
// the first frame, and prints the median self time of each package or source folder, as the
// bundle's `// path` comments say where each function comes from. Usage: node bench/profile-start.mjs
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import * as pty from '@lydell/node-pty';
import { bundleApp } from '../scripts/bundle-app.mjs';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const RUNS = Number(process.env.PROFILE_RUNS ?? 6);

process.env.PROFILE_BUNDLE = '1';
const directory = mkdtempSync(path.join(ROOT, 'bench/.profile-'));
writeFileSync(path.join(directory, 'package.json'), '{ "type": "module" }\n');
await bundleApp({ entry: 'src/main.tsx', directory });
const cli = path.join(directory, 'inkdeck.js');

/** The package (`node_modules/yaml`) or source folder (`src/deck`) a bundle's line belongs to. */
const sources = new Map();
function ownerOf(url, line) {
  if (url.startsWith('node:')) return 'node (its own modules)';
  if (url === '') return undefined;
  const file = url.startsWith('file:') ? fileURLToPath(url) : url;
  if (!file.startsWith(directory))
    return file.includes('node_modules/') ? `node_modules/${file.split('node_modules/').at(-1).split('/')[0]}` : 'other';
  let lines = sources.get(file);
  if (lines === undefined) sources.set(file, (lines = readFileSync(file, 'utf8').split('\n')));
  for (let at = line; at >= 0; at -= 1) {
    // esbuild's comment naming the module that follows (not an annotation like @__PURE__).
    const match = /^\/\/ ((?:node_modules|src|bench)\/\S+)$/.exec(lines[at] ?? '');
    if (match === null) continue;
    const parts = match[1].split('/');
    return parts[0] === 'node_modules' ? parts.slice(0, parts[1].startsWith('@') ? 3 : 2).join('/') : parts.slice(0, 2).join('/');
  }
  // A function defined before the first module's comment: a chunk's own top level (line 0),
  // where V8 counts the evaluation of the whole file, or esbuild's helpers.
  return line === 0 ? 'top level of the bundle files (evaluating them)' : 'esbuild helpers';
}

function profileOnce(profiles) {
  return new Promise((resolve) => {
    const env = { ...process.env, TERM: 'xterm-256color', XDG_RUNTIME_DIR: mkdtempSync(path.join(tmpdir(), 'inkdeck-profile-')) };
    delete env.CI;
    const started = performance.now();
    let screen = '';
    let firstFrameMs;
    const child = pty.spawn(
      process.execPath,
      ['--cpu-prof', `--cpu-prof-dir=${profiles}`, '--cpu-prof-interval=100', cli, 'present', 'slides.yaml'],
      {
        cols: 80,
        rows: 24,
        cwd: ROOT,
        env,
      },
    );
    child.onData((data) => {
      screen += data;
      if (firstFrameMs === undefined && screen.includes('slide 1/')) {
        firstFrameMs = performance.now() - started;
        child.write('q');
      }
    });
    child.onExit(() => resolve(firstFrameMs));
  });
}

const totals = new Map();
const frames = [];
for (let run = 0; run <= RUNS; run += 1) {
  const profiles = mkdtempSync(path.join(tmpdir(), 'inkdeck-cpuprofile-'));
  const firstFrameMs = await profileOnce(profiles);
  const file = readdirSync(profiles).find((name) => name.endsWith('.cpuprofile'));
  const profile = JSON.parse(readFileSync(path.join(profiles, file), 'utf8'));
  rmSync(profiles, { recursive: true, force: true });
  if (run === 0) continue;
  frames.push(firstFrameMs);
  // Self time over the whole run, which quits as soon as the first frame is on the screen.
  const nodes = new Map(profile.nodes.map((node) => [node.id, node]));
  const self = new Map();
  profile.samples.forEach((id, index) => {
    const node = nodes.get(id);
    const { url, lineNumber, functionName } = node.callFrame;
    const owner = ownerOf(url, lineNumber) ?? `(${functionName || 'native'})`;
    self.set(owner, (self.get(owner) ?? 0) + (profile.timeDeltas[index] ?? 0) / 1000);
  });
  for (const [owner, ms] of self) totals.set(owner, [...(totals.get(owner) ?? []), ms]);
}
rmSync(directory, { recursive: true, force: true });

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0;
console.log(`first frame under the profiler, median of ${RUNS}: ${median(frames).toFixed(0)} ms (Node ${process.version})`);
const rows = [...totals.entries()].map(([owner, values]) => [owner, median([...values, ...Array(RUNS - values.length).fill(0)])]);
for (const [owner, ms] of rows.sort((a, b) => b[1] - a[1]).slice(0, 20)) console.log(`${ms.toFixed(1).padStart(7)} ms  ${owner}`);
process.exit(0);
