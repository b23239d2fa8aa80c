import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import * as pty from '@lydell/node-pty';
import xtermHeadless from '@xterm/headless';
import { CLI, ROOT } from './paths.js';

const { Terminal } = xtermHeadless;

/** Keys as a terminal sends them (xterm, normal cursor mode). */
export const KEYS = {
  right: '\u001B[C',
  left: '\u001B[D',
  up: '\u001B[A',
  down: '\u001B[B',
  pageDown: '\u001B[6~',
  home: '\u001B[H',
  end: '\u001B[F',
  enter: '\r',
  escape: '\u001B',
  backspace: '\u007F',
  space: ' ',
  ctrlC: '\u0003',
} as const;

/**
 * The built CLI running in a real pseudo-terminal, its output fed to a headless xterm so tests
 * read the screen a person would see. Every byte the app wrote is kept in `output`.
 */
export class TerminalSession {
  readonly terminal: InstanceType<typeof Terminal>;
  output = '';
  /** Settles with the exit status once the process has ended and the screen shows all it wrote. */
  readonly exited: Promise<{ exitCode: number; signal?: number }>;
  private readonly process: pty.IPty;

  private constructor(args: readonly string[], columns: number, rows: number, env: NodeJS.ProcessEnv, cwd: string) {
    this.terminal = new Terminal({ cols: columns, rows, allowProposedApi: true });
    // A person's terminal: not CI (Ink draws nothing until exit when is-in-ci says CI), no
    // forced colour level and no size variables, so the app sees only the pty.
    const hidden = new Set(['CI', 'CONTINUOUS_INTEGRATION', 'FORCE_COLOR', 'NO_COLOR', 'COLUMNS', 'LINES']);
    const childEnv: NodeJS.ProcessEnv = {
      ...Object.fromEntries(Object.entries(process.env).filter(([name]) => !hidden.has(name))),
      TERM: 'xterm-256color',
      // Each test gets its own sync sessions unless it shares a runtime directory on purpose.
      XDG_RUNTIME_DIR: mkdtempSync(path.join(tmpdir(), 'inkdeck-run-')),
      // And its own memory of where each deck's talk was, so no test starts where another ended.
      XDG_STATE_HOME: mkdtempSync(path.join(tmpdir(), 'inkdeck-state-')),
      ...env,
    };
    this.process = pty.spawn(process.execPath, [CLI, ...args], {
      // node-pty sets TERM from name, over the environment's.
      name: childEnv.TERM ?? 'xterm-256color',
      cols: columns,
      rows,
      cwd,
      env: childEnv as Record<string, string>,
    });
    this.process.onData((data) => {
      this.output += data;
      this.terminal.write(data);
    });
    // Resolved once the screen shows all the app wrote: the headless terminal parses what it is
    // given asynchronously, and the last chunk can still be in its queue when the process ends.
    this.exited = new Promise((resolve) =>
      this.process.onExit((status) => {
        setImmediate(() => this.terminal.write('', () => resolve(status)));
      }),
    );
  }

  /** Starts `inkdeck ARGS` in a `columns` x `rows` terminal, in `cwd` (the repository by default). */
  static start(
    args: readonly string[],
    options: { columns?: number; rows?: number; env?: NodeJS.ProcessEnv; cwd?: string } = {},
  ): TerminalSession {
    return new TerminalSession(args, options.columns ?? 80, options.rows ?? 24, options.env ?? {}, options.cwd ?? ROOT);
  }

  /** The visible screen, one string per row, trailing spaces trimmed. */
  screen(): string[] {
    const buffer = this.terminal.buffer.active;
    const rows: string[] = [];
    for (let row = 0; row < this.terminal.rows; row += 1) {
      rows.push(buffer.getLine(buffer.viewportY + row)?.translateToString(true) ?? '');
    }
    return rows;
  }

  /** The visible screen as one string. */
  text(): string {
    return this.screen().join('\n');
  }

  /** Whether the alternate screen buffer is active. */
  isAlternateScreen(): boolean {
    return this.terminal.buffer.active.type === 'alternate';
  }

  write(data: string): void {
    this.process.write(data);
  }

  resize(columns: number, rows: number): void {
    this.process.resize(columns, rows);
    this.terminal.resize(columns, rows);
  }

  kill(signal?: string): void {
    this.process.kill(signal);
  }

  /**
   * Polls the screen until `predicate` holds (every 10 ms), so tests never sleep a fixed time.
   *
   * @throws {Error} With the screen as last seen, after `timeoutMs` milliseconds.
   */
  async waitFor(predicate: (screen: string) => boolean, timeoutMs = 5_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      await new Promise<void>((resolve) => this.terminal.write('', resolve));
      if (predicate(this.text())) return;
      if (Date.now() > deadline) throw new Error(`timed out waiting for the screen; it shows:\n${this.text()}`);
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
  }

  /** Types slide number `number` and Enter, as a presenter jumps. */
  jumpTo(number: number): void {
    this.write(`${number}\r`);
  }

  /** Waits until the screen contains `text`. */
  waitForText(text: string, timeoutMs?: number): Promise<void> {
    return this.waitFor((screen) => screen.includes(text), timeoutMs);
  }
}
