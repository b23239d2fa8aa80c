import { fileURLToPath } from 'node:url';
import path from 'node:path';

/** Repository root. */
export const ROOT = fileURLToPath(new URL('../..', import.meta.url));
/** The shared inputs that have broken tools like ours; CI lays `shared/` beside the clone. */
export const CASES = path.resolve(ROOT, '../shared/cases');
export const SLIDES_YAML = path.join(ROOT, 'slides.yaml');
export const CLI = path.join(ROOT, 'dist/cli.js');
