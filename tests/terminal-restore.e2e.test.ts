import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { CLI, ROOT, UNBUNDLED_CLI } from './helpers/paths.js';
import { KEYS, TerminalSession } from './helpers/terminal.js';
import { killShells, shellInPty } from './helpers/shell-pty.js';

const PRELOAD = path.join(ROOT, 'tests/fixtures/crash-preload.mjs');
/** What the shell prints once the app has ended and the tty mode is recorded. */
const ENDED_MARKER = 'inkdeck-test-ended';
afterEach(killShells);

/**
 * Runs the app under a shell in a real pseudo-terminal that records the tty mode (`stty -g`)
 * before and after, and the exit status, the way a person's shell would see them.
 */
function underShell(deck: string, env: Record<string, string> = {}, cli = CLI) {
  const script = (directory: string) =>
    [
      `stty -g > ${directory}/before`,
      `node ${cli} present ${deck} --no-sync --no-watch`,
      `echo $? > ${directory}/status`,
      // Written aside, then moved: a redirection creates the file empty before stty writes, and
      // a test that read it then saw a mode that was never set (a run under load failed so).
      `stty -g > ${directory}/after.partial`,
      `mv ${directory}/after.partial ${directory}/after`,
      // Written to the terminal after everything the app wrote: once the test has read it, it
      // has read all of the app's output (a fixed wait after the files appeared was too short
      // on a loaded machine, and a run missed the app's last bytes).
      `printf '%s\\n' ${ENDED_MARKER}`,
      'sleep 30',
    ].join('; ');
  const pane = shellInPty('/bin/sh', (directory) => ['-c', script(directory)], env);
  const { shell, screen, waitFor, read } = pane;
  // The app names its process `inkdeck` (process.title), whatever Node calls its main thread.
  const appPid = () =>
    Number(
      execFileSync('pgrep', ['-P', String(shell.pid), '-x', 'inkdeck'], { encoding: 'utf8' })
        .trim()
        .split('\n')[0],
    );
  return {
    shell,
    screen,
    write: (data: string) => shell.write(data),
    appPid,
    get output() {
      return pane.output;
    },
    /** Waits for the app to end, then gives its status and whether the tty mode came back. */
    async ended() {
      await waitFor(() => read('after') !== undefined && pane.output.includes(ENDED_MARKER));
      return { status: Number(read('status')), isModeRestored: read('before') === read('after'), before: read('before') };
    },
    started: () => waitFor(() => /slide 1\//.test(screen())),
    waitFor,
  };
}

/** The app left the alternate screen and showed the cursor after it last entered and hid them. */
function expectScreenRestored(output: string, screenAfter: string): void {
  expect(output.lastIndexOf('\u001B[?1049l')).toBeGreaterThan(output.lastIndexOf('\u001B[?1049h'));
  expect(output.lastIndexOf('\u001B[?25h')).toBeGreaterThan(output.lastIndexOf('\u001B[?25l'));
  expect(screenAfter).not.toContain('slide 1/');
}

describe('the terminal always comes back', () => {
  it.each<[string, string, number]>([
    ['q', 'q', 0],
    ['Esc', '\u001B', 0],
    ['Ctrl-C', '\u0003', 130],
  ])(
    'after %s (key %j), with status %i',
    async (_name, key, status) => {
      const session = underShell('slides.yaml');
      await session.started();
      session.write(key);
      // Esc with nothing open asks first ("press Esc again to quit"); the second quits.
      if (key === '\u001B') {
        await session.waitFor(() => session.screen().includes('press Esc again to quit'));
        session.write(key);
      }
      const result = await session.ended();
      expect(result.status).toBe(status);
      expect(result.isModeRestored).toBe(true);
      expectScreenRestored(session.output, session.screen());
    },
    30_000,
  );

  it.each<[NodeJS.Signals, number]>([
    ['SIGINT', 130],
    ['SIGTERM', 143],
    ['SIGHUP', 129],
  ])(
    'after %s, with status %i',
    async (signal, status) => {
      const session = underShell('slides.yaml');
      await session.started();
      process.kill(session.appPid(), signal);
      const result = await session.ended();
      expect(result.status).toBe(status);
      expect(result.isModeRestored).toBe(true);
      expectScreenRestored(session.output, session.screen());
    },
    30_000,
  );

  it('takes keys raw from the first frame on, so Ctrl-C pressed as the talk appears is a key, not a SIGINT to the shell', async () => {
    const file = path.join(mkdtempSync(path.join(tmpdir(), 'inkdeck-raw-')), 'raw');
    const session = underShell('slides.yaml', {
      NODE_OPTIONS: `--import ${path.join(ROOT, 'tests/fixtures/raw-mode-preload.mjs')}`,
      INKDECK_TEST_RAW_MODE_FILE: file,
    });
    await session.started();
    // Ink turns raw mode on in an effect, after its first frame; the app must not wait for it.
    expect(readFileSync(file, 'utf8')).toBe('true');
    session.write('\u0003');
    const result = await session.ended();
    expect(result.status).toBe(130);
  }, 30_000);

  it.each<[string, string, string]>([
    ['an exception while rendering', 'render', 'inkdeck: internal error: boom while rendering (run with --debug for details)'],
    ['an unhandled promise rejection', 'rejection', 'inkdeck: internal error: boom in a promise (run with --debug for details)'],
  ])(
    'after %s: one line, status 1, no stack',
    async (_name, crash, message) => {
      // The preload patches React's JSX runtime, which the bundle inlines: run the unbundled CLI.
      const session = underShell(
        'tests/fixtures/boom.yaml',
        { NODE_OPTIONS: `--import ${PRELOAD}`, INKDECK_TEST_CRASH: crash },
        UNBUNDLED_CLI,
      );
      await session.started();
      // The third slide, titled Boom, throws while it renders.
      if (crash === 'render') session.write('3\r');
      const result = await session.ended();
      expect(result.status).toBe(1);
      expect(result.isModeRestored).toBe(true);
      expectScreenRestored(session.output, session.screen());
      expect(session.screen()).toContain(message);
      expect(session.screen()).not.toMatch(/\n\s+at /);
    },
    30_000,
  );
});

describe('a deck from process substitution', () => {
  it('is presented, and the drained pipe is not read again as an empty deck', async () => {
    const pane = shellInPty('/bin/bash', (directory) => [
      '--norc',
      '--noprofile',
      '-c',
      `node ${CLI} present <(cat slides.yaml) --no-sync; echo $? > ${directory}/status`,
    ]);
    const { shell, screen, waitFor, read } = pane;
    await waitFor(() => screen().includes('slide 1/'));
    // The watcher checks the file every second; a reload would find the pipe empty.
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    expect(screen()).not.toContain('no slides');
    shell.write('q');
    await waitFor(() => read('status') !== undefined && read('status') !== '');
    expect(read('status')).toBe('0');
  }, 30_000);
});

/** The talk presented from an interactive bash in a pty, then suspended with Ctrl-Z. */
async function suspendedInBash() {
  const pane = shellInPty('/bin/bash', () => ['--norc', '--noprofile', '-i'], { PS1: '$ ' });
  pane.shell.write(`node ${CLI} present slides.yaml --no-sync --no-watch\r`);
  await pane.waitFor(() => pane.screen().includes('slide 1/'));
  pane.shell.write('\u001A');
  await pane.waitFor(() => pane.screen().includes('Stopped'));
  return pane;
}

describe('Ctrl-Z', () => {
  it('hands the terminal to a job-control shell, and fg brings the talk back, laid out for the new size', async () => {
    const pane = shellInPty('/bin/bash', () => ['--norc', '--noprofile', '-i'], { PS1: '$ ' });
    const { shell, terminal, directory, screen, waitFor, read } = pane;
    shell.write(`stty -g > ${directory}/before; node ${CLI} present slides.yaml --no-sync --no-watch\r`);
    await waitFor(() => screen().includes('slide 1/'));
    shell.write('\u001B[C');
    await waitFor(() => screen().includes('slide 2/'));

    shell.write('\u001A');
    await waitFor(() => screen().includes('Stopped'));
    expect(terminal.buffer.active.type).toBe('normal');
    expect(pane.output.lastIndexOf('\u001B[?25h')).toBeGreaterThan(pane.output.lastIndexOf('\u001B[?25l'));
    // The shell has its terminal back as it left it: echo, line editing, signals.
    shell.write(`stty -g > ${directory}/suspended\r`);
    await waitFor(() => read('suspended') !== undefined && read('suspended') !== '');
    expect(read('suspended')).toBe(read('before'));

    shell.resize(60, 20);
    terminal.resize(60, 20);
    shell.write('fg\r');
    // Laid out for 60 columns: the section divider whole, its footer within the width.
    const footerWidth = () =>
      screen()
        .split('\n')
        .find((row) => row.includes('slide 2/'))
        ?.trimEnd().length ?? Number.POSITIVE_INFINITY;
    await waitFor(() => terminal.buffer.active.type === 'alternate' && screen().includes('Section 1 of 4') && footerWidth() <= 60);
    shell.write('\u001B[C');
    await waitFor(() => screen().includes('slide 3/'));
    shell.write('q');
    // The shell's prompt, not only the main screen: a line typed while the app is still ending
    // would be read by the app, not the shell.
    const lastLine = () => screen().trimEnd().split('\n').at(-1) ?? '';
    await waitFor(() => terminal.buffer.active.type === 'normal' && lastLine() === '$');
    shell.write(`echo $? > ${directory}/status\r`);
    await waitFor(() => read('status') !== undefined && read('status') !== '');
    expect(read('status')).toBe('0');
  }, 30_000);

  it('stops the parent too when the app runs under another program, as under npm start', async () => {
    const pane = shellInPty('/bin/bash', () => ['--norc', '--noprofile', '-i'], { PS1: '$ ' });
    const { shell, screen, waitFor } = pane;
    // sh waits for node, as npm does: the shell sees the job stopped only if sh stops too.
    shell.write(`sh -c 'node ${CLI} present slides.yaml --no-sync --no-watch; echo ended'\r`);
    await waitFor(() => screen().includes('slide 1/'));
    shell.write('\u001A');
    await waitFor(() => screen().includes('Stopped'));
    shell.write('fg\r');
    await waitFor(() => screen().includes('slide 1/'));
    shell.write('q');
    await waitFor(() => screen().includes('ended'));
  }, 30_000);

  it('stays off the terminal when continued in the background (bg), and comes back on fg', async () => {
    const { shell, terminal, directory, screen, waitFor, read } = await suspendedInBash();
    shell.write(`bg; sleep 0.5; jobs > ${directory}/jobs\r`);
    await waitFor(() => read('jobs') !== undefined && read('jobs') !== '');
    expect(read('jobs')).toContain('Stopped');
    expect(terminal.buffer.active.type).toBe('normal');
    shell.write('fg\r');
    await waitFor(() => terminal.buffer.active.type === 'alternate' && screen().includes('slide 1/'));
    shell.write('q');
    await waitFor(() => terminal.buffer.active.type === 'normal');
  }, 30_000);

  it('ends at once by SIGTERM when the shell kills the suspended talk (kill %1)', async () => {
    const pane = await suspendedInBash();
    const { shell, terminal, waitFor } = pane;
    const before = pane.output.length;
    // bash sends SIGTERM and SIGCONT; the app must not take the terminal back before it ends,
    // nor stop again. bash reports the job's end as a person sees it: `Terminated` (SIGTERM),
    // or `Stopped` had it stopped again. (`wait %1` cannot tell: it returns 148 at once for a
    // job bash has not yet seen continue, and 127 for one already reported.)
    // Waits for the job to be gone (at most 5 s) rather than a fixed time, which a loaded machine
    // outlasted: the report then came before the end.
    shell.write('kill %1; for i in $(seq 50); do kill -0 %1 2>/dev/null || break; sleep 0.1; done; jobs; echo "report" "ends"\r');
    await waitFor(() => pane.output.slice(before).includes('report ends'));
    const report = pane.output.slice(before);
    expect(report).toMatch(/Terminated/);
    expect(report).not.toMatch(/Stopped/);
    expect(terminal.buffer.active.type).toBe('normal');
  }, 30_000);

  it('ends cleanly, socket and all, when the terminal closes while the talk is suspended', async () => {
    const runtime = mkdtempSync(path.join(tmpdir(), 'inkdeck-run-'));
    const pane = shellInPty('/bin/bash', () => ['--norc', '--noprofile', '-i'], { PS1: '$ ', XDG_RUNTIME_DIR: runtime });
    const { shell, directory, screen, waitFor } = pane;
    shell.write(`node ${CLI} present slides.yaml --no-watch 2> ${directory}/stderr\r`);
    await waitFor(() => screen().includes('slide 1/'));
    const sessions = path.join(runtime, 'inkdeck');
    expect(readdirSync(sessions)).toHaveLength(1);
    shell.write('\u001A');
    await waitFor(() => screen().includes('Stopped'));
    // The talk is the only `inkdeck` in the session bash leads (process.title names it).
    const app = Number(
      execFileSync('pgrep', ['-s', String(shell.pid), '-x', 'inkdeck'], { encoding: 'utf8' })
        .trim()
        .split('\n')[0],
    );
    // Closing the terminal: the kernel sends the stopped job SIGHUP and SIGCONT.
    shell.kill('SIGKILL');
    await waitFor(() => {
      try {
        process.kill(app, 0);
        return false;
      } catch {
        return true;
      }
    });
    expect(readdirSync(sessions)).toEqual([]);
    expect(readFileSync(path.join(directory, 'stderr'), 'utf8')).not.toMatch(/internal error|Assertion|EIO/);
  }, 30_000);

  it('draws the talk again at once where no shell can resume it (a tmux pane running the app)', async () => {
    // The app is a session leader in its pseudo-terminal: its process group is orphaned, and
    // SIGTSTP does not stop it.
    const session = TerminalSession.start(['present', 'slides.yaml', '--no-sync', '--no-watch']);
    await session.waitForText('slide 1/');
    session.write(KEYS.right);
    await session.waitForText('Section 1 of 4');
    const entered = session.output.split('\u001B[?1049h').length;
    session.write('\u001A');
    await session.waitFor(() => session.output.split('\u001B[?1049h').length > entered);
    await session.waitFor((screen) => screen.includes('Section 1 of 4') && screen.includes('slide 2/'));
    expect(session.isAlternateScreen()).toBe(true);
    session.write(KEYS.right);
    await session.waitForText('slide 3/');
    session.write('q');
    expect((await session.exited).exitCode).toBe(0);
  }, 30_000);
});
