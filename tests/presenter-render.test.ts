import { describe, expect, it } from 'vitest';
import { readDeck } from '../src/deck/load-deck.js';
import { renderFrame } from '../src/index.js';
import { runInProcess } from './helpers/in-process.js';
import { SLIDES_YAML } from './helpers/paths.js';

describe('the presenter view as a frame (issue 19)', () => {
  it('inkdeck render --presenter prints it: status row, the slide, the next one, the notes', async () => {
    const { stdout, code } = await runInProcess(['render', SLIDES_YAML, '--slide', '4', '--presenter']);
    expect(code).toBe(0);
    const lines = stdout.split('\n');
    expect(lines[0]).toBe('⏸ 0:00 (a move or t starts) · slide 4/18');
    expect(stdout).toContain('next: slide 5');
    expect(stdout).toContain('Speaker notes');
    expect(stdout).toMatchSnapshot();
  });

  it('the API draws it at a talk time, with pacing against the deck duration, the same bytes every time', async () => {
    const deck = await readDeck(SLIDES_YAML);
    const options = { slide: 4, presenter: true, elapsedMs: 65_000, columns: 100, rows: 30 } as const;
    const frame = renderFrame(deck, options);
    expect(frame.split('\n')[0]).toMatch(/^▶ 1:05 · slide 4\/18 · (ahead|behind) \d+:\d\d · \d+:\d\d of \d+:\d\d left$/);
    expect(renderFrame(deck, options)).toBe(frame);
  });
});

describe('notes on the title and section slides (issue 19)', () => {
  it("are the presenter view's notes there, searched, and in the Markdown handout", async () => {
    const { buildSlides } = await import('../src/deck/slides.js');
    const { searchSlides } = await import('../src/search/search-slides.js');
    const { exportMarkdown } = await import('../src/export/export-markdown.js');
    const deck = await readDeck(SLIDES_YAML);
    expect(renderFrame(deck, { slide: 1, presenter: true })).toContain('Introduce the piece');
    expect(renderFrame(deck, { slide: 2, presenter: true })).toContain('signs of a warming partnership');
    const slides = buildSlides(deck);
    expect(searchSlides(slides, 'Maebashi', { isNotesSearched: true }).map((result) => result.slide)).toContain(0);
    const handout = exportMarkdown(deck);
    expect(handout).toMatch(/# Russia and China[\s\S]*\*\*Speaker notes\*\*\n\n> Introduce the piece/);
    expect(handout).toMatch(/## 1\. Drivers\n\n\*\*Speaker notes\*\*\n\n> First, the signs/);
  });
});
