#!/usr/bin/env node
// The `inkdeck` binary, dist/inkdeck.js: runs the bundled app, dist/inkdeck-app.cjs, with its
// code cache (src/launch/code-cache.ts). It loads nothing but Node's own modules before the app.
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { setFlagsFromString } from 'node:v8';
import { compileBundle } from './launch/code-cache.js';

// no-color.org: a non-empty NO_COLOR turns colour off. Chalk, which Ink draws with, decides its
// colour level from FORCE_COLOR once, when it is first loaded, so set it before the app runs.
if (process.env.NO_COLOR) process.env.FORCE_COLOR = '0';

const app = compileBundle(fileURLToPath(new URL('inkdeck-app.cjs', import.meta.url)), fileURLToPath(new URL('inkdeck-app.code-cache', import.meta.url)));
// The build sets this to keep what the run compiled (scripts/bundle.mjs).
const cacheFile = process.env.INKDECK_WRITE_CODE_CACHE || undefined;
// Yoga's WebAssembly stays with V8's baseline compiler, Liftoff. Left to tier up, V8 had TurboFan
// compile some of its functions again in the background as soon as the first frame laid out: one
// took 41 ms and 9.9 MB of compiler memory (`--trace-wasm-compilation-times`), and the app's peak
// RSS rose 7 MiB, to 80 MiB, just after the first frame. Key-to-frame times stay the same (issue
// #7). The flag is read when a WebAssembly module is compiled, which app.run() starts. It is set
// only after the bundle is compiled, and not in the build's run: V8 accepts a code cache only
// under the flags it was made with, and setting a flag back does not undo that.
if (cacheFile === undefined) setFlagsFromString('--liftoff-only');
const { main, yogaReady } = app.run();
await yogaReady;
process.exitCode = await main(process.argv);
if (cacheFile !== undefined) writeFileSync(cacheFile, app.createCache());
