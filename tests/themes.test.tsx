import path from 'node:path';
import xtermHeadless from '@xterm/headless';
import { describe, expect, it } from 'vitest';
import { readDeck } from '../src/deck/load-deck.js';
import { buildSlides } from '../src/deck/slides.js';
import { drawFrame } from '../src/render/render-frame.js';
import { backgroundLuminance, relativeLuminance } from '../src/terminal/background.js';
import { resolveTheme, THEME_NAMES, THEMES, type Theme } from '../src/ui/theme.js';
import { errorsOf } from './helpers/deck-errors.js';
import { ROOT } from './helpers/paths.js';

const { Terminal } = xtermHeadless;
const slides = buildSlides(await readDeck(path.join(ROOT, 'tests/fixtures/layouts.yaml')));
const SIZES = [
  { columns: 80, rows: 24 },
  { columns: 120, rows: 40 },
  { columns: 40, rows: 12 },
] as const;

/** `#rrggbb` as its WCAG 2.2 relative luminance. */
function luminanceOf(hex: string): number {
  const [red, green, blue] = [1, 3, 5].map((start) => Number.parseInt(hex.slice(start, start + 2), 16) / 255);
  return relativeLuminance(red ?? 0, green ?? 0, blue ?? 0);
}

/** WCAG 2.2 contrast ratio of two colours, from 1 to 21. */
function contrast(a: string, b: string): number {
  const [lighter, darker] = [luminanceOf(a), luminanceOf(b)].sort((x, y) => y - x);
  return ((lighter ?? 0) + 0.05) / ((darker ?? 0) + 0.05);
}

const TEXT_ROLES = ['text', 'title', 'accent', 'bullet', 'progress', 'code', 'muted', 'ahead', 'behind', 'error', 'ok'] as const;

describe('the themes', () => {
  const coloured = THEME_NAMES.filter((name) => name !== 'mono').map((name) => THEMES[name]);

  it.each(coloured.flatMap((theme) => TEXT_ROLES.map((role) => [theme.name, role, theme] as const)))(
    '%s: %s text is readable on the background (WCAG 2.2: 4.5:1, 7:1 for projector)',
    (name, role, theme) => {
      const colour = theme[role];
      if (colour === undefined || theme.background === undefined) throw new Error(`${name} has no ${role} colour`);
      expect(contrast(colour, theme.background)).toBeGreaterThanOrEqual(name === 'projector' ? 7 : 4.5);
    },
  );

  it.each(coloured.map((theme) => [theme.name, theme] as const))(
    '%s: borders stand out from the background (3:1, non-text)',
    (_name, theme) => {
      expect(contrast(theme.border ?? '', theme.background ?? '')).toBeGreaterThanOrEqual(3);
    },
  );

  it.each(coloured.map((theme) => [theme.name, theme] as const))(
    '%s: the banners read too (their text on their own background)',
    (name, theme) => {
      const least = name === 'projector' ? 7 : 4.5;
      // The error banner writes the theme's background colour on its error colour.
      expect(contrast(theme.background ?? '', theme.error ?? '')).toBeGreaterThanOrEqual(least);
      expect(contrast(theme.noticeText ?? '', theme.notice ?? '')).toBeGreaterThanOrEqual(least);
    },
  );

  it('mono has no colour at all', () => {
    expect(Object.keys(THEMES.mono)).toEqual(['name']);
  });
});

/** The colour frame of `slide` in `theme`, as a terminal shows it: each cell's colours and weight. */
function cells(theme: Theme, slide: number, size = { columns: 80, rows: 24 }) {
  const frame = drawFrame(slides, { slide, step: 4, ...size, color: true, theme: theme.name });
  const terminal = new Terminal({ cols: size.columns, rows: size.rows, allowProposedApi: true });
  terminal.write(frame.split('\n').join('\r\n'));
  return new Promise<{ at: (row: number, column: number) => Cell; find: (text: string) => { row: number; column: number } }>((resolve) => {
    terminal.write('', () => {
      const buffer = terminal.buffer.active;
      const at = (row: number, column: number): Cell => {
        const cell = buffer.getLine(row)?.getCell(column);
        const hex = (value: number) => `#${value.toString(16).padStart(6, '0')}`;
        return {
          text: cell?.getChars() ?? '',
          fg: cell?.isFgRGB() ? hex(cell.getFgColor()) : undefined,
          bg: cell?.isBgRGB() ? hex(cell.getBgColor()) : undefined,
          isBold: cell?.isBold() !== 0,
          isDefault: cell?.isFgDefault() === true && cell.isBgDefault(),
        };
      };
      const find = (text: string) => {
        for (let row = 0; row < size.rows; row += 1) {
          const column = buffer.getLine(row)?.translateToString().indexOf(text) ?? -1;
          if (column >= 0) return { row, column };
        }
        throw new Error(`"${text}" is not in the frame`);
      };
      resolve({ at, find });
    });
  });
}

interface Cell {
  readonly text: string;
  readonly fg?: string;
  readonly bg?: string;
  readonly isBold: boolean;
  readonly isDefault: boolean;
}

