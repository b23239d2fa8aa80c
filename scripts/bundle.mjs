#!/usr/bin/env node
// Bundles the CLI into one file, dist/inkdeck.js, so start-up loads one module instead of
// hundreds (issue #7): React in production mode, cfonts' fonts inlined.
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
 * Ink imports react-devtools-core, which is not installed, only when DEV=true. An ES module
 * bundle would hoist that import and fail at start, so give it an empty stand-in.
 */
const stubDevtools = {
  name: 'stub-react-devtools-core',
  setup(builder) {
    builder.onResolve({ filter: /^react-devtools-core$/ }, () => ({ path: 'react-devtools-core', namespace: 'stub' }));
    builder.onLoad({ filter: /.*/, namespace: 'stub' }, () => ({
      loader: 'js',
      contents: 'export default { initialize() {}, connectToDevTools() {} };',
    }));
  },
};

await build({
  entryPoints: ['src/cli.ts'],
  outfile: 'dist/inkdeck.js',
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  minify: true,
  legalComments: 'linked',
  define: { 'process.env.NODE_ENV': '"production"' },
  // CommonJS dependencies call require(); an ES module has none of its own.
  banner: { js: "import { createRequire as __inkdeckCreateRequire } from 'node:module';\nconst require = __inkdeckCreateRequire(import.meta.url);" },
  plugins: [inlineCfontsFonts, stubDevtools],
  logLevel: 'warning',
});
