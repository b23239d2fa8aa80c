#!/usr/bin/env node
// Bundles the CLI into one ES module, dist/inkdeck-app.js, so start-up reads one file instead of
// hundreds, with the binary dist/inkdeck.js (src/bin.ts) that runs it.
import { bundleApp } from './bundle-app.mjs';

await bundleApp({ entry: "export { main } from './src/main.js';", directory: 'dist' });
