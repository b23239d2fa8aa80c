#!/usr/bin/env node
// Bundles the CLI into an ES module, dist/inkdeck-app.js, and a chunk per lazily loaded part (each
// command's), so start-up reads a few files instead of hundreds and a command loads only what it
// uses, with the binary dist/inkdeck.js (src/bin.ts) that runs it.
import { bundleApp } from './bundle-app.mjs';

await bundleApp({ entry: 'src/main.tsx', directory: 'dist' });
