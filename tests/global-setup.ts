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
  return () => {
    rmSync(runDirectory, { recursive: true, force: true });
    delete process.env.INKDECK_TEST_RUN_DIRECTORY;
  };
}
