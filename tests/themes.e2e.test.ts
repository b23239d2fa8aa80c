import { afterEach, describe, expect, it } from 'vitest';
import { THEMES } from '../src/ui/theme.js';
import { KEYS, TerminalSession } from './helpers/terminal.js';

const running: TerminalSession[] = [];
afterEach(() => {
  for (const session of running.splice(0)) session.kill('SIGKILL');
});

/** The app presenting slides.yaml in 24-bit colour, as a true-colour terminal runs it. */
function start(args: string[], env: Record<string, string> = {}): TerminalSession {
  const session = TerminalSession.start(['present', 'slides.yaml', '--no-sync', '--no-watch', ...args], {
    env: { FORCE_COLOR: '3', ...env },
  });
  running.push(session);
  return session;
}

/** The background of the cell at row 0, column 0 as `#rrggbb`, or `default`. */
function cornerBackground(session: TerminalSession): string {
  const cell = session.terminal.buffer.active.getLine(session.terminal.buffer.active.viewportY)?.getCell(0);
  return cell?.isBgRGB() ? `#${cell.getBgColor().toString(16).padStart(6, '0')}` : 'default';
}

const OSC_11_QUERY = '\u001B]11;?\u001B\\';

describe('the theme of a live view', () => {
  it('with --theme auto asks the terminal for its background, and draws light on a light one, the reply never read as keys', async () => {
    const session = start(['--theme', 'auto']);
    await session.waitFor(() => session.output.includes(OSC_11_QUERY));
    // As xterm answers: 16 bits a component, ended by ST.
    session.write('\u001B]11;rgb:ffff/ffff/ffff\u001B\\');
    await session.waitForText('slide 1/');
    await session.waitFor(() => cornerBackground(session) === THEMES.light.background);
    // Nothing of the reply became a key: no digits typed for a jump, and the keys still work.
    expect(session.text()).not.toMatch(/→ \d|go to/);
    session.write(KEYS.right);
    await session.waitForText('slide 2/');
  }, 20_000);

  it('with --theme auto draws dark where the terminal does not answer', async () => {
    const session = start(['--theme', 'auto']);
    await session.waitForText('slide 1/');
    expect(session.output).toContain(OSC_11_QUERY);
    expect(cornerBackground(session)).toBe(THEMES.dark.background);
  }, 20_000);

  it('asks nothing unless the theme is auto', async () => {
    const session = start(['--theme', 'projector']);
    await session.waitForText('slide 1/');
    expect(session.output).not.toContain('\u001B]11;');
    expect(cornerBackground(session)).toBe(THEMES.projector.background);
  }, 20_000);

  it('is mono under NO_COLOR unless a theme is asked for on the command line', async () => {
    const mono = start([], { NO_COLOR: '1' });
    await mono.waitForText('slide 1/');
    expect(cornerBackground(mono)).toBe('default');
    const asked = start(['--theme', 'light'], { NO_COLOR: '1' });
    await asked.waitForText('slide 1/');
    await asked.waitFor(() => cornerBackground(asked) === THEMES.light.background);
  }, 20_000);
});
