// Bundling an Ink program the way inkdeck ships: one ES module with React in production mode,
// next to the binary (src/bin.ts) that checks the Node version, turns on Node's compile cache and
// imports it. scripts/bundle.mjs builds the app with it; bench/run.mjs builds its floors, Ink
// "hello"s with a big title, the same way. PROFILE_BUNDLE=1 leaves the bundle unminified, so
// `node --cpu-prof` names functions.
import { rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const ROOT = fileURLToPath(new URL('..', import.meta.url));

/**
 * Packages left out of the bundle and imported from node_modules at run time:
 * - cfonts (through ink-big-text) is GPL-3.0-or-later. Inlined, it would make our MIT bundle a
 *   combined work under the GPL; imported from its own package, installed as a dependency, it
 *   stays a separate work under its own licence.
 * - playwright-core, which `export --format pdf` alone imports, when it is run: it reads files of
 *   its own package at run time (its protocol and injected scripts), and is larger than the
 *   whole app.
 */
export const EXTERNAL_PACKAGES = ['cfonts', 'playwright-core'];

/**
 * Ink imports its React DevTools connection (build/devtools.js, which imports
 * react-devtools-core) only when DEV=true and that package is installed: a debugging aid of
 * Ink's own development. Bundled as an ES module, its static import of react-devtools-core
 * would move to the top of the bundle and fail every start, so the bundle has an empty module
 * in its place. If Ink stops importing it, the build fails here rather than shipping a stub
 * for nothing.
 */
const inkDevtoolsLeftOut = {
  name: 'ink-devtools-left-out',
  setup(builder) {
    let replaced = false;
    builder.onResolve({ filter: /^\.\/devtools\.js$/ }, (args) => {
      if (!/[\\/]ink[\\/]build$/.test(args.resolveDir)) return undefined;
      replaced = true;
      return { path: 'ink-devtools', namespace: 'left-out' };
    });
    builder.onLoad({ filter: /.*/, namespace: 'left-out' }, () => ({ loader: 'js', contents: '' }));
    builder.onEnd((result) => {
      if (result.errors.length === 0 && !replaced)
        throw new Error('ink no longer imports ./devtools.js: remove the ink-devtools-left-out plugin');
    });
  },
};

/**
 * Module substitutions: each listed bare import (`specifier`, and relative ones from inside the
 * package, `inside`) resolves, for every importer, to a small module that imports the one the
 * importer would have had and passes it through a typed patch of ours (src/patches/), so each
 * importer keeps its own version. `wrap(real)` gives that module's text from the real module's
 * absolute path. The build fails when a substitution found nothing to replace, so a patch that no
 * longer applies to the pinned libraries is said, not silently dropped.
 */
function substitution({ name, filter, inside, wrap }) {
  return {
    name,
    setup(builder) {
      let count = 0;
      builder.onResolve({ filter }, async (args) => {
        if (args.pluginData?.isReal === true || args.namespace === name) return undefined;
        if (inside !== undefined && !inside.test(args.resolveDir)) return undefined;
        const real = await builder.resolve(args.path, {
          kind: args.kind,
          resolveDir: args.resolveDir,
          importer: args.importer,
          pluginData: { isReal: true },
        });
        if (real.errors.length > 0) return { errors: real.errors };
        count += 1;
        return { path: real.path, namespace: name };
      });
      builder.onLoad({ filter: /.*/, namespace: name }, (args) => ({
        loader: 'js',
        resolveDir: ROOT,
        contents: wrap(JSON.stringify(args.path)),
      }));
      builder.onEnd((result) => {
        if (result.errors.length === 0 && count === 0)
          throw new Error(`${name}: nothing imports what it replaces any more; remove the patch`);
      });
    },
  };
}

const patch = (file) => JSON.stringify(path.join(ROOT, 'src/patches', file));

/** src/patches/remembered-string-width.ts: widths remembered, for Ink and the libraries under it. */
const rememberedStringWidth = substitution({
  name: 'remembered-string-width',
  filter: /^string-width$/,
  wrap: (real) =>
    `import stringWidth from ${real};\nimport { rememberWidths } from ${patch('remembered-string-width.ts')};\nexport default rememberWidths(stringWidth);`,
});

/** src/patches/ansi-tokenize-shortcuts.ts: Ink's import of the package, and two of its own modules. */
const ANSI_TOKENIZE_BUILD = /[\\/]@alcalzone[\\/]ansi-tokenize[\\/]build$/;
const ansiTokenizeShortcuts = [
  substitution({
    name: 'ansi-tokenize-remembered',
    filter: /^@alcalzone\/ansi-tokenize$/,
    wrap: (real) =>
      [
        `import * as real from ${real};`,
        `export * from ${real};`,
        `import { rememberStyledChars, rememberTokenize } from ${patch('ansi-tokenize-shortcuts.ts')};`,
        'export const tokenize = rememberTokenize(real.tokenize);',
        'export const styledCharsFromTokens = rememberStyledChars(real.styledCharsFromTokens);',
      ].join('\n'),
  }),
  substitution({
    name: 'ansi-tokenize-diff',
    filter: /^\.\/diff\.js$/,
    inside: ANSI_TOKENIZE_BUILD,
    wrap: (real) =>
      `import { diffAnsiCodes as real } from ${real};\nexport * from ${real};\nimport { shortcutDiff } from ${patch('ansi-tokenize-shortcuts.ts')};\nexport const diffAnsiCodes = shortcutDiff(real);`,
  }),
  substitution({
    name: 'ansi-tokenize-codes',
    filter: /^\.\/ansiCodes\.js$/,
    inside: ANSI_TOKENIZE_BUILD,
    wrap: (real) =>
      `import { ansiCodesToString as real } from ${real};\nexport * from ${real};\nimport { shortcutToString } from ${patch('ansi-tokenize-shortcuts.ts')};\nexport const ansiCodesToString = shortcutToString(real);`,
  }),
];

/**
 * Writes `directory`/inkdeck-app.js, the bundle of `entry` (a module of the repository, relative
 * to its root, that exports `main(argv): Promise<number>`), with the modules it imports lazily
 * (`await import(…)`, one per command) in chunks of their own under `directory`/chunks, so a
 * command loads only what it uses; then the binary `directory`/inkdeck.js (src/bin.ts) that runs
 * it. `directory` is relative to the repository's root or absolute, and must be where Node reads
 * `.js` as ES modules (a package.json with "type": "module" above it).
 *
 * @throws When esbuild fails, or Ink no longer imports what inkDevtoolsLeftOut leaves out.
 */
export async function bundleApp({ entry, directory }) {
  const outdir = path.resolve(ROOT, directory);
  // Chunks of an earlier build, named by their content's hash, would pile up.
  rmSync(path.join(outdir, 'chunks'), { recursive: true, force: true });
  const result = await build({
    entryPoints: [{ in: path.resolve(ROOT, entry), out: 'inkdeck-app' }],
    outdir,
    splitting: true,
    chunkNames: 'chunks/[name]-[hash]',
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node22.12',
    minify: process.env.PROFILE_BUNDLE !== '1',
    legalComments: 'linked',
    external: EXTERNAL_PACKAGES,
    // write-file-atomic names its temporary files from its own CommonJS __filename, which an ES
    // module has as import.meta.filename (Node 20.11 and later).
    define: { 'process.env.NODE_ENV': '"production"', __filename: 'import.meta.filename' },
    // CommonJS modules in the bundle (React, among others) call require() for Node's own
    // modules, which an ES module has no binding for.
    banner: {
      js: "import { createRequire as __inkdeckCreateRequire } from 'node:module'; const require = __inkdeckCreateRequire(import.meta.url);",
    },
    plugins: [inkDevtoolsLeftOut, rememberedStringWidth, ...ansiTokenizeShortcuts],
    logLevel: 'warning',
    metafile: true,
  });
  // Which output holds which modules: what tests/lazy-commands.e2e.test.ts reads to know what a
  // command loads, and what PROFILE_BUNDLE=1 profiles name.
  writeFileSync(path.join(outdir, 'inkdeck.meta.json'), JSON.stringify(result.metafile));

  await build({
    entryPoints: [path.join(ROOT, 'src/bin.ts')],
    outfile: path.resolve(ROOT, directory, 'inkdeck.js'),
    bundle: true,
    platform: 'node',
    format: 'esm',
    // The binary must parse on the old Node it refuses, to say why it refuses it.
    target: 'node16',
    logLevel: 'warning',
  });
}
