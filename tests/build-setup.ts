import { execFileSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { ROOT } from './helpers/paths.js';

/**
 * Builds `dist/` once for the end-to-end project, as `npm run build` does: the compiled modules
 * (the library) and the bundled binary that the CLI and pseudo-terminal tests run, the file
 * `npm start` runs.
 */
export default function setup(): void {
  const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
  execFileSync(process.execPath, [tsc, '-p', 'tsconfig.build.json'], { cwd: ROOT, stdio: 'inherit' });
  execFileSync(process.execPath, ['scripts/bundle.mjs'], { cwd: ROOT, stdio: 'inherit' });
}
