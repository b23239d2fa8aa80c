// Bundling an Ink program the way inkdeck ships (issue #7): one CommonJS file with React in
// production mode, cfonts' fonts inlined and yoga's WebAssembly passed as bytes, next to the
// binary (src/bin.ts) that runs it with V8's code cache, made by running the program once in a
// pseudo-terminal (src/launch/code-cache.ts). scripts/bundle.mjs builds the app with it;
// bench/run.mjs builds its floor, an Ink "hello" with a big title, the same way.
// PROFILE_BUNDLE=1 leaves the bundle unminified, so `node --cpu-prof` names functions.
import { createHash } from 'node:crypto';
import { appendFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const ROOT = fileURLToPath(new URL('..', import.meta.url));

/** Fonts the big titles use (src/render/big-text.ts, BIG_TEXT_FONTS). */
const FONTS = ['block', 'simple', 'tiny'];

/**
 * cfonts loads a font with `require('../fonts/' + name + '.json')`, which no bundler can
 * follow, so the bundle would look for the font next to itself and fail. Replace that loader
 * with one that imports the fonts inkdeck uses, which esbuild then inlines.
 */
const inlineCfontsFonts = {
  name: 'inline-cfonts-fonts',
  setup(builder) {
    builder.onLoad({ filter: /cfonts[\\/]lib[\\/]GetFont\.js$/ }, () => ({
      loader: 'js',
      resolveDir: new URL('../node_modules/cfonts/lib/', import.meta.url).pathname,
      contents: [
        "'use strict';",
        `const FONTS = { ${FONTS.map((font) => `${font}: require('../fonts/${font}.json')`).join(', ')} };`,
        'const GetFont = (font) => FONTS[font] ?? false;',
        'module.exports = exports = { GetFont };',
      ].join('\n'),
    }));
  },
};

/**
 * With DEV=true, Ink's reconciler awaits an import of its React DevTools connection
 * (build/devtools.js, which needs react-devtools-core, not installed, and ws) and of its own
 * package.json, at the top level of the module. A CommonJS bundle cannot await there, and the
 * binary has no use for a debugging aid of Ink's own development, which every start would parse
 * (about 130 KB): both awaits go. If an Ink update changes them, the build fails here.
 */
const inkWithoutDevtools = {
  name: 'ink-without-devtools',
  setup(builder) {
    builder.onLoad({ filter: /[\\/]ink[\\/]build[\\/]reconciler\.js$/ }, (args) => {
      const replacements = [
        ["await import('./devtools.js');", 'void 0;'],
        ['? await loadPackageJson()', '? { name: undefined, version: undefined }'],
      ];
      let contents = readFileSync(args.path, 'utf8');
      for (const [from, to] of replacements) {
        if (!contents.includes(from)) throw new Error(`${args.path} no longer contains ${from}`);
        contents = contents.replace(from, to);
      }
      return { loader: 'js', contents, resolveDir: path.dirname(args.path) };
    });
  },
};

/**
 * yoga-layout ships its WebAssembly as a base64 data: URL, and Emscripten's loader fetches it
 * with `fetch` whenever `fetch` exists, as it does in Node 20. That loads undici and decodes the
 * URL through it: about 25 ms of start-up in a CPU profile. Emscripten takes the bytes instead
 * through its documented `wasmBinary` option, so the bundle resolves `yoga-layout` to a module
 * that passes them, and moves the base64 text there rather than carrying it twice.
 * yoga-layout awaits the WebAssembly at the top level, which a CommonJS bundle cannot; here its
 * default export is filled in when it is ready, and `yogaReady`, which the binary awaits before
 * anything renders, settles then (Ink reads the export only to lay out).
 * If a yoga-layout update moves the data URL, the build fails here rather than starting slowly.
 */
const loadYogaFromBytes = {
  name: 'load-yoga-from-bytes',
  setup(builder) {
    const yogaRoot = fileURLToPath(new URL('../node_modules/yoga-layout/dist/', import.meta.url));
    const loaderPath = path.join(yogaRoot, 'binaries/yoga-wasm-base64-esm.js');
    const dataUrl = /"data:application\/octet-stream;base64,([A-Za-z0-9+/=]+)"/;
    const loader = readFileSync(loaderPath, 'utf8');
    const wasm = dataUrl.exec(loader)?.[1];
    if (wasm === undefined) throw new Error(`no base64 WebAssembly found in ${loaderPath}`);
    builder.onResolve({ filter: /^yoga-layout$/ }, () => ({ path: 'yoga-layout', namespace: 'yoga' }));
    builder.onLoad({ filter: /.*/, namespace: 'yoga' }, () => ({
      loader: 'js',
      resolveDir: path.join(yogaRoot, 'src'),
      contents: [
        "import loadYoga from '../binaries/yoga-wasm-base64-esm.js';",
        "import wrapAssembly from './wrapAssembly.js';",
        "export * from './generated/YGEnums.js';",
        'const Yoga = {};',
        `export const yogaReady = loadYoga({ wasmBinary: Buffer.from('${wasm}', 'base64') }).then((module) => void Object.assign(Yoga, wrapAssembly(module)));`,
        'export default Yoga;',
      ].join('\n'),
    }));
    builder.onLoad({ filter: /yoga-layout[\\/]dist[\\/]binaries[\\/]yoga-wasm-base64-esm\.js$/ }, () => ({
      loader: 'js',
      contents: loader.replace(dataUrl, '"data:application/octet-stream;base64,"'),
    }));
  },
};

/**
 * Lines of a module function, `header`, that remembers what `compute` (an expression of `key`)
 * gave for each key: at most 10,000 keys, then the memory starts again, empty. When `skip`
 * holds, it returns `bypass` without remembering.
 */
function rememberingFunction({ header, key, skip, bypass, compute }) {
  return [
    'const memory = new Map();',
    `${header} {`,
    `  if (${skip}) return ${bypass};`,
    `  let value = memory.get(${key});`,
    '  if (value === undefined) {',
    `    value = ${compute};`,
    '    if (memory.size >= 10_000) memory.clear();',
    `    memory.set(${key}, value);`,
    '  }',
    '  return value;',
    '}',
  ];
}

/**
 * string-width measures a string by splitting it into graphemes (Intl.Segmenter) and testing
 * each against Unicode property patterns, which is slow for anything but plain ASCII, and Ink
 * measures every text of every frame again, uncached: the rows of a big title, the progress bar.
 * A CPU profile of key presses between two big-title slides put about 0.7 ms of each frame
 * there. The bundle gives every importer one string-width that remembers the widths it measured
 * (a width depends on the string alone; calls with options are passed straight through).
 */
const rememberStringWidths = {
  name: 'remember-string-widths',
  setup(builder) {
    const real = fileURLToPath(new URL('../node_modules/string-width/index.js', import.meta.url));
    builder.onResolve({ filter: /^string-width$/ }, () => ({ path: 'string-width', namespace: 'remembered' }));
    builder.onLoad({ filter: /^string-width$/, namespace: 'remembered' }, () => ({
      loader: 'js',
      resolveDir: path.dirname(real),
      contents: [
        `import stringWidth from ${JSON.stringify(real)};`,
        ...rememberingFunction({
          header: 'export default function rememberedStringWidth(text, options)',
          key: 'text',
          skip: 'options !== undefined || typeof text !== "string"',
          bypass: 'stringWidth(text, options)',
          compute: 'stringWidth(text)',
        }),
      ].join('\n'),
    }));
  },
};

/**
 * Ink redoes three pieces of ansi-tokenize's work on every frame, and the bundle's ansi-tokenize
 * takes shortcuts in each, with the same results:
 * - Ink turns every row it draws into styled characters (tokenize, then styledCharsFromTokens),
 *   keeping them for that frame only, although a slide's rows are the same from one key press to
 *   the next (about 0.9 ms of a big-title frame in a CPU profile). Both results are remembered
 *   (each depends on its input alone; Ink only reads them).
 * - Ink writes every row with styledCharsToString, which for each of the 1,920 cells at 80x24
 *   asks diffAnsiCodes which styles change from the cell before (three new Sets, four arrays)
 *   and writes them with ansiCodesToString (one more Set). Most neighbours carry the very same
 *   style objects, and then the answer is no change, written as nothing, without working it out.
 *   Measured in the app from key to frame write, over 8 interleaved runs: the first ten presses
 *   after start, still unoptimised code, went from 66 to 32 ms in all (medians), and later
 *   presses from 2.9 to 2.2 ms each.
 */
const ansiTokenizeShortcuts = {
  name: 'ansi-tokenize-shortcuts',
  setup(builder) {
    const build = fileURLToPath(new URL('../node_modules/@alcalzone/ansi-tokenize/build/', import.meta.url));
    const real = (file) => JSON.stringify(path.join(build, file));
    const modules = {
      // Ink's import of the package.
      '@alcalzone/ansi-tokenize': [
        `import * as real from ${real('index.js')};`,
        `export * from ${real('index.js')};`,
        ...rememberingFunction({
          header: 'export function tokenize(text, endChar)',
          key: 'text',
          skip: 'endChar !== undefined',
          bypass: 'real.tokenize(text, endChar)',
          compute: 'real.tokenize(text)',
        }),
        'const charactersOf = new WeakMap();',
        'export function styledCharsFromTokens(tokens) {',
        '  let characters = charactersOf.get(tokens);',
        '  if (characters === undefined) {',
        '    characters = real.styledCharsFromTokens(tokens);',
        '    charactersOf.set(tokens, characters);',
        '  }',
        '  return characters;',
        '}',
      ],
      // The package's own imports, from styledCharsToString among others.
      './diff.js': [
        `import { diffAnsiCodes as diff } from ${real('diff.js')};`,
        'const NO_CHANGE = Object.freeze([]);',
        '/** The styles to emit between a cell with styles `from` and one with `to`. */',
        'export function diffAnsiCodes(from, to) {',
        '  if (from.length === to.length && from.every((code, index) => code === to[index])) return NO_CHANGE;',
        '  return diff(from, to);',
        '}',
      ],
      './ansiCodes.js': [
        `import { ansiCodesToString as toString } from ${real('ansiCodes.js')};`,
        `export * from ${real('ansiCodes.js')};`,
        'export function ansiCodesToString(codes) {',
        "  return codes.length === 0 ? '' : toString(codes);",
        '}',
      ],
    };
    builder.onResolve({ filter: /^@alcalzone\/ansi-tokenize$/ }, (args) => ({ path: args.path, namespace: 'ansi-tokenize' }));
    builder.onResolve({ filter: /^\.\/(diff|ansiCodes)\.js$/ }, (args) =>
      path.resolve(args.resolveDir) === path.resolve(build) ? { path: args.path, namespace: 'ansi-tokenize' } : undefined,
    );
    builder.onLoad({ filter: /.*/, namespace: 'ansi-tokenize' }, (args) => ({
      loader: 'js',
      resolveDir: build,
      contents: modules[args.path].join('\n'),
    }));
  },
};

/**
 * Writes `directory`/inkdeck-app.cjs, the bundle of `entry` (the text of an ES module, resolved
 * from the repository's root, that exports `main` as src/launch/code-cache.ts's Bundle does;
 * `yogaReady` is added), then the binary `directory`/inkdeck.js, then the code cache
 * `directory`/inkdeck-app.code-cache from one run of the binary with `args` in which `script` is
 * played (see writeCodeCache). `directory` is relative to the repository's root or absolute, and
 * must be where Node reads the binary as an ES module (a package.json with "type": "module").
 *
 * @throws When esbuild fails, a library no longer has what a plugin replaces, or the run made to
 * write the cache exits with a non-zero status.
 */
export async function bundleApp({ entry, directory, args, script }) {
  const bundle = path.resolve(ROOT, directory, 'inkdeck-app.cjs');
  const codeCache = path.resolve(ROOT, directory, 'inkdeck-app.code-cache');
  const binary = path.resolve(ROOT, directory, 'inkdeck.js');
  rmSync(codeCache, { force: true });
  const result = await build({
    // What the binary runs (src/launch/code-cache.ts, Bundle).
    stdin: { contents: `${entry}\nexport { yogaReady } from 'yoga-layout';`, resolveDir: ROOT, loader: 'js' },
    outfile: bundle,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    minify: process.env.PROFILE_BUNDLE !== '1',
    legalComments: 'linked',
    define: { 'process.env.NODE_ENV': '"production"', 'import.meta.url': '__inkdeckImportMetaUrl' },
    // ES modules among the dependencies (and ours) find files relative to import.meta.url.
    banner: { js: "var __inkdeckImportMetaUrl = require('node:url').pathToFileURL(__filename).href;" },
    plugins: [inlineCfontsFonts, inkWithoutDevtools, loadYogaFromBytes, rememberStringWidths, ansiTokenizeShortcuts],
    logLevel: 'warning',
    metafile: process.env.PROFILE_BUNDLE === '1',
  });
  if (result.metafile) writeFileSync(path.resolve(ROOT, directory, 'inkdeck.meta.json'), JSON.stringify(result.metafile));
  const buildId = createHash('sha256').update(readFileSync(bundle)).digest('hex').slice(0, 32);
  appendFileSync(bundle, `\n//# inkdeck-build ${buildId}\n`);

  await build({
    entryPoints: [path.join(ROOT, 'src/bin.ts')],
    outfile: binary,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    logLevel: 'warning',
  });

  await writeCodeCache(binary, codeCache, args, script);
}

/**
 * Runs `binary` with `args` in an 80x24 pseudo-terminal, plays `script` once the first frame is
 * drawn (each step a string written as keys, or `{ columns, rows }` to resize the terminal, each
 * waited on until the program has drawn and been quiet for 30 ms, or drawn nothing for 1 s),
 * quits with `q`, and has the binary keep V8's code cache of that run in `cachePath`. Without
 * node-pty (a development dependency) there is no cache, and the binary compiles everything as
 * it starts.
 *
 * @throws When the program exits with a non-zero status.
 */
async function writeCodeCache(binary, cachePath, args, script) {
  let pty;
  try {
    pty = await import('@lydell/node-pty');
  } catch (error) {
    process.stderr.write(`bundle: no code cache, the binary will start slower: ${error.message}\n`);
    return;
  }
  const runtime = mkdtempSync(path.join(tmpdir(), 'inkdeck-build-'));
  try {
    const child = pty.spawn(process.execPath, [binary, ...args], {
      name: 'xterm-256color',
      cols: 80,
      rows: 24,
      cwd: ROOT,
      // A private runtime directory, so this view joins no one's session.
      env: { ...process.env, TERM: 'xterm-256color', XDG_RUNTIME_DIR: runtime, INKDECK_WRITE_CODE_CACHE: cachePath },
    });
    let output = '';
    let written = () => {};
    child.onData((data) => {
      output += data;
      written();
    });
    const exited = new Promise((resolve) => child.onExit(({ exitCode }) => resolve(exitCode)));
    /** Resolves once the program has drawn and then been quiet for 30 ms, or drawn nothing in 1 s. */
    const settled = () =>
      new Promise((resolve) => {
        let timer = setTimeout(resolve, 1000);
        written = () => {
          clearTimeout(timer);
          timer = setTimeout(resolve, 30);
        };
      });
    await Promise.race([settled(), exited]);
    for (const step of script) {
      const frame = settled();
      if (typeof step === 'string') child.write(step);
      else child.resize(step.columns, step.rows);
      await Promise.race([frame, exited]);
    }
    child.write('q');
    const status = await exited;
    if (status !== 0) throw new Error(`${binary} exited with ${status} while making the code cache:\n${output}`);
  } finally {
    rmSync(runtime, { recursive: true, force: true });
  }
}
