import { render } from 'ink-testing-library';
import { describe, expect, it, vi } from 'vitest';
import { parseDeck } from '../src/deck/load-deck.js';
import { buildSlides, stepCountOf } from '../src/deck/slides.js';
import { readDeck } from '../src/deck/load-deck.js';
import { initialDeckState, type DeckState } from '../src/navigation/deck-state.js';
import { parseDuration } from '../src/deck/duration.js';
import { layoutPresenter, NOTES_CHROME_ROWS, presenterPaneNeeds } from '../src/layout/presenter-layout.js';
import { frameRows } from '../src/layout/frame-layout.js';
import { App } from '../src/ui/App.js';
import { PresenterFrame } from '../src/ui/PresenterFrame.js';
import { StatusBar, type StatusBarProps } from '../src/ui/StatusBar.js';
import { presenterScreen, renderElement, renderPresenter, renderWithInk } from './helpers/frame.js';
import { SLIDES_YAML } from './helpers/paths.js';

const deck = await readDeck(SLIDES_YAML);
const slides = buildSlides(deck);

function presenterFrame(
  state: Partial<DeckState>,
  time: { elapsedMs: number; isTimerRunning: boolean; arrivedAtMs?: number; isRehearsal?: boolean },
  columns = 100,
  rows = 30,
): string {
  const full: DeckState = { ...initialDeckState(slides.map(stepCountOf)), ...state };
  return renderElement(
    () => (
      <PresenterFrame
        slides={slides}
        state={full}
        elapsedMs={time.elapsedMs}
        isTimerRunning={time.isTimerRunning}
        isRehearsal={time.isRehearsal}
        arrivedAtMs={time.arrivedAtMs}
        wallClock="14:05"
        durationMs={parseDuration(deck.duration ?? '')}
        screen={presenterScreen(slides, full, columns, rows)}
      />
    ),
    columns,
  );
}

describe('the presenter view at 100x30', () => {
  it('before the talk starts, on the title slide', () => {
    expect(presenterFrame({ slide: 0 }, { elapsedMs: 0, isTimerRunning: false })).toMatchSnapshot();
  });

  it('during the talk, on a content slide', () => {
    expect(presenterFrame({ slide: 2 }, { elapsedMs: 83_000, isTimerRunning: true, arrivedAtMs: 60_000 })).toMatchSnapshot();
  });

  it('shows the current slide, what comes next, the notes and the pacing', () => {
    // Slide 5, a slide of one step: what comes next is slide 6.
    const frame = presenterFrame({ slide: 4 }, { elapsedMs: 83_000, isTimerRunning: true });
    const current = slides[4];
    const next = slides[5];
    expect(current?.kind).toBe('content');
    expect(frame).toContain(current?.title);
    expect(frame).toContain('next: slide 6');
    expect(frame).toContain(next?.title);
    expect(frame).toContain('Speaker notes');
    expect(frame).toContain('At the fourth CICA summit');
    expect(frame).toMatch(/▶ 1:23 · 14:05 · slide 5\/\d+ · (ahead \d+:\d\d|behind \d+:\d\d|on time) · \d+:\d\d of \d+:\d\d left/);
  });

  it.each([
    [25, 9],
    [40, 10],
    [60, 9],
  ])('shows the title slide in a small pane line by line at %ix%i, never the title and subtitle over each other', (columns, rows) => {
    const frame = presenterFrame({ slide: 0 }, { elapsedMs: 0, isTimerRunning: false }, columns, rows);
    expect(frame).toContain('│ Russia and China');
    // What does not fit is counted; what fits is on lines of its own.
    expect(frame).toMatch(/⋯ \d+ more lines|│ How shared/);
    expect(frame).not.toMatch(/How shared.*China|China.*How shared/);
  });

  it('shows a slide number being typed in its status row, as the audience footer does', () => {
    const frame = presenterFrame({ slide: 3, jumpDigits: '12' }, { elapsedMs: 61_000, isTimerRunning: true });
    expect(frame.split('\n')[0]).toMatch(/slide 4\/\d+ · go to 12▏/);
  });

  it('says "end of deck" on the last slide', () => {
    expect(presenterFrame({ slide: slides.length - 1 }, { elapsedMs: 0, isTimerRunning: false })).toContain('end of deck');
  });

  it('scrolls long notes and says which lines are shown', () => {
    const top = presenterFrame({ slide: 2 }, { elapsedMs: 0, isTimerRunning: false }, 60, 16);
    expect(top).toMatch(/lines 1–\d+ of \d+ · d\/u scroll/);
    const scrolled = presenterFrame({ slide: 2, notesScroll: 3 }, { elapsedMs: 0, isTimerRunning: false }, 60, 16);
    expect(scrolled).toMatch(/lines 4–\d+ of \d+/);
    expect(scrolled).not.toContain('There are recent signs');
  });
});

