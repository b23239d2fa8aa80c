import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  rememberStyledChars,
  rememberTokenize,
  shortcutDiff,
  shortcutToString,
  type AnsiCode,
} from '../src/patches/ansi-tokenize-shortcuts.js';
import { rememberWidths, type StringWidth } from '../src/patches/remembered-string-width.js';
import { withoutFetch, YOGA_FETCH_CHECK } from '../src/patches/yoga-without-fetch.js';
import { runCli } from './helpers/cli.js';
import { ROOT } from './helpers/paths.js';

describe('loading Yoga without fetch (src/patches/yoga-without-fetch.ts)', () => {
  it('still applies to the pinned yoga-layout: its loader decodes the bytes itself when fetch is not a function', () => {
    // Ink's own yoga-layout, the one the bundle takes.
    const inkRequire = createRequire(createRequire(path.join(ROOT, 'package.json')).resolve('ink'));
    const entry = inkRequire.resolve('yoga-layout');
    const yogaRoot = entry.slice(0, entry.lastIndexOf(`${path.sep}yoga-layout${path.sep}`) + '/yoga-layout/'.length);
    const loader = readFileSync(path.join(yogaRoot, 'dist/binaries/yoga-wasm-base64-esm.js'), 'utf8');
    expect(loader).toContain(YOGA_FETCH_CHECK);
    expect(loader).toMatch(/"data:application\/octet-stream;base64,/);
  });

  it('draws the same frame as with fetch', async () => {
    const args = ['render', 'slides.yaml', '--slide', '2'];
    const [patched, unpatched] = await Promise.all([runCli(args), runCli(args, { INKDECK_WITH_FETCH: '1' })]);
    expect(patched.code).toBe(0);
    expect(patched.stdout).toContain('slide 2/');
    expect(patched).toEqual(unpatched);
  });

  it("puts fetch back exactly as it was, Node's lazy getter included, also when loading fails", async () => {
    const before = Object.getOwnPropertyDescriptor(globalThis, 'fetch');
    expect(await withoutFetch(async () => typeof globalThis.fetch)).toBe('undefined');
    expect(Object.getOwnPropertyDescriptor(globalThis, 'fetch')).toEqual(before);
    await expect(withoutFetch(() => Promise.reject(new Error('no')))).rejects.toThrow('no');
    expect(Object.getOwnPropertyDescriptor(globalThis, 'fetch')).toEqual(before);
  });
});

/** A module of `from`'s dependency `name`, resolved as Node resolves it from that package. */
function moduleOf(from: string, name: string): string {
  return createRequire(createRequire(path.join(ROOT, 'package.json')).resolve(from)).resolve(name);
}

const inkOutput = readFileSync(path.join(path.dirname(createRequire(path.join(ROOT, 'package.json')).resolve('ink')), 'output.js'), 'utf8');
/** The build folder of the ansi-tokenize Ink resolves (an ES-only package, so found as Node looks for it). */
const tokenizeBuild = [path.join(ROOT, 'node_modules/ink/node_modules'), path.join(ROOT, 'node_modules')]
  .map((modules) => path.join(modules, '@alcalzone/ansi-tokenize/build'))
  .find((folder) => existsSync(folder)) as string;

describe('string widths remembered (src/patches/remembered-string-width.ts)', () => {
  it('still applies: Ink draws its rows with string-width', () => {
    expect(inkOutput).toMatch(/^import stringWidth from 'string-width';$/m);
  });

  it('gives every width string-width gives, for each version the bundle carries', async () => {
    const texts = ['', 'slide 3/18', '中文标题', '👩‍👩‍👧 family', '\u001B[1mbold\u001B[22m', 'e\u0301', '━━━──', '\t', ' '.repeat(300)];
    for (const file of [moduleOf('ink', 'string-width'), createRequire(path.join(ROOT, 'package.json')).resolve('string-width')]) {
      const real = ((await import(file)) as { default: StringWidth }).default;
      const remembered = rememberWidths(real);
      for (const text of [...texts, ...texts]) expect(remembered(text)).toBe(real(text));
      expect(remembered('中文', { ambiguousIsNarrow: false })).toBe(real('中文', { ambiguousIsNarrow: false }));
    }
  });
});

describe('ansi-tokenize shortcuts (src/patches/ansi-tokenize-shortcuts.ts)', () => {
  it("still apply: Ink calls the package's tokenize, styledCharsFromTokens and styledCharsToString, which calls diffAnsiCodes and ansiCodesToString from its own modules", () => {
    expect(inkOutput).toMatch(/import \{ styledCharsFromTokens, styledCharsToString, tokenize, \} from '@alcalzone\/ansi-tokenize';/);
    const styledChars = readFileSync(path.join(tokenizeBuild, 'styledChars.js'), 'utf8');
    expect(styledChars).toContain('import { ansiCodesToString } from "./ansiCodes.js";');
    expect(styledChars).toContain('import { diffAnsiCodes } from "./diff.js";');
  });

  it('give the results the package gives, for rows as Ink draws them', async () => {
    const real = (await import(path.join(tokenizeBuild, 'index.js'))) as {
      tokenize: (text: string) => object[];
      styledCharsFromTokens: (tokens: object[]) => { styles: AnsiCode[] }[];
      styledCharsToString: (chars: { styles: AnsiCode[] }[]) => string;
      diffAnsiCodes: (from: AnsiCode[], to: AnsiCode[]) => AnsiCode[];
      ansiCodesToString: (codes: AnsiCode[]) => string;
    };
    const tokenize = rememberTokenize(real.tokenize);
    const styledChars = rememberStyledChars(real.styledCharsFromTokens);
    const diff = shortcutDiff(real.diffAnsiCodes);
    const toString = shortcutToString(real.ansiCodesToString);
    const rows = [
      'plain row',
      '\u001B[1m\u001B[36mDrivers\u001B[39m\u001B[22m ━━━',
      '\u001B[2mdim\u001B[22m and \u001B[3mitalic\u001B[23m',
      '中文 \u001B[31mred\u001B[39m',
    ];
    for (const row of [...rows, ...rows]) {
      const tokens = tokenize(row);
      expect(tokens).toEqual(real.tokenize(row));
      const characters = styledChars(tokens);
      expect(characters).toEqual(real.styledCharsFromTokens(real.tokenize(row)));
      expect(real.styledCharsToString(characters)).toBe(real.styledCharsToString(real.styledCharsFromTokens(real.tokenize(row))));
      for (let index = 1; index < characters.length; index += 1) {
        const [from, to] = [characters[index - 1]?.styles ?? [], characters[index]?.styles ?? []];
        expect(diff(from, to)).toEqual(real.diffAnsiCodes(from, to));
        expect(toString(diff(from, to))).toBe(real.ansiCodesToString(real.diffAnsiCodes(from, to)));
      }
    }
  });
});
