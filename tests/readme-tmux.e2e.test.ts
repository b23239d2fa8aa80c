import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ROOT } from './helpers/paths.js';
import { killShells, shellInPty } from './helpers/shell-pty.js';
import { KEYS } from './helpers/terminal.js';

/** The README's tmux recipe, as written: the `tmux` lines of the code block after "Or with tmux". */
function readmeTmuxCommands(): string[] {
  const readme = readFileSync(path.join(ROOT, 'README.md'), 'utf8');
  const block = /Or with tmux[\s\S]*?```sh\n([\s\S]*?)```/.exec(readme)?.[1] ?? '';
  return block.split('\n').filter((line) => line.startsWith('tmux '));
}

// A tmux server of the test's own (TMUX_TMPDIR holds its socket), so the commands run as
// written without touching any other; `env -u TMUX` lets them run under a tmux too.
const socketDirectory = mkdtempSync(path.join(tmpdir(), 'inkdeck-tmux-'));
const tmuxEnv = { TMUX_TMPDIR: socketDirectory };
afterEach(() => {
  killShells();
  try {
    execFileSync('tmux', ['kill-server'], { env: { ...process.env, ...tmuxEnv, TMUX: '' }, stdio: 'ignore' });
  } catch {
    // No server left: nothing to stop.
  }
});

describe("the README's tmux recipe", () => {
  it('puts the presenter view on one terminal and the audience view on the projector, following each other', async () => {
    const [yours, projector] = readmeTmuxCommands();
    expect(yours).toBeDefined();
    expect(projector).toBeDefined();
    const run = (command: string) => shellInPty('/usr/bin/env', () => ['-u', 'TMUX', '/bin/sh', '-c', command], tmuxEnv);

    const mine = run(yours ?? '');
    await mine.waitFor(() => mine.screen().includes('Speaker notes'), 20_000);
    const shown = run(projector ?? '');
    // The projector shows the audience view: the footer, and no presenter panes.
    await shown.waitFor(() => /slide 1\/\d+/.test(shown.screen()) && !shown.screen().includes('Speaker notes'), 20_000);
    expect(mine.screen()).toContain('Speaker notes');

    mine.shell.write(KEYS.right);
    // Each terminal keeps its own window: the projector the audience view, this one the
    // presenter's (waited for whole: tmux redraws a pane in parts).
    await shown.waitFor(() => /slide 2\/\d+/.test(shown.screen()) && !shown.screen().includes('Speaker notes'), 10_000);
    await mine.waitFor(() => /slide 2\/\d+/.test(mine.screen()) && mine.screen().includes('Speaker notes'), 10_000);
  }, 60_000);
});
