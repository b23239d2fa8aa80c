import { execFileSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { ROOT } from './helpers/paths.js';

/** Builds `dist/` once, so the CLI and pseudo-terminal tests run the same files `npm start` does. */
export default function setup(): void {
  const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
  execFileSync(process.execPath, [tsc, '-p', 'tsconfig.build.json'], { cwd: ROOT, stdio: 'inherit' });
}
