import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { withoutFetch, YOGA_FETCH_CHECK } from '../src/patches/yoga-without-fetch.js';
import { runCli } from './helpers/cli.js';
import { ROOT } from './helpers/paths.js';

describe('loading Yoga without fetch (src/patches/yoga-without-fetch.ts)', () => {
  it('still applies to the pinned yoga-layout: its loader decodes the bytes itself when fetch is not a function', () => {
    // Ink's own yoga-layout, the one the bundle takes.
    const inkRequire = createRequire(createRequire(path.join(ROOT, 'package.json')).resolve('ink'));
    const entry = inkRequire.resolve('yoga-layout');
    const yogaRoot = entry.slice(0, entry.lastIndexOf(`${path.sep}yoga-layout${path.sep}`) + '/yoga-layout/'.length);
    const loader = readFileSync(path.join(yogaRoot, 'dist/binaries/yoga-wasm-base64-esm.js'), 'utf8');
    expect(loader).toContain(YOGA_FETCH_CHECK);
    expect(loader).toMatch(/"data:application\/octet-stream;base64,/);
  });

  it('draws the same frame as with fetch', async () => {
    const args = ['render', 'slides.yaml', '--slide', '2'];
    const [patched, unpatched] = await Promise.all([runCli(args), runCli(args, { INKDECK_WITH_FETCH: '1' })]);
    expect(patched.code).toBe(0);
    expect(patched.stdout).toContain('slide 2/');
    expect(patched).toEqual(unpatched);
  });

  it('puts fetch back exactly as it was, Node\'s lazy getter included, also when loading fails', async () => {
    const before = Object.getOwnPropertyDescriptor(globalThis, 'fetch');
    expect(await withoutFetch(async () => typeof globalThis.fetch)).toBe('undefined');
    expect(Object.getOwnPropertyDescriptor(globalThis, 'fetch')).toEqual(before);
    await expect(withoutFetch(() => Promise.reject(new Error('no')))).rejects.toThrow('no');
    expect(Object.getOwnPropertyDescriptor(globalThis, 'fetch')).toEqual(before);
  });
});
