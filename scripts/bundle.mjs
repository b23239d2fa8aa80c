#!/usr/bin/env node
// Bundles the CLI into one file, dist/inkdeck.js, so start-up loads one module instead of
// hundreds (issue #7): React in production mode, cfonts' fonts inlined, yoga's WebAssembly
// passed as bytes. PROFILE_BUNDLE=1 leaves it unminified, so `node --cpu-prof` names functions.
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

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
 * With DEV=true, Ink imports its React DevTools connection (build/devtools.js), which needs
 * react-devtools-core (not installed) and ws. A bundle would carry that code, about 130 KB that
 * every start parses, for a debugging aid of Ink's own development; the binary leaves it out.
 */
const stubInkDevtools = {
  name: 'stub-ink-devtools',
  setup(builder) {
    builder.onResolve({ filter: /^\.\/devtools\.js$/ }, (args) =>
      /[\\/]ink[\\/]build[\\/]/.test(args.importer) ? { path: 'ink-devtools', namespace: 'stub' } : undefined,
    );
    builder.onLoad({ filter: /.*/, namespace: 'stub' }, () => ({ loader: 'js', contents: 'export {};' }));
  },
};

/**
 * yoga-layout ships its WebAssembly as a base64 data: URL, and Emscripten's loader fetches it
 * with `fetch` whenever `fetch` exists, as it does in Node 20. That loads undici and decodes the
 * URL through it: about 25 ms of start-up in a CPU profile. Emscripten takes the bytes instead
 * through its documented `wasmBinary` option, so the bundle resolves `yoga-layout` to a module
 * that passes them, and moves the base64 text there rather than carrying it twice.
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
        `const Yoga = wrapAssembly(await loadYoga({ wasmBinary: Buffer.from('${wasm}', 'base64') }));`,
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
        '/** Most widths kept; past it the memory starts again, empty. */',
        'const LIMIT = 10_000;',
        'const widths = new Map();',
        'export default function rememberedStringWidth(text, options) {',
        '  if (options !== undefined || typeof text !== "string") return stringWidth(text, options);',
        '  let width = widths.get(text);',
        '  if (width === undefined) {',
        '    width = stringWidth(text);',
        '    if (widths.size >= LIMIT) widths.clear();',
        '    widths.set(text, width);',
        '  }',
        '  return width;',
        '}',
      ].join('\n'),
    }));
  },
};

/**
 * Ink turns every row of text it draws into styled characters (ansi-tokenize's tokenize, then
 * styledCharsFromTokens) on every frame, keeping them only for that frame, although a slide's
 * rows are the same from one key press to the next: about 0.9 ms of a big-title frame in a CPU
 * profile. The bundle's ansi-tokenize remembers both results (each depends on its input alone;
 * Ink only reads them), so a row seen before costs a lookup.
 */
const rememberStyledCharacters = {
  name: 'remember-styled-characters',
  setup(builder) {
    const real = fileURLToPath(new URL('../node_modules/@alcalzone/ansi-tokenize/build/index.js', import.meta.url));
    builder.onResolve({ filter: /^@alcalzone\/ansi-tokenize$/ }, () => ({ path: 'ansi-tokenize', namespace: 'remembered' }));
    builder.onLoad({ filter: /^ansi-tokenize$/, namespace: 'remembered' }, () => ({
      loader: 'js',
      resolveDir: path.dirname(real),
      contents: [
        `import * as real from ${JSON.stringify(real)};`,
        `export * from ${JSON.stringify(real)};`,
        '/** Most rows kept; past it the memory starts again, empty. */',
        'const LIMIT = 10_000;',
        'const tokensOf = new Map();',
        'const charactersOf = new WeakMap();',
        'export function tokenize(text, endChar) {',
        '  if (endChar !== undefined) return real.tokenize(text, endChar);',
        '  let tokens = tokensOf.get(text);',
        '  if (tokens === undefined) {',
        '    tokens = real.tokenize(text);',
        '    if (tokensOf.size >= LIMIT) tokensOf.clear();',
        '    tokensOf.set(text, tokens);',
        '  }',
        '  return tokens;',
        '}',
        'export function styledCharsFromTokens(tokens) {',
        '  let characters = charactersOf.get(tokens);',
        '  if (characters === undefined) {',
        '    characters = real.styledCharsFromTokens(tokens);',
        '    charactersOf.set(tokens, characters);',
        '  }',
        '  return characters;',
        '}',
      ].join('\n'),
    }));
  },
};

const result = await build({
  entryPoints: ['src/cli.ts'],
  outfile: 'dist/inkdeck.js',
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  minify: process.env.PROFILE_BUNDLE !== '1',
  legalComments: 'linked',
  define: { 'process.env.NODE_ENV': '"production"' },
  // CommonJS dependencies call require(); an ES module has none of its own.
  banner: { js: "import { createRequire as __inkdeckCreateRequire } from 'node:module';\nconst require = __inkdeckCreateRequire(import.meta.url);" },
  plugins: [inlineCfontsFonts, stubInkDevtools, loadYogaFromBytes, rememberStringWidths, rememberStyledCharacters],
  logLevel: 'warning',
  metafile: process.env.PROFILE_BUNDLE === '1',
});
if (result.metafile) writeFileSync('dist/inkdeck.meta.json', JSON.stringify(result.metafile));