describe('a frame in each theme, cell by cell', () => {
  it.each(THEME_NAMES.filter((name) => name !== 'mono'))(
    '%s paints its background over every cell of the frame and colours text by role',
    async (name) => {
      const theme = THEMES[name];
      const { at, find } = await cells(theme, 3);
      for (let row = 0; row < 23; row += 1)
        for (let column = 0; column < 80; column += 1) expect(at(row, column).bg, `${row},${column}`).toBe(theme.background);
      const title = find('Bullets with emphasis');
      expect(at(title.row, title.column)).toMatchObject({ fg: theme.title, isBold: true });
      const bullet = find('• A ');
      expect(at(bullet.row, bullet.column).fg).toBe(theme.bullet);
      expect(at(bullet.row, bullet.column + 2).fg).toBe(theme.text);
      const bold = find('bold claim');
      expect(at(bold.row, bold.column)).toMatchObject({ fg: theme.text, isBold: true });
      const code = find('code span');
      expect(at(code.row, code.column).fg).toBe(theme.code);
      const hint = find('? help');
      expect(at(hint.row, hint.column).fg).toBe(theme.muted);
    },
  );

  it.each(THEME_NAMES.filter((name) => name !== 'mono'))('%s paints the background under the borders of panes too', (name) => {
    const frame = drawFrame(slides, { slide: 3, step: 4, columns: 80, rows: 24, showNotes: true, color: true, theme: name });
    const notesTop = frame.split('\n').find((line) => line.includes('╭')) ?? '';
    // Every cell of the row, the border's included, on the theme's background: no reset to the terminal's.
    expect(notesTop).not.toContain('\u001B[49m╭');
    expect(notesTop).toMatch(/^\u001B\[48;2;/);
  });

  it('mono uses no colour, only weight', async () => {
    const { at, find } = await cells(THEMES.mono, 3);
    for (let row = 0; row < 23; row += 1) for (let column = 0; column < 80; column += 1) expect(at(row, column).isDefault).toBe(true);
    const title = find('Bullets with emphasis');
    expect(at(title.row, title.column).isBold).toBe(true);
  });

  it.each(THEME_NAMES.flatMap((name) => SIZES.map((size) => [name, size.columns, size.rows] as const)))(
    '%s at %i x %i matches its snapshot',
    (name, columns, rows) => {
      expect(drawFrame(slides, { slide: 3, step: 4, columns, rows, color: true, theme: name })).toMatchSnapshot();
    },
  );
});

describe('choosing the theme', () => {
  it.each<[Parameters<typeof resolveTheme>, string]>([
    [[undefined], 'dark'],
    [['light'], 'light'],
    [['projector', { isColorOff: true }], 'mono'],
    [['projector', { isColorOff: true, isExplicit: true }], 'projector'],
    [['auto', { backgroundLuminance: 0.9 }], 'light'],
    [['auto', { backgroundLuminance: 0.02 }], 'dark'],
    [['auto', {}], 'dark'],
  ])('resolveTheme(%j) is %s', (args, name) => {
    expect(resolveTheme(...args).name).toBe(name);
  });

  it.each([
    ['\u001B]11;rgb:ffff/ffff/ffff\u001B\\', 1],
    ['\u001B]11;rgb:0000/0000/0000\u0007', 0],
    ['\u001B]11;rgb:1e/1e/1e\u0007', luminanceOf('#1e1e1e')],
    ['junk', undefined],
  ])('reads the background from the OSC 11 reply %j', (reply, luminance) => {
    const found = backgroundLuminance(reply);
    if (luminance === undefined) expect(found).toBeUndefined();
    else expect(found).toBeCloseTo(luminance, 5);
  });

  it('names the theme meant for a misspelt --theme, and takes auto as dark where frames are drawn', async () => {
    const { runInProcess } = await import('./helpers/in-process.js');
    const typo = await runInProcess(['render', 'slides.yaml', '--slide', '1', '--theme', 'lihgt']);
    expect(typo).toEqual({
      code: 2,
      stdout: '',
      stderr:
        'inkdeck: option \'--theme <name>\' argument \'lihgt\' is invalid. did you mean "light"? "lihgt" is not a theme (dark, light, projector, mono, auto)\n',
    });
    const auto = await runInProcess(['render', 'slides.yaml', '--slide', '3', '--color', '--theme', 'auto']);
    const dark = await runInProcess(['render', 'slides.yaml', '--slide', '3', '--color', '--theme', 'dark']);
    expect(auto.code).toBe(0);
    expect(auto.stdout).toBe(dark.stdout);
  });

  it('takes theme: from the deck, with did-you-mean for a misspelt one', () => {
    expect(errorsOf('title: T\ntheme: lihgt\nsections:\n  - id: s\n    title: S\n    slides: []\n')).toEqual([
      'slides.yaml:2:8: theme: did you mean "light"? "lihgt" is not a theme (dark, light, projector, mono, auto)',
    ]);
  });

  it('draws frames in the deck’s theme unless told otherwise; auto is dark, as frames depend on no terminal', async () => {
    const { renderFrame, loadDeck } = await import('../src/index.js');
    const deck = { ...loadDeck(path.join(ROOT, 'tests/fixtures/layouts.yaml')), theme: 'light' as const };
    const background = (frame: string) => /\u001B\[48;2;(\d+);(\d+);(\d+)m/.exec(frame)?.slice(1).join(',');
    expect(background(renderFrame(deck, { slide: 3, color: true }))).toBe('255,255,255');
    expect(background(renderFrame(deck, { slide: 3, color: true, theme: 'projector' }))).toBe('0,0,0');
    expect(background(renderFrame({ ...deck, theme: 'auto' }, { slide: 3, color: true }))).toBe('18,18,18');
  });
});
