import { renderToString } from 'ink';
import stringWidth from 'string-width';
import stripAnsi from 'strip-ansi';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import cfonts from 'cfonts';
import cfontsSize from 'cfonts/lib/Size.js';
import BigText from 'ink-big-text';
import { BIG_TEXT_FONTS, BIG_TEXT_OPTIONS, drawBigText, fitBigText } from '../src/layout/big-text.js';
import { BigTitle } from '../src/ui/BigTitle.js';

const widest = (rows: readonly string[]) => Math.max(...rows.map((row) => stringWidth(row)));

describe('fitBigText', () => {
  it('uses the biggest font that fits on one line', () => {
    expect(fitBigText('Drivers', 80, 20)).toMatchObject({ font: 'block', lines: ['Drivers'] });
  });

  it('breaks between words before it picks a smaller font', () => {
    const layout = fitBigText('Limits of alliance', 80, 20);
    expect(layout?.font).toBe('block');
    expect(layout?.lines.length).toBeGreaterThan(1);
    expect(layout?.lines.join(' ')).toBe('Limits of alliance');
  });

  it.each([
    [120, 40],
    [80, 24],
    [60, 20],
    [40, 12],
    [30, 8],
  ])('never draws wider or taller than %ix%i', (columns, rows) => {
    for (const title of ['Russia and China: Old Allies, New Needs', 'Cold War echoes', 'Conclusion', 'Limits of alliance']) {
      const layout = fitBigText(title, columns, rows);
      if (layout === undefined) continue;
      expect(layout.width).toBeLessThanOrEqual(columns);
      expect(layout.height).toBeLessThanOrEqual(rows);
      for (const line of layout.lines) expect(widest(drawBigText(line, layout.font))).toBeLessThanOrEqual(columns);
    }
  });

  it.each(['Café', '“Quoted”', '日本', 'Rocket 🚀', 'Ünïcode', 'a|b'])('falls back for %s, which cfonts cannot draw', (title) => {
    expect(fitBigText(title, 200, 50)).toBeUndefined();
  });

  it('falls back when a single word is too wide for every font', () => {
    expect(fitBigText('Incomprehensibilities', 20, 20)).toBeUndefined();
  });

  it('falls back when there is no room', () => {
    expect(fitBigText('Drivers', 80, 1)).toBeUndefined();
    expect(fitBigText('   ', 80, 20)).toBeUndefined();
  });

  it('tries the fonts from biggest to smallest', () => {
    const heights = BIG_TEXT_FONTS.map((font) => drawBigText('A', font).length);
    expect([...heights].sort((a, b) => b - a)).toEqual(heights);
  });
});

describe('BigTitle', () => {
  let stderr: ReturnType<typeof vi.spyOn>;
  let log: ReturnType<typeof vi.spyOn>;
  beforeEach(() => {
    stderr = vi.spyOn(process.stderr, 'write');
    log = vi.spyOn(console, 'log');
  });
  afterEach(() => {
    vi.restoreAllMocks();
  });

  it('shows a title with characters cfonts cannot draw in plain text, every character kept', () => {
    const title = 'Café “Ünïcode” — 日本 🚀';
    const frame = stripAnsi(renderToString(<BigTitle text={title} columns={60} rows={10} />, { columns: 60 }));
    expect(frame).toBe(title);
    expect(stderr).not.toHaveBeenCalled();
    expect(log).not.toHaveBeenCalled();
  });

  it('draws a drawable title big, centring each line', () => {
    const frame = stripAnsi(renderToString(<BigTitle text="Cold War echoes" columns={60} rows={20} />, { columns: 60 }));
    const rows = frame.split('\n');
    expect(rows.length).toBeGreaterThan(3);
    expect(widest(rows)).toBeLessThanOrEqual(60);
    expect(frame).not.toContain('Cold War');
  });
});

describe('measuring without drawing', () => {
  it.each(BIG_TEXT_FONTS)('gives the drawn size in %s', (font) => {
    for (const title of ['Russia and China: Old Allies, New Needs', 'COLD WAR ECHOES', 'limits of alliance', 'What? 1.10 (#1) & "Q"']) {
      const layout = fitBigText(title, 1000, 1000);
      if (layout === undefined || layout.font !== font) continue;
      const drawn = drawBigText(layout.lines.join('|'), font);
      expect(layout.width).toBe(widest(drawn));
      expect(layout.height).toBe(drawn.length);
    }
    for (const text of ['RUSSIA AND', 'I', 'W W', 'A: B,C']) {
      const joined = drawBigText(text, font);
      const parts = [...text].map((character) => widest(drawBigText(character, font)));
      expect(widest(joined)).toBe(parts.reduce((sum, width) => sum + width, 0));
    }
  });
});

describe('drawing without changing cfonts', () => {
  it.each(BIG_TEXT_FONTS)('draws in %s what ink-big-text draws', (font) => {
    for (const text of ['Drivers', 'COLD WAR', 'What? 1.10']) {
      const byInkBigText = stripAnsi(
        renderToString(<BigText {...BIG_TEXT_OPTIONS} colors={[...BIG_TEXT_OPTIONS.colors]} font={font} text={text} />, { columns: 1000 }),
      );
      // Ink trims the spaces that end a row.
      expect(byInkBigText).toBe(
        drawBigText(text, font)
          .map((row) => row.trimEnd())
          .join('\n'),
      );
    }
  });

  it('keeps a line wider than the terminal cfonts measured at import on one line, as laid out', () => {
    // Tests pin COLUMNS=80, which cfonts read when first imported; the frame is 200 wide.
    expect(cfontsSize.Size.width).toBe(80);
    const layout = fitBigText('Limits of alliance', 200, 40);
    expect(layout?.lines).toEqual(['Limits of alliance']);
    expect(layout?.width).toBeGreaterThan(80);
    const frame = stripAnsi(renderToString(<BigTitle text="Limits of alliance" columns={200} rows={40} />, { columns: 200 }));
    expect(frame.split('\n')).toHaveLength(layout?.height ?? 0);
    // Centred in 200 columns: the drawing's own rows, after the same indent.
    const indent = (200 - (layout?.width ?? 0)) / 2;
    expect(frame.split('\n').map((row) => row.slice(Math.floor(indent)).trimEnd())).toEqual(
      drawBigText('Limits of alliance', layout?.font ?? 'block').map((row) => row.trimEnd()),
    );
  });

  it('leaves cfonts as it found it: its terminal width and its render function', () => {
    renderToString(<BigTitle text="Drivers" columns={60} rows={20} />, { columns: 60 });
    expect(cfontsSize.Size.width).toBe(80);
    expect(cfonts.render.name).toBe('Render');
  });
});
