#!/usr/bin/env node
// Bundles the CLI into one CommonJS file, dist/inkdeck-app.cjs, so start-up loads one module
// instead of hundreds (issue #7), with the binary dist/inkdeck.js (src/bin.ts) that runs it and
// the code cache of one run of the talk (scripts/bundle-app.mjs says how).
import { bundleApp } from './bundle-app.mjs';

await bundleApp({
  entry: "export { main } from './src/main.js';",
  directory: 'dist',
  // The talk as a presenter gives it: the keys that move, the overview, the help, a jump, and a
  // smaller terminal, so that the code cache holds what they run.
  args: ['present', 'slides.yaml'],
  script: ['\u001B[C', '\u001B[C', '\u001B[C', '\u001B[D', 'n', 'n', 'o', '\u001B[C', '\r', '?', 'x', '1', '2', '\r', 'G', 'g', { columns: 40, rows: 12 }],
});
