import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import * as pty from '@lydell/node-pty';
import xtermHeadless from '@xterm/headless';
import { ROOT } from './paths.js';

const { Terminal } = xtermHeadless;
const shells: pty.IPty[] = [];

/** Kills every shell shellInPty started (for `afterEach`). */
export function killShells(): void {
  for (const shell of shells.splice(0)) shell.kill('SIGKILL');
}

/**
 * A shell (`file` with the arguments `argsFor` gives for the directory) in an 80x24
 * pseudo-terminal, as a person's terminal runs it: its screen read through a headless xterm,
 * every byte it wrote kept, and a private directory for the files its commands write (`read`
 * gives one's text, trimmed, or undefined while it is missing).
 */
export function shellInPty(file: string, argsFor: (directory: string) => string[], env: Record<string, string> = {}) {
  const directory = mkdtempSync(path.join(tmpdir(), 'inkdeck-restore-'));
  const args = argsFor(directory);
  const hidden = new Set(['CI', 'CONTINUOUS_INTEGRATION', 'FORCE_COLOR', 'NO_COLOR', 'COLUMNS', 'LINES']);
  const baseEnv = Object.fromEntries(Object.entries(process.env).filter(([name]) => !hidden.has(name)));
  const shell = pty.spawn(file, [...args], {
    name: 'xterm-256color',
    cols: 80,
    rows: 24,
    cwd: ROOT,
    // A memory of its own of where each deck's talk was, so no test starts where another ended.
    env: { ...baseEnv, TERM: 'xterm-256color', XDG_STATE_HOME: mkdtempSync(path.join(tmpdir(), 'inkdeck-state-')), ...env } as Record<
      string,
      string
    >,
  });
  shells.push(shell);
  const terminal = new Terminal({ cols: 80, rows: 24, allowProposedApi: true });
  let output = '';
  shell.onData((data) => {
    output += data;
    terminal.write(data);
  });
  const screen = () =>
    Array.from(
      { length: terminal.rows },
      (_, row) => terminal.buffer.active.getLine(terminal.buffer.active.viewportY + row)?.translateToString(true) ?? '',
    ).join('\n');
  // The headless terminal parses what it is given asynchronously: the screen is read only once it
  // has parsed all that came so far, or a test read the alternate screen after the app had left it
  // (the SIGTERM test failed so on a loaded machine, the raw output already ending as it should).
  const settled = () => new Promise<void>((resolve) => terminal.write('', resolve));
  const waitFor = async (predicate: () => boolean, timeoutMs = 10_000) => {
    const deadline = Date.now() + timeoutMs;
    await settled();
    while (!predicate()) {
      if (Date.now() > deadline) throw new Error(`timed out; screen:\n${screen()}`);
      await new Promise((resolve) => setTimeout(resolve, 20));
      await settled();
    }
    // What arrived while the predicate was read is on the screen too when the caller reads it.
    await settled();
  };
  const read = (name: string) => {
    try {
      return readFileSync(path.join(directory, name), 'utf8').trim();
    } catch {
      return undefined;
    }
  };
  return {
    shell,
    terminal,
    directory,
    screen,
    waitFor,
    read,
    get output() {
      return output;
    },
  };
}
