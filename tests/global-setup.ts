import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

/**
 * Every temporary file of the run, the tests' own and those of the apps they start, goes into
 * one directory (TMPDIR, which `os.tmpdir()` reads and the test workers and apps inherit), and
 * the returned teardown removes it, so a run leaves nothing behind in /tmp.
 */
export default function setup(): () => void {
  const runDirectory = mkdtempSync(path.join(tmpdir(), 'inkdeck-tests-'));
  process.env.TMPDIR = runDirectory;
  return () => rmSync(runDirectory, { recursive: true, force: true });
}
