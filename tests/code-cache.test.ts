import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { BUILD_ID_LENGTH, compileBundle } from '../src/launch/code-cache.js';
import { runCli } from './helpers/cli.js';
import { ROOT } from './helpers/paths.js';

const APP = path.join(ROOT, 'dist/inkdeck-app.cjs');
const CACHE = path.join(ROOT, 'dist/inkdeck-app.code-cache');
const RENDER = ['render', 'slides.yaml', '--slide', '2'];

/**
 * A copy of the built binary and app in a new directory, with `cache` as its code cache (none
 * when undefined) and `edit` applied to the app's text; returns the copy's binary.
 */
function copyOfBinary(cache: Buffer | undefined, edit: (app: string) => string = (app) => app): string {
  const root = mkdtempSync(path.join(tmpdir(), 'inkdeck-code-cache-'));
  mkdirSync(path.join(root, 'dist'));
  copyFileSync(path.join(ROOT, 'package.json'), path.join(root, 'package.json'));
  copyFileSync(path.join(ROOT, 'dist/inkdeck.js'), path.join(root, 'dist/inkdeck.js'));
  writeFileSync(path.join(root, 'dist/inkdeck-app.cjs'), edit(readFileSync(APP, 'utf8')));
  if (cache !== undefined) writeFileSync(path.join(root, 'dist/inkdeck-app.code-cache'), cache);
  return path.join(root, 'dist/inkdeck.js');
}

describe('the code cache the build makes (issue #7)', () => {
  it('is accepted by this Node, so the binary skips compiling what a talk runs', () => {
    expect(compileBundle(APP, CACHE).cacheRejected).toBe(false);
  });

  it('is not used for another build of the app, which still runs the same', async () => {
    const expected = await runCli(RENDER);
    expect(expected.stdout).toContain('slide 2/');
    // Same length, another build id: V8 alone, which checks only the length, would take it.
    const rebuilt = (app: string) => app.replace(/inkdeck-build ([0-9a-f])/, (_, digit: string) => `inkdeck-build ${digit === '0' ? '1' : '0'}`);
    const binary = copyOfBinary(readFileSync(CACHE), rebuilt);
    expect(compileBundle(path.join(path.dirname(binary), 'inkdeck-app.cjs'), path.join(path.dirname(binary), 'inkdeck-app.code-cache')).cacheRejected).toBeUndefined();
    expect(await runCli(RENDER, {}, binary)).toEqual(expected);
  });

  it('is rejected by V8 when damaged, and the app still runs the same', async () => {
    const expected = await runCli(RENDER);
    const damaged = Buffer.from(readFileSync(CACHE));
    damaged.fill(0x5a, BUILD_ID_LENGTH + 16, BUILD_ID_LENGTH + 64);
    const binary = copyOfBinary(damaged);
    expect(compileBundle(path.join(path.dirname(binary), 'inkdeck-app.cjs'), path.join(path.dirname(binary), 'inkdeck-app.code-cache')).cacheRejected).toBe(true);
    expect(await runCli(RENDER, {}, binary)).toEqual(expected);
  });

  it('may be missing', async () => {
    const expected = await runCli(RENDER);
    expect(await runCli(RENDER, {}, copyOfBinary(undefined))).toEqual(expected);
  });
});
