import { spawnSync } from 'node:child_process';
import { closeSync, existsSync, openSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readDeck } from '../src/deck/load-deck.js';
import { buildSlides } from '../src/deck/slides.js';
import { runCli } from './helpers/cli.js';
import { runInProcess } from './helpers/in-process.js';
import { CASES, CLI, ROOT, SLIDES_YAML } from './helpers/paths.js';

const slideCount = buildSlides(await readDeck(SLIDES_YAML)).length;

describe('inkdeck present without a terminal', () => {
  it('prints one line suggesting render and exits 2', async () => {
    const result = await runCli(['present', 'slides.yaml']);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toBe(
      'inkdeck: present needs an interactive terminal (stdin and stdout must be a TTY); to print a slide as text, use: inkdeck render slides.yaml --slide 1\n',
    );
  });

  it('reports a missing deck as such, rather than suggesting a render of it', async () => {
    expect(await runCli(['present', 'nope.yaml'])).toEqual({
      code: 1,
      stdout: '',
      stderr: 'nope.yaml: cannot read the file: no such file or directory\n',
    });
  });
});

describe('bad decks', () => {
  it('prints every positioned error, no stack trace, and exits 1', async () => {
    const file = path.relative(process.cwd(), path.join(CASES, 'duplicate-keys.yaml'));
    const result = await runCli(['render', file, '--slide', '1']);
    expect(result.code).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderr).toBe(`${file}:9:9: sections[0].slides[0]: duplicate key "notes": each key may appear only once in a mapping\n`);
  });

  it('names a missing file', async () => {
    const result = await runCli(['render', 'missing.yaml', '--slide', '1']);
    expect(result).toEqual({ code: 1, stdout: '', stderr: 'missing.yaml: cannot read the file: no such file or directory\n' });
  });
});

describe('usage errors exit 2 with one line', () => {
  it.each<[string, string[], string]>([
    ['a slide past the end', ['render', 'slides.yaml', '--slide', '999'], `inkdeck: --slide 999: slides.yaml has ${slideCount} slides\n`],
    [
      'a slide that is not a number',
      ['render', 'slides.yaml', '--slide', 'two'],
      "inkdeck: option '--slide <n>' argument 'two' is invalid. expected a whole number of at least 1\n",
    ],
    ['a missing --slide', ['render', 'slides.yaml'], 'inkdeck: render needs the slide to print: --slide N (1-based, as in the footer)\n'],
    [
      'an unknown option',
      ['render', 'slides.yaml', '--slide', '1', '--colour'],
      "inkdeck: unknown option '--colour' (Did you mean --color?)\n",
    ],
  ])('%s', async (_name, args, stderr) => {
    const result = await runCli(args);
    expect(result).toEqual({ code: 2, stdout: '', stderr });
  });
});

describe('more usage errors and pipes', () => {
  it.each([
    [
      ['render', 'slides.yaml', '--slide', '1', '--rows', '100000'],
      "inkdeck: option '--rows <n>' argument '100000' is invalid. expected at most 1000\n",
    ],
    [
      ['render', 'slides.yaml', '--slide', '1', '--columns', '1001'],
      "inkdeck: option '--columns <n>' argument '1001' is invalid. expected at most 1000\n",
    ],
    [['presnt'], 'inkdeck: unknown command "presnt"; did you mean "present"?\n'],
  ])('%j', async (args, stderr) => {
    expect(await runCli(args)).toEqual({ code: 2, stdout: '', stderr });
  });

  it('stops quietly when the reader of its output goes away', async () => {
    const { spawn } = await import('node:child_process');
    const { CLI, ROOT } = await import('./helpers/paths.js');
    const result = await new Promise<{ code: number | null; stderr: string }>((resolve) => {
      const child = spawn(process.execPath, [CLI, 'render', 'slides.yaml', '--slide', '3', '--rows', '1000', '--columns', '200'], {
        cwd: ROOT,
      });
      let stderr = '';
      child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
      child.stdout.once('data', () => child.stdout.destroy());
      child.on('close', (code) => resolve({ code, stderr }));
    });
    expect(result).toEqual({ code: 0, stderr: '' });
  });
});

describe('commands mistyped before a file, and export destinations', () => {
  it.each([
    [['chek', 'slides.yaml'], 'inkdeck: unknown command "chek"; did you mean "check"?\n'],
    [['expot', 'slides.yaml', '--format', 'md'], 'inkdeck: unknown command "expot"; did you mean "export"?\n'],
  ])('%j', async (args, stderr) => {
    expect(await runCli(args)).toEqual({ code: 2, stdout: '', stderr });
  });

  it('writes to stdout with -o -', async () => {
    const result = await runCli(['export', 'slides.yaml', '--format', 'md', '-o', '-']);
    expect(result.code).toBe(0);
    expect(result.stdout.startsWith('# ')).toBe(true);
  });

  it('exits 1, not 2, when the output cannot be written', async () => {
    expect(await runCli(['export', 'slides.yaml', '-o', '/nonexistent-directory/deck.txt'])).toEqual({
      code: 1,
      stdout: '',
      stderr: 'inkdeck: cannot write /nonexistent-directory/deck.txt: no such file or directory\n',
    });
  });
});

describe('output that cannot be written', () => {
  // /dev/full fails every write with ENOSPC, as a full disk does.
  it.runIf(existsSync('/dev/full')).each([
    ['render', 'slides.yaml', '--slide', '2'],
    ['export', 'slides.yaml', '--format', 'txt'],
    ['check', 'slides.yaml'],
  ])('exits 1 and says so when stdout is full: %s', (...args) => {
    const full = openSync('/dev/full', 'w');
    try {
      const result = spawnSync(process.execPath, [CLI, ...args], { cwd: ROOT, stdio: ['ignore', full, 'pipe'], encoding: 'utf8' });
      expect({ status: result.status, stderr: result.stderr }).toEqual({
        status: 1,
        stderr: 'inkdeck: cannot write the output: no space left on device\n',
      });
    } finally {
      closeSync(full);
    }
  });
});

describe('the bundle', () => {
  it('loads the layout engine without fetch, so start-up does not load undici (issue #7)', async () => {
    // Emscripten's loader would fetch yoga's data: URL if it were given no bytes; a fetch that
    // throws makes that path fail loudly instead of merely slowly.
    const noFetch = `--import=${path.join(ROOT, 'tests/fixtures/no-fetch-preload.mjs')}`;
    const normal = await runCli(['render', 'slides.yaml', '--slide', '1']);
    const withoutFetch = await runCli(['render', 'slides.yaml', '--slide', '1'], { NODE_OPTIONS: noFetch });
    expect(withoutFetch).toEqual({ code: 0, stdout: normal.stdout, stderr: '' });
    expect(normal.stdout).toContain('slide 1/');
  });
});

describe('commands tested in-process (tests/check.test.ts and others)', () => {
  it.each([
    ['check with errors', ['check', 'tests/fixtures/cases/duplicate-keys.yaml']],
    ['check with warnings, as JSON', ['check', 'slides.yaml', '--columns', '40', '--rows', '12', '--format', 'json']],
    ['export as Markdown', ['export', 'slides.yaml', '--format', 'md']],
    ['render', ['render', 'slides.yaml', '--slide', '4', '--notes']],
  ])('give through the binary what they give in-process: %s', async (_name, args) => {
    const [binary, inProcess] = [await runCli(args), await runInProcess(args)];
    expect(binary).toEqual(inProcess);
    expect(binary.stdout.length).toBeGreaterThan(0);
  });
});