const REVEAL = parseDeck(
  `title: Reveal
sections:
  - id: one
    title: One
    slides:
      - title: Step by step
        reveal: true
        bullets: [first point, second point, third point]
`,
  'reveal.yaml',
);
const revealSlides = buildSlides(REVEAL);

describe('a reveal slide', () => {
  it('has one step for the title alone and one per bullet', () => {
    expect(revealSlides.map(stepCountOf)).toEqual([1, 1, 4]);
  });

  it('shows one more bullet per step in the audience view, without moving the others', () => {
    const frames = [1, 2, 3, 4].map((step) => renderWithInk(revealSlides, { slide: 3, step, columns: 60, rows: 16 }).split('\n'));
    expect(frames[0]?.join('\n')).not.toContain('first point');
    expect(frames[1]?.join('\n')).toContain('first point');
    expect(frames[1]?.join('\n')).not.toContain('second point');
    expect(frames[3]?.join('\n')).toContain('third point');
    const rowOfFirst = frames.slice(1).map((lines) => lines.findIndex((line) => line.includes('first point')));
    expect(new Set(rowOfFirst).size).toBe(1);
  });

  it('shows every bullet in the presenter view, with the hidden ones dimmed', () => {
    const state: DeckState = { ...initialDeckState(revealSlides.map(stepCountOf)), slide: 2, step: 1 };
    const plain = renderPresenter(revealSlides, state, 80, 24);
    expect(plain).toContain('first point');
    expect(plain).toContain('third point');
    expect(plain).toContain('next: step 3/4 of this slide');
  });
});

describe('the status row of a narrow presenter view', () => {
  it.each<[number, string]>([
    [100, '⏸ 0:00 (a move or t starts) · 14:05 · slide 1/18'],
    [40, '⏸ 0:00 · 14:05 · slide 1/18'],
    [24, '⏸ 0:00 · slide 1/18'],
  ])('keeps the slide position at %i columns, losing the hint, then the clock', (columns, expected) => {
    const firstRow = presenterFrame({ slide: 0 }, { elapsedMs: 0, isTimerRunning: false }, columns, 20).split('\n')[0]?.trimEnd();
    expect(firstRow).toBe(expected);
  });
});

describe('the status row of a rehearsal', () => {
  it.each<[number, string]>([
    [100, '● 0:05 rehearsing · 14:05 · slide 1/18 · on time · 0:29 of 0:29 left'],
    [40, '● 0:05 · slide 1/18 · on time'],
  ])('says it is recording at %i columns, and gives the word up first', (columns, expected) => {
    const row = presenterFrame({ slide: 0 }, { elapsedMs: 5_000, isTimerRunning: true, isRehearsal: true }, columns, 20).split('\n')[0];
    expect(row?.trimEnd()).toBe(expected);
  });
});

