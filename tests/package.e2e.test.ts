import { execFileSync, spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { ROOT, SLIDES_YAML } from './helpers/paths.js';

/**
 * The package as a user gets it: `npm pack` of this repository (dist/ as the global setup built
 * it, which is what the `prepack` script builds), installed into an empty project from the
 * registry cache that `npm ci` filled.
 */
let consumer = '';
let tarball = '';

const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');

beforeAll(() => {
  const directory = mkdtempSync(path.join(tmpdir(), 'inkdeck-package-'));
  const packed = JSON.parse(
    execFileSync('npm', ['pack', '--ignore-scripts', '--json', '--pack-destination', directory], { cwd: ROOT, encoding: 'utf8' }),
  ) as [{ filename: string; files: { path: string }[] }];
  tarball = path.join(directory, packed[0].filename);
  consumer = path.join(directory, 'consumer');
  execFileSync('mkdir', [consumer]);
  writeFileSync(path.join(consumer, 'package.json'), JSON.stringify({ name: 'consumer', private: true, type: 'module' }));
  execFileSync('npm', ['install', '--prefer-offline', '--no-audit', '--no-fund', tarball], { cwd: consumer, stdio: 'pipe' });
  copyFileSync(SLIDES_YAML, path.join(consumer, 'talk.yaml'));
}, 120_000);

describe('the published package', () => {
  it('holds the built app, the library and its types, the schema and the licence, and no sources', () => {
    const files = execFileSync('tar', ['-tzf', tarball], { encoding: 'utf8' })
      .trim()
      .split('\n')
      .map((file) => file.replace(/^package\//, ''));
    for (const file of [
      'dist/inkdeck.js',
      'dist/inkdeck-app.js',
      'dist/index.js',
      'dist/index.d.ts',
      'dist/require.cjs',
      'LICENSE',
      'README.md',
      'slides.schema.json',
      'package.json',
    ]) {
      expect(files).toContain(file);
    }
    expect(files.filter((file) => /^(src|tests|scripts|bench)\//.test(file))).toEqual([]);
  });

  it('is built by npm pack itself (prepack), so a fresh clone never publishes without dist/', () => {
    const manifest = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string> };
    expect(manifest.scripts.prepack).toBe('npm run --silent build');
  });

  it('installs a binary that presents and renders', () => {
    const binary = path.join(consumer, 'node_modules/.bin/inkdeck');
    const frame = execFileSync(process.execPath, [binary, 'render', 'talk.yaml', '--slide', '3'], { cwd: consumer, encoding: 'utf8' });
    expect(frame).toMatch(/Drivers .* slide 3\/18/);
  });

  it.each(['NodeNext', 'Bundler'])(
    'gives the snapshot-testing API with types that check under %s resolution, and renders a frame',
    (resolution) => {
      const script = path.join(consumer, `frame-${resolution}.ts`);
      writeFileSync(
        script,
        [
          "import { frames, loadDeck, renderFrame, type Frame } from 'inkdeck';",
          "const deck = loadDeck('talk.yaml');",
          'const all: Frame[] = [...frames(deck, { columns: 80, rows: 24 })];',
          'const frame: string = renderFrame(deck, { slide: 3, step: 1, columns: 80, rows: 24, notes: false, color: false });',
          "console.log(all.length, frame.split('\\n').at(-1));",
        ].join('\n'),
      );
      const module = resolution === 'Bundler' ? 'ESNext' : 'NodeNext';
      const typeRoots = path.join(ROOT, 'node_modules/@types');
      const check = spawnSync(
        process.execPath,
        [
          tsc,
          '--noEmit',
          '--strict',
          '--target',
          'ES2022',
          '--module',
          module,
          '--moduleResolution',
          resolution,
          '--allowImportingTsExtensions',
          '--typeRoots',
          typeRoots,
          '--types',
          'node',
          '--skipLibCheck',
          script,
        ],
        { cwd: consumer, encoding: 'utf8' },
      );
      expect(check.stdout + check.stderr).toBe('');
      expect(check.status).toBe(0);
      // Node runs the TypeScript file itself, its types stripped.
      // (Node 22.12, the oldest supported, strips types only when asked to.)
      const output = execFileSync(process.execPath, ['--experimental-strip-types', '--no-warnings', script], {
        cwd: consumer,
        encoding: 'utf8',
      });
      expect(output).toMatch(/^\d+ Drivers .* slide 3\/18/);
    },
  );

  it('tells CommonJS code to use import()', () => {
    const result = spawnSync(process.execPath, ['-e', "require('inkdeck')"], { cwd: consumer, encoding: 'utf8' });
    expect(result.status).toBe(1);
    expect(result.stderr).toContain("inkdeck is an ES module: load it with `const inkdeck = await import('inkdeck')`");
  });

  it('can be imported from CommonJS with import()', () => {
    const output = execFileSync(process.execPath, ['-e', "import('inkdeck').then((inkdeck) => console.log(typeof inkdeck.loadDeck))"], {
      cwd: consumer,
      encoding: 'utf8',
    });
    expect(output.trim()).toBe('function');
  });
});
