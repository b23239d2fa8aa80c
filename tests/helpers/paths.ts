import { fileURLToPath } from 'node:url';
import path from 'node:path';

/** Repository root. */
export const ROOT = fileURLToPath(new URL('../..', import.meta.url));
/** The shared inputs that have broken tools like ours; CI lays `shared/` beside the clone. */
export const CASES = path.resolve(ROOT, '../shared/cases');
export const SLIDES_YAML = path.join(ROOT, 'slides.yaml');
/** The binary users run (`bin` in package.json): the bundle. */
export const CLI = path.join(ROOT, 'dist/inkdeck.js');
/** The CLI as separate compiled modules, for tests that replace a module at load time. */
export const UNBUNDLED_CLI = path.join(ROOT, 'dist/cli.js');