describe('the time left of a slide in the app', () => {
  it('counts down from when the talk reached the slide, even ahead of plan', async () => {
    const instance = render(<App deck={deck} version="v1" view="presenter" />);
    const LEFT = /(\d+):(\d\d) of (\d+):(\d\d) left/;
    const left = () => LEFT.exec(instance.lastFrame() ?? '');
    // Straight to slide 5 from the title: the first move, well ahead of plan.
    instance.stdin.write('5\r');
    await vi.waitFor(() => expect(left()).not.toBeNull());
    // The first frame that says it, the one drawn on arrival: on a loaded machine the last one
    // may be a second later already (a CI run read 28 s of 29 left).
    const arrived = instance.frames.map((frame) => LEFT.exec(frame)).find((match) => match !== null);
    expect(arrived).toBeDefined();
    const [, m1 = '0', s1 = '0', m2 = '0', s2 = '0'] = arrived ?? [];
    // Just arrived, well ahead of plan: the whole budget is left.
    expect(Number(m1) * 60 + Number(s1)).toBe(Number(m2) * 60 + Number(s2));
    await vi.waitFor(
      () => {
        const [, m = '0', s = '0'] = left() ?? [];
        expect(Number(m) * 60 + Number(s)).toBeLessThan(Number(m2) * 60 + Number(s2));
      },
      { timeout: 2500 },
    );
    expect(instance.lastFrame()).toMatch(/ahead \d+:\d\d/);
    instance.unmount();
  });
});

describe('the presenter layout in small terminals', () => {
  it('never gives the notes pane fewer rows than its border, header and a line, and uses every row', () => {
    for (let columns = 20; columns <= 100; columns += 10) {
      for (let rows = 7; rows <= 40; rows += 1) {
        for (let slide = 0; slide < slides.length; slide += 1) {
          const layout = layoutPresenter(columns, rows, slides, { slide, step: 0 });
          // Room for at least one line of notes (40x11 drew a header saying "1–0/17").
          expect(layout.notesRows === 0 || layout.notesRows >= NOTES_CHROME_ROWS + 1).toBe(true);
          expect(layout.topRows + layout.notesRows + (layout.nextColumns > 0 ? 0 : 1)).toBe(rows - 1);
        }
      }
    }
  });

  it('draws no empty notes box at 30x10 (a fresh-eyes session saw two borders and nothing between)', () => {
    const frame = presenterFrame({ slide: 2 }, { elapsedMs: 0, isTimerRunning: false }, 30, frameRows(10));
    expect(frame).not.toMatch(/╭─+╮\n╰─+╯/);
    expect(frame).toContain('Signs of a warming');
  });
});

/** The status row at slide 12/18, running, wall clock 02:37, `columns` wide, with `props` on top. */
const statusRow = (columns: number, props: Partial<StatusBarProps>) =>
  renderElement(
    () => (
      <StatusBar
        elapsedMs={5_000}
        isTimerRunning
        wallClock="02:37"
        slideNumber={12}
        slideCount={18}
        stepNumber={1}
        stepCount={1}
        columns={columns}
        {...props}
      />
    ),
    columns,
  );

describe('a narrow status row (issue 19)', () => {
  const pacingNow = { slideBudgetMs: 29_000, plannedMs: 60_000, aheadMs: 550_000, slideRemainingMs: 24_000 };
  const row = (columns: number) => statusRow(columns, { pacing: pacingNow });

  it('drops the wall clock before it cuts the pacing, then the time left, then ahead or behind, each whole', () => {
    expect(row(100)).toBe('▶ 0:05 · 02:37 · slide 12/18 · ahead 9:10 · 0:24 of 0:29 left');
    expect(row(55)).toBe('▶ 0:05 · slide 12/18 · ahead 9:10 · 0:24 of 0:29 left');
    expect(row(45)).toBe('▶ 0:05 · slide 12/18 · ahead 9:10');
    expect(row(30)).toBe('▶ 0:05 · slide 12/18');
  });

  it('never cuts inside a number, at any width', () => {
    for (let columns = 20; columns <= 100; columns += 1) {
      const text = row(columns);
      expect(text.length, `${columns} columns`).toBeLessThanOrEqual(columns);
      expect(text, `${columns} columns`).not.toContain('…');
    }
  });
});

