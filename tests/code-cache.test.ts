import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CACHE_HEADER_LENGTH, compileBundle } from '../src/launch/code-cache.js';
import { runCli } from './helpers/cli.js';
import { CLI, ROOT } from './helpers/paths.js';

const APP = path.join(ROOT, 'dist/inkdeck-app.cjs');
const CACHE = path.join(ROOT, 'dist/inkdeck-app.code-cache');
const RENDER = ['render', 'slides.yaml', '--slide', '2'];

/**
 * A copy of the built binary and app in a new directory, with `cache` as its code cache (none
 * when undefined) and `edit` applied to the app's text; returns the copy's binary.
 */
function copyOfBinary(cache: Buffer | undefined, edit: (app: string) => string = (app) => app, withPackageJson = true): string {
  const root = mkdtempSync(path.join(tmpdir(), 'inkdeck-code-cache-'));
  mkdirSync(path.join(root, 'dist'));
  // The binary is an ES module by the package's "type"; without package.json, by its syntax.
  if (withPackageJson) copyFileSync(path.join(ROOT, 'package.json'), path.join(root, 'package.json'));
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

  it.each([1_000, 100_000, 500_000, -24])('is not used when damaged at byte %i of its body, and the app still runs the same', async (offset) => {
    // A release V8 does not check a cache's bytes: this damage crashed the process (SIGSEGV).
    const expected = await runCli(RENDER);
    const damaged = Buffer.from(readFileSync(CACHE));
    damaged.fill(0x58, offset < 0 ? damaged.length + offset : CACHE_HEADER_LENGTH + offset, offset < 0 ? damaged.length : CACHE_HEADER_LENGTH + offset + 24);
    const binary = copyOfBinary(damaged);
    expect(compileBundle(path.join(path.dirname(binary), 'inkdeck-app.cjs'), path.join(path.dirname(binary), 'inkdeck-app.code-cache')).cacheRejected).toBeUndefined();
    expect(await runCli(RENDER, {}, binary)).toEqual(expected);
  });

  it('is rejected by V8 under other V8 flags, and the app still runs the same', async () => {
    const expected = await runCli(RENDER);
    const flag = '--max-semi-space-size=1';
    const probe = `import(${JSON.stringify(path.join(ROOT, 'dist/launch/code-cache.js'))}).then(({ compileBundle }) => console.log(compileBundle(${JSON.stringify(APP)}, ${JSON.stringify(CACHE)}).cacheRejected))`;
    expect(execFileSync(process.execPath, [flag, '-e', probe], { encoding: 'utf8' }).trim()).toBe('true');
    expect(await runCli(RENDER, { NODE_OPTIONS: flag })).toEqual(expected);
  });

  it.runIf(process.platform !== 'win32')('is not read when it is not a plain file (a FIFO would block the start)', async () => {
    const expected = await runCli(RENDER);
    const binary = copyOfBinary(undefined);
    execFileSync('mkfifo', [path.join(path.dirname(binary), 'inkdeck-app.code-cache')]);
    expect(await runCli(RENDER, {}, binary)).toEqual(expected);
  });

  it('runs from a copy of dist/ alone, saying its version is unknown', async () => {
    const expected = await runCli(RENDER);
    const binary = copyOfBinary(readFileSync(CACHE), undefined, false);
    expect(await runCli(RENDER, {}, binary)).toEqual(expected);
    expect(await runCli(['--version'], {}, binary)).toEqual({ code: 0, stdout: 'unknown\n', stderr: '' });
  });

  it('may be missing', async () => {
    const expected = await runCli(RENDER);
    expect(await runCli(RENDER, {}, copyOfBinary(undefined))).toEqual(expected);
  });
});

describe('the binary (issue #7)', () => {
  it("keeps yoga's WebAssembly on V8's baseline compiler, Liftoff", () => {
    // V8 prints a line for every WebAssembly function it compiles, naming the compiler. Without
    // the binary's flag, this render had TurboFan compile one of yoga's functions again.
    const trace = execFileSync(process.execPath, ['--trace-wasm-compilation-times', CLI, 'render', 'slides.yaml', '--slide', '3'], { cwd: ROOT, encoding: 'utf8' });
    expect(trace).toContain('slide 3/');
    expect(trace).toMatch(/using Liftoff/);
    expect(trace).not.toMatch(/using TurboFan/);
  });
});
