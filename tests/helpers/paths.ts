import { fileURLToPath } from 'node:url';
import path from 'node:path';

/** Repository root. */
export const ROOT = fileURLToPath(new URL('../..', import.meta.url));
/**
 * Small inputs that have broken tools like ours, copied from the team's shared cases so that a
 * clone tests itself on any machine; a test checks the copies still match when `shared/` is there.
 */
export const CASES = path.join(ROOT, 'tests/fixtures/cases');
/** The cases that are valid decks: every one of them loads and renders. */
export const VALID_CASES = [
  'bom.yaml',
  'crlf.yaml',
  'escape-injection.yaml',
  'implicit-types.yaml',
  'long-content.yaml',
  'unicode-title.yaml',
  'wide-content.yaml',
] as const;
/** The team's shared cases, beside the clone on developers' machines and in CI. */
export const SHARED_CASES = path.resolve(ROOT, '../shared/cases');
export const SLIDES_YAML = path.join(ROOT, 'slides.yaml');
/** The binary users run (`bin` in package.json): the bundle. */
export const CLI = path.join(ROOT, 'dist/inkdeck.js');
/** The CLI as separate compiled modules, for tests that replace a module at load time. */
export const UNBUNDLED_CLI = path.join(ROOT, 'dist/cli.js');
