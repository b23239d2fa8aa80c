import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

/**
 * Every temporary file of the run, the tests' own and those of the apps they start, goes into
 * one directory (TMPDIR, which `os.tmpdir()` reads and the test workers and apps inherit), and
 * the returned teardown removes it, so a run leaves nothing behind in /tmp.
 */
export default function setup(): () => void {
  // Both projects list this setup, and Vitest runs each project's in the same process: the run
  // gets one directory, or a second would nest in the first and push socket paths past the
  // 108 bytes a Unix socket's path may have (unix(7)).
  if (process.env.INKDECK_TEST_RUN_DIRECTORY !== undefined) return () => undefined;
  const runDirectory = mkdtempSync(path.join(tmpdir(), 'inkdeck-tests-'));
  process.env.INKDECK_TEST_RUN_DIRECTORY = runDirectory;
  process.env.TMPDIR = runDirectory;
  // Nothing of the user's own (a key file, the last position of a deck) reaches an app a test
  // starts, and nothing a test does is kept in the user's home.
  process.env.XDG_CONFIG_HOME = path.join(runDirectory, 'config');
  process.env.XDG_STATE_HOME = path.join(runDirectory, 'state');
  return () => {
    rmSync(runDirectory, { recursive: true, force: true });
    delete process.env.INKDECK_TEST_RUN_DIRECTORY;
  };
}
