import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { ROOT } from './helpers/paths.js';

/**
 * Builds `dist/` once, as `npm run build` does: the compiled modules (the library) and the
 * bundled binary that the CLI and pseudo-terminal tests run, the file `npm start` runs.
 *
 * Every temporary file of the run, the tests' own and those of the apps they start, goes into
 * one directory (TMPDIR, which `os.tmpdir()` reads and the test workers and apps inherit), and
 * the returned teardown removes it, so a run leaves nothing behind in /tmp.
 */
export default function setup(): () => void {
  const runDirectory = mkdtempSync(path.join(tmpdir(), 'inkdeck-tests-'));
  process.env.TMPDIR = runDirectory;
  const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
  execFileSync(process.execPath, [tsc, '-p', 'tsconfig.build.json'], { cwd: ROOT, stdio: 'inherit' });
  execFileSync(process.execPath, ['scripts/bundle.mjs'], { cwd: ROOT, stdio: 'inherit' });
  return () => rmSync(runDirectory, { recursive: true, force: true });
}
