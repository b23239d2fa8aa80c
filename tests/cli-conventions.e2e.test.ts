import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from './helpers/cli.js';
import { CLI, SLIDES_YAML } from './helpers/paths.js';

const deckText = readFileSync(SLIDES_YAML, 'utf8');

describe('- reads the deck from standard input', () => {
  it('for render, giving the frame the file gives', async () => {
    const fromFile = await runCli(['render', 'slides.yaml', '--slide', '3']);
    const fromStdin = await runCli(['render', '-', '--slide', '3'], {}, CLI, { input: deckText });
    expect(fromStdin).toEqual(fromFile);
    expect(fromStdin.stdout).toContain('slide 3/18');
  });

  it('for export', async () => {
    const fromFile = await runCli(['export', 'slides.yaml', '--format', 'md']);
    const fromStdin = await runCli(['export', '-', '--format', 'md'], {}, CLI, { input: deckText });
    expect(fromStdin).toEqual(fromFile);
  });

  it('for check, naming the place of a mistake <stdin>:LINE:COL', async () => {
    const result = await runCli(['check', '-'], {}, CLI, { input: 'title: Talk\nsections: []\nnote: x\n' });
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(/^<stdin>:3:1: error: unknown key "note"/m);
    expect(result.stdout).toMatch(/^<stdin>: 2 errors/m);
  });

  it('says so when standard input is empty, as for an empty file', async () => {
    const result = await runCli(['render', '-', '--slide', '1'], {}, CLI, { input: '' });
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/^<stdin>/);
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
  });
});

describe('present -', () => {
  it('is refused as a usage error: the talk reads its keys from standard input', async () => {
    const result = await runCli(['present', '-'], {}, CLI, { input: deckText });
    expect(result).toEqual({
      code: 2,
      stdout: '',
      stderr:
        'inkdeck: present reads the keyboard from standard input, so it cannot read the deck from it; save the deck to a file and present that\n',
    });
  });
});

describe('inkdeck with nothing to present', () => {
  it('prints the usage and a line saying there is no slides.yaml, status 2, in a folder without one', async () => {
    const empty = mkdtempSync(path.join(tmpdir(), 'inkdeck-empty-'));
    const result = await runCli([], {}, CLI, { cwd: empty });
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toContain('Usage: inkdeck [options] [command]');
    expect(result.stderr.trim().split('\n').at(-1)).toBe('inkdeck: no slides.yaml here; name a deck to present: inkdeck present FILE');
  });
});

describe('render without its arguments', () => {
  it('complains about the missing file first (then about --slide: tests/cli.e2e.test.ts)', async () => {
    expect(await runCli(['render'])).toEqual({ code: 2, stdout: '', stderr: "inkdeck: missing required argument 'file'\n" });
  });
});

describe('inkdeck completion', () => {
  /** What bash completes for the words typed so far, the last one being completed, in `cwd`. */
  function bashCompletes(script: string, words: readonly string[], cwd: string): string[] {
    const program = [
      script,
      `COMP_WORDS=(${words.map((word) => `'${word}'`).join(' ')})`,
      `COMP_CWORD=${words.length - 1}`,
      '_inkdeck',
      'printf "%s\\n" "${COMPREPLY[@]}"',
    ].join('\n');
    return execFileSync('bash', ['-c', program], { cwd, encoding: 'utf8' })
      .split('\n')
      .filter((line) => line !== '')
      .sort();
  }

  it("completes commands, each command's options and deck files in bash", async () => {
    const { stdout: script, code } = await runCli(['completion', 'bash']);
    expect(code).toBe(0);
    const folder = mkdtempSync(path.join(tmpdir(), 'inkdeck-complete-'));
    writeFileSync(path.join(folder, 'talk.yaml'), '');
    writeFileSync(path.join(folder, 'notes.txt'), '');
    expect(bashCompletes(script, ['inkdeck', 're'], folder)).toEqual(['render']);
    expect(bashCompletes(script, ['inkdeck', 'c'], folder)).toEqual(['check', 'completion']);
    expect(bashCompletes(script, ['inkdeck', 'render', 'talk.yaml', '--sl'], folder)).toEqual(['--slide']);
    expect(bashCompletes(script, ['inkdeck', 'export', '--f'], folder)).toEqual(['--force', '--format', '--frame-seconds']);
    expect(bashCompletes(script, ['inkdeck', 'check', ''], folder)).toEqual(['talk.yaml']);
    // The values an option or argument names, not files.
    expect(bashCompletes(script, ['inkdeck', 'export', '--format', ''], folder)).toEqual(['cast', 'html', 'md', 'pdf', 'txt']);
    expect(bashCompletes(script, ['inkdeck', 'check', 'talk.yaml', '--format', ''], folder)).toEqual(['json', 'text']);
    expect(bashCompletes(script, ['inkdeck', 'completion', ''], folder)).toEqual(['bash', 'fish', 'zsh']);
    // `inkdeck FILE` presents it: present's options.
    expect(bashCompletes(script, ['inkdeck', 'talk.yaml', '--no-'], folder)).toEqual(['--no-sync', '--no-watch']);
    expect(bashCompletes(script, ['inkdeck', '--pres'], folder)).toEqual(['--presenter']);
  });

  it.each(['zsh', 'fish'])('writes a %s script naming every command', async (shell) => {
    const { stdout: script, code } = await runCli(['completion', shell]);
    expect(code).toBe(0);
    for (const command of ['present', 'render', 'check', 'export', 'schema', 'completion']) expect(script).toContain(command);
    expect(script).toContain(shell === 'zsh' ? '#compdef inkdeck' : 'complete -c inkdeck');
  });

  it('refuses another shell as a usage error', async () => {
    const result = await runCli(['completion', 'tcsh']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('Allowed choices are bash, zsh, fish');
  });
});

describe('a reader that stops early', () => {
  it('leaves check failing on a deck with errors, as a CI step reads it (`inkdeck check deck.yaml | head`)', () => {
    const directory = mkdtempSync(path.join(tmpdir(), 'inkdeck-pipe-'));
    const file = path.join(directory, 'errors.yaml');
    // 800 errors: far more output than a pipe holds, so the write fails once head has gone.
    const slides = Array.from({ length: 400 }, (_, index) => `      - titel: S${index}\n`).join('');
    writeFileSync(file, `title: T\nsections:\n  - id: a\n    title: A\n    slides:\n${slides}`);
    const statuses = execFileSync(
      'bash',
      ['-c', `"${process.execPath}" "${CLI}" check "${file}" | head -1 >/dev/null; echo "\${PIPESTATUS[0]}"`],
      {
        encoding: 'utf8',
      },
    );
    expect(statuses.trim()).toBe('1');
    // And a valid deck piped into head still succeeds.
    const valid = execFileSync(
      'bash',
      ['-c', `"${process.execPath}" "${CLI}" export "${SLIDES_YAML}" | head -1 >/dev/null; echo "\${PIPESTATUS[0]}"`],
      {
        encoding: 'utf8',
      },
    );
    expect(valid.trim()).toBe('0');
  });
});
