import { describe, expect, it } from 'vitest';
import { readDeck } from '../src/deck/load-deck.js';
import { buildSlides } from '../src/deck/slides.js';
import { frames, loadDeck, renderFrame } from '../src/index.js';
import { drawFrame } from '../src/render/render-frame.js';
import { frameHeader } from '../src/export/export-text.js';
import { runCli } from './helpers/cli.js';
import { renderWithInk } from './helpers/frame.js';
import { SLIDES_YAML } from './helpers/paths.js';

const slides = buildSlides(await readDeck(SLIDES_YAML));
const deck = loadDeck(SLIDES_YAML);
const SIZES = [
  { columns: 80, rows: 24 },
  { columns: 120, rows: 40 },
] as const;
const cases = SIZES.flatMap((size) => slides.map((_, index) => ({ ...size, slide: index + 1 })));
/** Every frame (each step of each slide) at each size, through the public API. */
const apiFrames = SIZES.flatMap((size) => [...frames(deck, size)].map((frame) => ({ ...size, ...frame })));

describe('every slide of slides.yaml', () => {
  it.each(cases)('slide $slide at $columns x $rows matches its snapshot', ({ slide, columns, rows }) => {
    const frame = renderWithInk(slides, { slide, columns, rows });
    expect(frame.split('\n')).toHaveLength(rows - 1);
    expect(frame).toMatchSnapshot();
  });

  it.each(apiFrames)('step $step of slide $slide at $columns x $rows, through the public API, matches its snapshot', ({ frame }) => {
    expect(frame).toMatchSnapshot();
  });

  it('is printed by the binary (one export per size) exactly as the public API and ink-testing-library render it', async () => {
    // One process per size rather than one per frame: `export --format txt` prints every frame
    // exactly as `render` does (tests/export.e2e.test.ts), each under its header.
    const exported = await Promise.all(
      SIZES.map(({ columns, rows }) => runCli(['export', 'slides.yaml', '--columns', String(columns), '--rows', String(rows)])),
    );
    const expected = SIZES.map(({ columns, rows }) =>
      apiFrames
        .filter((frame) => frame.columns === columns && frame.rows === rows)
        .map((frame) => `${frameHeader(frame)}\n${frame.frame}\n`)
        .join(''),
    );
    expect(apiFrames.length).toBeGreaterThan(cases.length);
    exported.forEach((result, index) => {
      expect(result.code).toBe(0);
      expect(result.stdout).toBe(expected[index]);
    });
    for (const { slide, step, columns, rows, frame } of apiFrames) {
      const where = `slide ${slide} step ${step} at ${columns}x${rows}`;
      expect(renderWithInk(slides, { slide, step, columns, rows }), where).toBe(frame);
      expect(renderFrame(deck, { slide, step, columns, rows }), where).toBe(frame);
    }
  });

  it.each(SIZES)('is printed by `inkdeck render` as the API renders it, at $columns x $rows', async ({ columns, rows }) => {
    const last = apiFrames.filter((frame) => frame.columns === columns && frame.rows === rows).at(-1);
    if (last === undefined) throw new Error('no frames');
    const printed = await runCli([
      'render',
      'slides.yaml',
      '--slide',
      String(last.slide),
      '--step',
      String(last.step),
      '--columns',
      String(columns),
      '--rows',
      String(rows),
    ]);
    expect(printed).toEqual({ code: 0, stdout: `${last.frame}\n`, stderr: '' });
  });

  it('renders identically whatever the environment says about the terminal', async () => {
    const plain = await runCli(['render', 'slides.yaml', '--slide', '5', '--notes']);
    const noisy = await runCli(['render', 'slides.yaml', '--slide', '5', '--notes'], {
      COLUMNS: '33',
      LINES: '7',
      FORCE_COLOR: '3',
      CI: 'true',
      TZ: 'Pacific/Chatham',
      LANG: 'tr_TR.UTF-8',
    });
    expect(noisy.stdout).toBe(plain.stdout);
    expect(plain.stdout).toBe(`${drawFrame(slides, { slide: 5, columns: 80, rows: 24, showNotes: true })}\n`);
  });
});
