import { describe, expect, it } from 'vitest';
import { loadDeck } from '../src/deck/load-deck.js';
import { buildSlides } from '../src/deck/slides.js';
import { renderFrame } from '../src/render/render-frame.js';
import { runCli } from './helpers/cli.js';
import { renderWithInk } from './helpers/frame.js';
import { SLIDES_YAML } from './helpers/paths.js';

const slides = buildSlides(await loadDeck(SLIDES_YAML));
const SIZES = [
  { columns: 80, rows: 24 },
  { columns: 120, rows: 40 },
] as const;
const cases = SIZES.flatMap((size) => slides.map((_, index) => ({ ...size, slide: index + 1 })));

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

  it('is printed by `inkdeck render` exactly as ink-testing-library renders it', async () => {
    const printed = await mapLimited(cases, 3, ({ slide, columns, rows }) =>
      runCli(['render', 'slides.yaml', '--slide', String(slide), '--columns', String(columns), '--rows', String(rows)]),
    );
    printed.forEach((result, index) => {
      const { slide, columns, rows } = cases[index] ?? { slide: 0, columns: 0, rows: 0 };
      expect(result.code, `slide ${slide}`).toBe(0);
      expect(result.stdout, `slide ${slide} at ${columns}x${rows}`).toBe(`${renderWithInk(slides, { slide, columns, rows })}\n`);
    });
  }, 120_000);

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
