import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { REQUIRED_NODE, unsupportedNodeMessage } from '../src/launch/node-version.js';
import { runCli } from './helpers/cli.js';
import { ROOT } from './helpers/paths.js';

const packageJson = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { engines: { node: string } };

describe('the Node version the binary needs', () => {
  it('is the one package.json names in engines', () => {
    expect(packageJson.engines.node).toBe(`>=${REQUIRED_NODE[0]}.${REQUIRED_NODE[1]}`);
  });

  it.each<[string, boolean]>([
    ['20.20.2', false],
    ['22.11.9', false],
    ['21.99.0', false],
    ['22.12.0', true],
    ['22.22.1', true],
    ['23.0.0', true],
    ['24.21.0', true],
    ['100.0.0', true],
    ['not-a-version', true],
  ])('Node %s is accepted: %s', (version, isAccepted) => {
    expect(unsupportedNodeMessage(version) === undefined).toBe(isAccepted);
  });

  it('is named, with the version found, in one line', () => {
    expect(unsupportedNodeMessage('20.20.2')).toBe('inkdeck: needs Node.js 22.12.0 or newer; this is Node.js 20.20.2');
  });

  it('refuses an older Node with that line and status 1, before loading the app', async () => {
    const preload = `--import=${path.join(ROOT, 'tests/fixtures/old-node-preload.mjs')}`;
    // The app would print usage for a missing file: the check must come first.
    const result = await runCli(['check', 'missing.yaml'], { NODE_OPTIONS: preload });
    expect(result).toEqual({ code: 1, stdout: '', stderr: 'inkdeck: needs Node.js 22.12.0 or newer; this is Node.js 20.20.2\n' });
  });

  it('names its process inkdeck, so `pgrep inkdeck` finds a talk', () => {
    const script =
      "process.argv = [process.argv[0], 'inkdeck', '--version']; await import('./dist/inkdeck.js'); console.log(process.title);";
    const output = execFileSync(process.execPath, ['--input-type=module', '-e', script], { cwd: ROOT, encoding: 'utf8' });
    expect(output.trim().split('\n').at(-1)).toBe('inkdeck');
  });

  it('ends an error while the app is still loading in one line and status 1, not a stack', async () => {
    const preload = `--import=${path.join(ROOT, 'tests/fixtures/early-crash-preload.mjs')}`;
    const result = await runCli(['render', 'slides.yaml', '--slide', '1'], { NODE_OPTIONS: preload });
    expect(result).toEqual({ code: 1, stdout: '', stderr: 'inkdeck: internal error: boom while loading (run with --debug for details)\n' });
  });
});