describe('the behind-schedule assistant in the status row (issue 19)', () => {
  const behind = { slideBudgetMs: 60_000, plannedMs: 60_000, aheadMs: -160_000, slideRemainingMs: 0 };
  const row = (columns: number) => statusRow(columns, { elapsedMs: 300_000, pacing: behind, skip: 'skip 14–15 to finish on time' });

  it('says what to skip after how far behind, and keeps it over the wall clock and the time left when the row is short', () => {
    expect(row(120)).toBe('▶ 5:00 · 02:37 · slide 12/18 · behind 2:40 · 0:00 of 1:00 left · skip 14–15 to finish on time');
    expect(row(90)).toBe('▶ 5:00 · slide 12/18 · behind 2:40 · 0:00 of 1:00 left · skip 14–15 to finish on time');
    expect(row(80)).toBe('▶ 5:00 · slide 12/18 · behind 2:40 · skip 14–15 to finish on time');
    expect(row(60)).toBe('▶ 5:00 · slide 12/18 · behind 2:40');
  });

  it('is worked out from the deck in the presenter view, and the skip key jumps past the run', async () => {
    const { parseDeck } = await import('../src/deck/load-deck.js');
    const { renderFrame } = await import('../src/index.js');
    const { interpretAction } = await import('../src/navigation/interpret-key.js');
    const { layoutScreen } = await import('../src/layout/screen-layout.js');
    const text = [
      'title: T',
      'duration: 4m',
      'sections:',
      '  - id: a',
      '    title: A',
      '    slides:',
      '      - {title: One, bullets: [x], notes: n}',
      '      - {title: Two, bullets: [x], notes: n, optional: "true"}',
      '      - {title: Three, bullets: [x], notes: n, optional: "true"}',
      '      - {title: Four, bullets: [x], notes: n}',
      '',
    ].join('\n');
    const timed = parseDeck(text, 'talk.yaml');
    // Weights 0.5 + 0.5 + 4 x 1: 48 s a weight. Slide 3 (One) is planned from 0:48 to 1:36: at
    // 2:30 the talk is 0:54 behind, more than one optional slide of 0:48 wins back.
    const frame = renderFrame(timed, { slide: 3, presenter: true, elapsedMs: 150_000, columns: 120, rows: 30 });
    expect(frame.split('\n')[0]).toBe('▶ 2:30 · slide 3/6 · behind 0:54 · 0:48 of 0:48 left · skip 4–5 to finish on time');
    const slides = buildSlides(timed);
    const state = { ...initialDeckState(slides.map(stepCountOf)), slide: 2, seenSlide: 2 };
    const screen = layoutScreen({ terminal: { columns: 80, rows: 24 }, view: 'presenter', state, slides, hasNotice: false });
    expect(interpretAction({ type: 'skipOptional' }, { state, screen, hasProblem: false, slides })).toEqual([
      { kind: 'dispatch', action: { type: 'goTo', slide: 5 } },
    ]);
  });
});

describe('a presenter view with no wasted rows (issue 19)', () => {
  it.each([
    [100, 30],
    [120, 35],
    [80, 24],
  ])('at %ix%i, no pane of any slide of slides.yaml is cut while another has empty rows', (columns, rows) => {
    for (let slide = 0; slide < slides.length; slide += 1) {
      const position = { slide, step: 0 };
      const layout = layoutPresenter(columns, rows, slides, position);
      const needs = presenterPaneNeeds(columns, rows, slides, position);
      // The current and next panes stand side by side: one band of rows, cut when either is cut,
      // with rows to spare only when both have some.
      const panes = [
        { name: 'panes', rows: layout.topRows, needs: Math.max(needs.current, needs.next) },
        { name: 'notes', rows: layout.notesRows, needs: needs.notes },
      ];
      const cut = panes.filter((pane) => pane.needs > pane.rows).map((pane) => pane.name);
      // A pane of fewer rows than the 5 the panes always get is no waste.
      const empty = panes.filter((pane) => pane.needs < pane.rows && pane.rows > 5).map((pane) => pane.name);
      expect({ slide: slide + 1, cut: cut.length > 0 && empty.length > 0 ? cut : [], empty: cut.length > 0 ? empty : [] }).toEqual({
        slide: slide + 1,
        cut: [],
        empty: [],
      });
    }
  });

  it.each([
    [100, 30],
    [120, 35],
    [80, 24],
  ])('every slide of slides.yaml in the presenter view at %ix%i', async (columns, rows) => {
    const { renderFrame } = await import('../src/index.js');
    const deckOfTalk = await readDeck(SLIDES_YAML);
    const all = slides.map((_, index) => renderFrame(deckOfTalk, { slide: index + 1, presenter: true, columns, rows })).join('\n\n');
    expect(all).toMatchSnapshot();
  });
});
