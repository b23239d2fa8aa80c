import { describe, expect, it } from 'vitest';
import { loadDeck as loadDeckFile } from '../src/deck/load-deck.js';
import { buildSlides } from '../src/deck/slides.js';
import { frames, loadDeck, renderFrame as renderDeckFrame } from '../src/index.js';
import { renderFrame } from '../src/render/render-frame.js';
import { runCli } from './helpers/cli.js';
import { renderWithInk } from './helpers/frame.js';
import { SLIDES_YAML } from './helpers/paths.js';

const slides = buildSlides(await loadDeckFile(SLIDES_YAML));
const deck = loadDeck(SLIDES_YAML);
const SIZES = [
  { columns: 80, rows: 24 },
  { columns: 120, rows: 40 },
] as const;
const cases = SIZES.flatMap((size) => slides.map((_, index) => ({ ...size, slide: index + 1 })));
/** Every frame (each step of each slide) at each size, through the public API. */
const apiFrames = SIZES.flatMap((size) => [...frames(deck, size)].map((frame) => ({ ...size, ...frame })));

/** Runs `tasks` with at most `limit` in flight (the machine has 2 cores). */
async function mapLimited<T, R>(items: readonly T[], limit: number, task: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array<R>(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const index = next++;
      results[index] = await task(items[index] as T);
    }
  };
  await Promise.all(Array.from({ length: limit }, worker));
  return results;
}

describe('every slide of slides.yaml', () => {
  it.each(cases)('slide $slide at $columns x $rows matches its snapshot', ({ slide, columns, rows }) => {
    const frame = renderWithInk(slides, { slide, columns, rows });
    expect(frame.split('\n')).toHaveLength(rows - 1);
    expect(frame).toMatchSnapshot();
  });

  it.each(apiFrames)('step $step of slide $slide at $columns x $rows, through the public API, matches its snapshot', ({ frame }) => {
    expect(frame).toMatchSnapshot();
  });

  it('is printed by `inkdeck render` exactly as the public API and ink-testing-library render it', async () => {
    const printed = await mapLimited(apiFrames, 3, ({ slide, step, columns, rows }) =>
      runCli(['render', 'slides.yaml', '--slide', String(slide), '--step', String(step), '--columns', String(columns), '--rows', String(rows)]),
    );
    expect(apiFrames.length).toBeGreaterThan(cases.length);
    printed.forEach((result, index) => {
      const { slide, step, columns, rows, frame } = apiFrames[index] ?? { slide: 0, step: 0, columns: 0, rows: 0, frame: '' };
      const where = `slide ${slide} step ${step} at ${columns}x${rows}`;
      expect(result.code, where).toBe(0);
      expect(result.stdout, where).toBe(`${frame}\n`);
      expect(renderWithInk(slides, { slide, step, columns, rows }), where).toBe(frame);
      expect(renderDeckFrame(deck, { slide, step, columns, rows }), where).toBe(frame);
    });
  }, 180_000);

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
    expect(plain.stdout).toBe(`${renderFrame(slides, { slide: 5, columns: 80, rows: 24, showNotes: true })}\n`);
  });
});
