import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { CLI, ROOT } from './helpers/paths.js';

/** What esbuild wrote: each output file of the bundle and the modules it holds (scripts/bundle-app.mjs). */
const meta = JSON.parse(readFileSync(path.join(ROOT, 'dist/inkdeck.meta.json'), 'utf8')) as {
  outputs: Record<string, { inputs: Record<string, unknown> }>;
};

/** The modules of the repository and node_modules that `inkdeck ARGS` loads, through the bundle's files. */
function modulesLoadedBy(args: readonly string[]): string[] {
  const log = path.join(mkdtempSync(path.join(tmpdir(), 'inkdeck-modules-')), 'loaded.txt');
  const result = spawnSync(process.execPath, [`--import=${path.join(ROOT, 'tests/fixtures/module-log-preload.mjs')}`, CLI, ...args], {
    cwd: ROOT,
    env: { ...process.env, INKDECK_MODULE_LOG: log },
    encoding: 'utf8',
  });
  expect(result.status, result.stderr).toBe(0);
  const files = readFileSync(log, 'utf8')
    .trim()
    .split('\n')
    .filter((url) => url.startsWith('file:'))
    .map((url) => path.relative(ROOT, fileURLToPath(url)));
  // A file of the bundle stands for the modules bundled into it.
  return files.flatMap((file) => Object.keys(meta.outputs[file]?.inputs ?? { [file]: true }));
}

const UI = /node_modules\/(ink|react|react-reconciler|yoga-layout|cfonts|ink-big-text)\//;

describe('a command loads only the modules it uses (issue 21)', () => {
  it('answers --version from the binary alone, loading nothing of the app', () => {
    const loaded = modulesLoadedBy(['--version']);
    expect(loaded).toEqual(['dist/inkdeck.js']);
  });

  it.each([[['-V', '--debug']], [['--help']], [['completion', 'bash']], [['schema']], [['schema', 'keys']]])(
    'inkdeck %j loads neither Ink, nor React, nor Yoga',
    (args) => {
      const loaded = modulesLoadedBy(args);
      // The module log works: the command's own code is in it.
      expect(loaded).toContain('src/main.tsx');
      expect(loaded.filter((module) => UI.test(module))).toEqual([]);
    },
  );

  it('loads Ink for render, which draws a frame', () => {
    const loaded = modulesLoadedBy(['render', 'slides.yaml', '--slide', '1']);
    expect(loaded.some((module) => module.startsWith('node_modules/ink/'))).toBe(true);
  });
});
