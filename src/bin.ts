#!/usr/bin/env node
// The `inkdeck` binary, dist/inkdeck.js: runs the bundled app, dist/inkdeck-app.cjs, with its
// code cache (src/launch/code-cache.ts). It loads nothing but Node's own modules before the app.
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { compileBundle } from './launch/code-cache.js';

// no-color.org: a non-empty NO_COLOR turns colour off. Chalk, which Ink draws with, decides its
// colour level from FORCE_COLOR once, when it is first loaded, so set it before the app runs.
if (process.env.NO_COLOR) process.env.FORCE_COLOR = '0';

const app = compileBundle(fileURLToPath(new URL('inkdeck-app.cjs', import.meta.url)), fileURLToPath(new URL('inkdeck-app.code-cache', import.meta.url)));
const { main, yogaReady } = app.run();
await yogaReady;
process.exitCode = await main(process.argv);
// The build sets this to keep what the run compiled (scripts/bundle.mjs).
const cacheFile = process.env.INKDECK_WRITE_CODE_CACHE;
if (cacheFile) writeFileSync(cacheFile, app.createCache());
