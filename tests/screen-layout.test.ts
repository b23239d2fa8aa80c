import { describe, expect, it } from 'vitest';
import { readDeck } from '../src/deck/load-deck.js';
import { buildSlides, stepCountOf } from '../src/deck/slides.js';
import { PANE_BORDER_COLUMNS, PANE_CHROME_COLUMNS, PANE_CHROME_ROWS } from '../src/layout/chrome.js';
import { layoutScreen } from '../src/layout/screen-layout.js';
import { deckReducer, initialDeckState } from '../src/navigation/deck-state.js';
import { SLIDES_YAML } from './helpers/paths.js';

const slides = buildSlides(await readDeck(SLIDES_YAML));
const start = initialDeckState(slides.map(stepCountOf));
const at = (slide: number, step = 0) => ({ ...start, slide, step });
const firstStepped = slides.findIndex((slide) => stepCountOf(slide) > 1);

describe('layoutScreen hands every view its areas', () => {
  it('lays the audience slide out in the slide area, in its full form', () => {
    const screen = layoutScreen({ terminal: { columns: 80, rows: 24 }, view: 'audience', state: start, slides, hasNotice: false });
    expect(screen.body).toEqual({ columns: 80, rows: 22 });
    expect(screen.slide).toMatchObject({ kind: 'title', size: { columns: 80, rows: 22 } });
    const content = layoutScreen({ terminal: { columns: 80, rows: 24 }, view: 'audience', state: at(2), slides, hasNotice: false });
    expect(content.slide).toMatchObject({ kind: 'content', paddingX: 3, paddingTop: 1, showsHidden: false });
    expect(content.presenter).toBeUndefined();
  });

  it('gives the presenter its panes, each with the room inside its chrome', () => {
    const screen = layoutScreen({ terminal: { columns: 80, rows: 24 }, view: 'presenter', state: at(0), slides, hasNotice: false });
    const presenter = screen.presenter;
    if (presenter === undefined) throw new Error('no presenter layout');
    expect(screen.slide).toBeUndefined();
    expect(presenter.current?.pane.inner).toEqual({
      columns: presenter.currentColumns - PANE_BORDER_COLUMNS,
      rows: presenter.topRows - PANE_CHROME_ROWS,
    });
    // Title and section slides in small type; the next slide in its pane.
    expect(presenter.current?.slide.kind).toBe('summary');
    expect(presenter.next).toMatchObject({ position: { slide: 1, step: 0 }, slide: { kind: 'summary' } });
    expect(presenter.next.pane?.size).toEqual({ columns: presenter.nextColumns, rows: presenter.topRows });
    expect(screen.notes?.pane).toBe(presenter.notes);
    expect(screen.notes?.pane.inner.columns).toBe(80 - PANE_CHROME_COLUMNS);
  });

  it('previews the bullet the next step brings, wrapped under its marker within the next pane', () => {
    expect(firstStepped).toBeGreaterThan(0);
    const screen = layoutScreen({
      terminal: { columns: 80, rows: 24 },
      view: 'presenter',
      state: at(firstStepped),
      slides,
      hasNotice: false,
    });
    const next = screen.presenter?.next;
    const columns = next?.pane?.headerColumns ?? 0;
    expect(columns).toBeGreaterThan(0);
    expect(next?.position).toEqual({ slide: firstStepped, step: 1 });
    expect(next?.bullet?.[0]).toMatch(/^• \S/);
    for (const line of next?.bullet ?? []) expect(line.length).toBeLessThanOrEqual(columns);
    expect(screen.presenter?.current?.slide).toMatchObject({ kind: 'content', showsHidden: true, paddingX: 1 });
  });

  it('gives a narrow presenter a one-line preview instead of a next pane', () => {
    const screen = layoutScreen({ terminal: { columns: 50, rows: 24 }, view: 'presenter', state: at(0), slides, hasNotice: false });
    expect(screen.presenter?.next.pane).toBeUndefined();
    expect(screen.presenter?.next.line).toEqual({ columns: 50, rows: 1 });
  });

  it('opens the overview over the body, the frame less its status row', () => {
    const overview = deckReducer(start, { type: 'toggleOverview' });
    const screen = layoutScreen({ terminal: { columns: 80, rows: 24 }, view: 'presenter', state: overview, slides, hasNotice: false });
    expect(screen.overlay).toMatchObject({ kind: 'overview', pane: { size: { columns: 80, rows: 22 }, inner: { rows: 19 } } });
  });
});

describe('the error list', () => {
  it('cuts a source line wider than the list with `…`, counting wide characters as two columns', async () => {
    const { errorLines } = await import('../src/layout/error-lines.js');
    const { default: stringWidth } = await import('string-width');
    const text = `title: T\nsections:\n  - id: a\n    title: ${'中文'.repeat(30)} and the rest\n`;
    const lines = errorLines([{ file: 'x.yaml', line: 4, column: 12, path: '', message: 'a problem' }], text, 40);
    const source = lines.find((line) => line.includes('中文')) ?? '';
    expect(source.endsWith('…')).toBe(true);
    expect(stringWidth(source)).toBeLessThanOrEqual(40 - PANE_CHROME_COLUMNS);
  });
});
