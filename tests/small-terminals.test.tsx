import { DEFAULT_KEY_MAP } from '../src/navigation/key-bindings.js';
import stringWidth from 'string-width';
import { describe, expect, it } from 'vitest';
import { readDeck, parseDeck } from '../src/deck/load-deck.js';
import { buildSlides, stepCountOf } from '../src/deck/slides.js';
import { drawFrame } from '../src/render/render-frame.js';
import { helpHint } from '../src/ui/HelpOverlay.js';
import { helpLines } from '../src/layout/help-lines.js';
import { ErrorBanner } from '../src/ui/ErrorBanner.js';
import { NextPreview } from '../src/ui/NextPreview.js';
import { Overview } from '../src/ui/Overview.js';
import { lineWindow } from '../src/layout/window.js';
import { layoutPane } from '../src/layout/chrome.js';
import { renderElement, renderWithInk } from './helpers/frame.js';
import { SLIDES_YAML } from './helpers/paths.js';

const slides = buildSlides(await readDeck(SLIDES_YAML));
const total = slides.length;
const LONG_TITLES = buildSlides(
  parseDeck(
    `title: A deliberately long deck title that is also somewhat wordy
subtitle: And a subtitle that goes on for quite a while as well
author: Some Author With A Long Name
date: "2014-06-19"
source: A source line that is long enough to wrap several times in a small terminal
sections:
  - id: a
    title: A section title that does not fit in big letters anywhere small
    slides:
      - title: S
        bullets: [x]
`,
    'long.yaml',
  ),
);

const SIZES = [
  [20, 7],
  [22, 10],
  [26, 8],
  [40, 12],
  [60, 40],
  [80, 24],
  [120, 24],
] as const;

describe('frames at any size', () => {
  it.each(SIZES)('keep every slide inside %ix%i, with its footer intact', (columns, rows) => {
    for (const deck of [slides, LONG_TITLES]) {
      deck.forEach((slide, index) => {
        for (const showNotes of [false, true]) {
          const frame = drawFrame(deck, { slide: index + 1, step: stepCountOf(slide), columns, rows, showNotes });
          const lines = frame.split('\n');
          expect(lines).toHaveLength(rows - 1);
          for (const line of lines) expect(stringWidth(line)).toBeLessThanOrEqual(columns);
          // The footer is the last row and ends with the untouched slide counter.
          expect(lines[lines.length - 1]).toMatch(new RegExp(`slide ${index + 1}/${deck.length}( {2}\\? help)?$`));
        }
      });
    }
  });

  it.each([
    [60, 40],
    [40, 12],
    [120, 24],
  ])('shows the byline of the title slide at %ix%i', (columns, rows) => {
    expect(drawFrame(slides, { slide: 1, columns, rows })).toContain('Xie Zhihai · 2014-06-19');
  });

  it('puts the title first when there is no room for everything', () => {
    const frame = drawFrame(LONG_TITLES, { slide: 1, columns: 20, rows: 7 });
    expect(frame.replace(/\s+/g, ' ')).toContain('A deliberately long deck title that is also somewhat wordy');
  });

  it('keeps slide N/M in the footer while a number is typed in a narrow terminal', () => {
    for (const columns of [20, 25, 40]) {
      const frame = renderWithInk(slides, { slide: 3, columns, rows: 7, state: { jumpDigits: '12' } });
      expect(frame.split('\n').at(-1)).toMatch(new RegExp(`12▏ slide 3/${total}$`));
    }
  });

  it.each([
    ['99', `go to 99 → ${total}▏`],
    ['0', 'go to 0 → 1▏'],
    ['7', 'go to 7▏'],
  ])('says where a typed %s lands, as Enter clamps it to the deck', async (digits, label) => {
    const { jumpLabel } = await import('../src/ui/jump-label.js');
    expect(jumpLabel(digits, total)).toBe(label);
    const footer = renderWithInk(slides, { slide: 3, columns: 80, rows: 24, state: { jumpDigits: digits } })
      .split('\n')
      .at(-1);
    expect(footer).toContain(`${label} slide 3/${total}`);
  });

  it.each([
    [10, 3, ['too small,', 'need 20x7']],
    [19, 30, ['too small, need', '20x7']],
    [80, 6, ['terminal too small: need at least 20x7']],
  ])('says which size it needs at %ix%i', (columns, rows, expected) => {
    const frame = drawFrame(slides, { slide: 1, columns, rows });
    expect(
      frame
        .split('\n')
        .map((line) => line.trim())
        .filter((line) => line !== ''),
    ).toEqual(expected);
  });

  it.each<[number, number, string, string[]]>([
    [30, 10, '⋯ 4 more lines', ['Xie Zhihai', 'Condensed from']],
    [20, 7, '⋯ 10 more lines', ['How shared', 'Xie Zhihai']],
  ])(
    'says how many lines of the title slide did not fit at %ix%i, leaving out later lines, not earlier ones',
    (columns, rows, marker, missing) => {
      const frame = renderWithInk(slides, { slide: 1, columns, rows });
      expect(frame).toContain(marker);
      for (const text of missing) expect(frame).not.toContain(text);
      expect(frame).toContain('Russia and');
    },
  );

  it('never cuts the title with … between 20x7 and 60x20: lines that do not fit are counted instead', () => {
    for (let columns = 20; columns <= 60; columns += 2) {
      for (let rows = 7; rows <= 20; rows += 1) {
        const body = drawFrame(slides, { slide: 1, columns, rows }).split('\n').slice(0, -1).join('\n');
        expect(body, `${columns}x${rows}`).not.toContain('…');
      }
    }
  });

  it('shows the whole title slide at 40x12, with no marker', () => {
    const frame = renderWithInk(slides, { slide: 1, columns: 40, rows: 12 });
    expect(frame).toContain('Condensed from the op-ed');
    expect(frame).not.toContain('more line');
  });

  it('says how much of the help did not fit, and that ↓ shows it', () => {
    const frame = renderWithInk(slides, { slide: 1, columns: 40, rows: 12, state: { overlay: 'help' } });
    expect(frame).toMatch(/⋯ \d+ more lines: ↓/);
    expect(frame).toContain('↓ ↑ scroll');
    expect(frame).not.toMatch(/│ {2}\S/);
  });

  it('shows the end of the help scrolled as far as it goes, and what is above', () => {
    const frame = renderWithInk(slides, { slide: 1, columns: 40, rows: 12, state: { overlay: 'help', overlayScroll: 1_000 } });
    expect(frame).toMatch(/⋯ \d+ more lines above: ↑/);
    expect(frame).toContain('type a slide number');
    expect(frame).not.toMatch(/more lines: ↓/);
  });

  it.each([
    [40, 12],
    [60, 16],
    [30, 8],
    [80, 20],
    [60, 6],
    [40, 5],
    [20, 6],
  ])('pages through every help line at %ix%i, each page within the area', (columns, rows) => {
    for (const view of ['audience', 'presenter'] as const) {
      const count = helpLines(view, columns, DEFAULT_KEY_MAP).length;
      const seen = new Set<number>();
      let scroll = 0;
      for (let page = 0; page < count; page += 1) {
        const window = lineWindow(count, rows - 3, { scroll });
        for (let line = window.start; line < window.end; line += 1) seen.add(line);
        const markers = Number(window.hasTopMarker) + Number(window.hasBottomMarker) + Number(window.hasSharedMarker);
        // Every hidden line is counted by a marker.
        if (window.above > 0) expect(window.hasTopMarker || window.hasSharedMarker).toBe(true);
        if (window.below > 0) expect(window.hasBottomMarker || window.hasSharedMarker).toBe(true);
        expect(window.end - window.start + markers).toBeLessThanOrEqual(rows - 3);
        if (window.below === 0) break;
        scroll = Math.min(window.maxScroll, scroll + window.page);
      }
      expect(seen.size).toBe(count);
    }
  });

  it('says what is out of sight at both ends of the help in the smallest terminal, 20x7', () => {
    // Two rows inside the help's border: before, scrolled part way, it had no marker above.
    const top = renderWithInk(slides, { slide: 1, columns: 20, rows: 7, state: { overlay: 'help' } }).split('\n');
    const scrolled = renderWithInk(slides, { slide: 1, columns: 20, rows: 7, state: { overlay: 'help', overlayScroll: 3 } }).split('\n');
    expect(top[3]).toMatch(/^│ ⋯ \d+ more lines… │$/);
    expect(scrolled[3]).toMatch(/^│ ⋯ ↑ 3 · ↓ \d+ +│$/);
  });

  it('shows the whole help at 80x24', () => {
    const frame = renderWithInk(slides, { slide: 1, columns: 80, rows: 24, state: { overlay: 'help' } });
    expect(frame).not.toContain('more lines');
    expect(frame).toContain('Ctrl-C');
  });

  it("shows the presenter view's whole help at 80x24 too, its timer and skip keys on one row", () => {
    const lines = helpLines('presenter', 80, DEFAULT_KEY_MAP);
    // The help's pane over the presenter view's body: 24 rows less the reserved one and the
    // status row, less the pane's border and header.
    expect(lines.length).toBeLessThanOrEqual(24 - 1 - 1 - 3);
    expect(lines.some((line) => line.keys.startsWith('t / s / r'))).toBe(true);
  });
});

describe('wide and combining characters', () => {
  it.each([
    [60, 16],
    [40, 12],
    [120, 30],
  ])('keep the notes border aligned at %ix%i', async (columns, rows) => {
    const { CASES } = await import('./helpers/paths.js');
    const path = await import('node:path');
    const wide = buildSlides(await readDeck(path.join(CASES, 'wide-content.yaml')));
    const frame = drawFrame(wide, { slide: 3, columns, rows, showNotes: true });
    const bordered = frame.split('\n').filter((line) => /[│╭╰]/.test(line));
    expect(bordered.length).toBeGreaterThan(2);
    const rightEdges = new Set(bordered.map((line) => stringWidth(line.replace(/[│╮╯]\s*$/, ''))));
    expect(rightEdges.size).toBe(1);
    expect(frame).toContain('中文演讲者备注');
    // Wrapping never splits a flag or a combined character.
    expect(frame).not.toMatch(/🇷(?!🇺)|(?<!🇷)🇺/u);
  });
});

describe('the help header', () => {
  it.each([20, 24, 30, 40, 60, 80])('says how to close it, whole, at %i columns', (columns) => {
    for (const scrolls of [false, true]) {
      const hint = helpHint(scrolls, columns - 4 - 4);
      expect(hint).toMatch(/q closes|keys? closes?/);
      expect(stringWidth(`Keys${hint}`)).toBeLessThanOrEqual(columns - 4);
    }
  });

  it('is the whole sentence where it fits', () => {
    expect(helpHint(true, 76)).toBe(' · ↓ ↑ scroll, other keys close this');
    expect(helpHint(false, 76)).toBe(' · any key closes this');
  });
});

describe('the overview, when the slides do not all fit', () => {
  /** The overview of the talk in a pane of `columns` x `rows`, its highlight on slide `cursor` (0-based). */
  const overviewAt = (columns: number, rows: number, cursor: number) =>
    renderElement(
      () => (
        <Overview
          slides={slides}
          currentSlide={0}
          cursor={cursor}
          pane={layoutPane({ columns, rows })}
          window={lineWindow(slides.length, rows - 3, { keep: cursor })}
        />
      ),
      columns,
    );

  it.each<[string, number, number, number, { start: number; end: number; above: number; below: number }]>([
    ['all fit', 18, 18, 5, { start: 0, end: 18, above: 0, below: 0 }],
    ['at the top: only the marker below', 18, 7, 0, { start: 0, end: 6, above: 0, below: 12 }],
    ['still near the top', 18, 7, 3, { start: 0, end: 6, above: 0, below: 12 }],
    ['in the middle: both markers, the cursor centred', 18, 7, 9, { start: 7, end: 12, above: 7, below: 6 }],
    ['at the end: only the marker above', 18, 7, 17, { start: 12, end: 18, above: 12, below: 0 }],
    ['two rows: the highlight, and a row for the marker of both ends', 18, 2, 9, { start: 9, end: 10, above: 9, below: 8 }],
  ])('%s', (_name, count, rows, cursor, expected) => {
    const window = lineWindow(count, rows, { keep: cursor });
    expect(window).toMatchObject(expected);
    expect(cursor).toBeGreaterThanOrEqual(window.start);
    expect(cursor).toBeLessThan(window.end);
  });

  it('keeps the highlight in view and the rows full wherever it is', () => {
    for (let rows = 1; rows <= 20; rows += 1) {
      for (let cursor = 0; cursor < total; cursor += 1) {
        const window = lineWindow(total, rows, { keep: cursor });
        expect(cursor).toBeGreaterThanOrEqual(window.start);
        expect(cursor).toBeLessThan(window.end);
        const isHidden = window.above > 0 || window.below > 0;
        const markers = rows >= 3 ? Number(window.above > 0) + Number(window.below > 0) : rows === 2 && isHidden ? 1 : 0;
        expect(Number(window.hasTopMarker) + Number(window.hasBottomMarker) + Number(window.hasSharedMarker)).toBe(markers);
        expect(window.end - window.start + markers).toBe(Math.min(total, rows));
        // A marker never stands for one slide that could have shown in its place.
        if (rows >= 3) for (const hidden of [window.above, window.below]) expect(hidden).not.toBe(1);
      }
    }
  });

  it('says how many slides are out of sight in the smallest terminal, 20x7', () => {
    const frame = overviewAt(20, 5, 9);
    expect(frame.split('\n')).toEqual([
      '╭──────────────────╮',
      '│ Overview · arro… │',
      '│ ›  10    Blocs … │',
      '│ ⋯ ↑ 9 · ↓ 8      │',
      '╰──────────────────╯',
    ]);
  });

  it('says how many slides are out of sight above and below', () => {
    const frame = overviewAt(60, 10, 9);
    const lines = frame.split('\n');
    expect(lines[2]).toBe('│ ⋯ 7 more slides above                                    │');
    expect(lines.some((line) => line.includes('›  10'))).toBe(true);
    expect(lines[8]).toBe('│ ⋯ 6 more slides                                          │');
    expect(lines).toHaveLength(10);
  });
});

describe('long slide titles of wide characters in the overview', () => {
  const cjk = buildSlides(
    parseDeck(
      'title: T\nsections:\n  - id: a\n    title: 中文标题非常非常长的一个章节标题\n    slides:\n      - title: 中文标题非常非常长的一个章节标题中文标题\n        bullets: [x]\n',
      'cjk.yaml',
    ),
  );

  // Under Ink 6, cli-truncate 5 (what its truncate-end used) ran a wide character into the right padding
  // at 38 and 40 columns (tmux showed `章节…│`).
  it.each([36, 37, 38, 39, 40, 41, 50])('are cut inside the padding at %i columns', (columns) => {
    const frame = renderElement(
      () => (
        <Overview
          slides={cjk}
          currentSlide={0}
          cursor={0}
          pane={layoutPane({ columns: columns, rows: 8 })}
          window={lineWindow(cjk.length, 8 - 3, { keep: 0 })}
        />
      ),
      columns,
    );
    const entries = frame.split('\n').filter((line) => line.includes('中文'));
    expect(entries).toHaveLength(2);
    for (const entry of entries) {
      expect(stringWidth(entry)).toBe(columns);
      // The right padding stays blank.
      expect(entry).toMatch(/ │$/);
    }
  });
});

describe('a long slide title of wide characters in the one-line next-slide preview', () => {
  const cjk = buildSlides(
    parseDeck(
      'title: T\nsections:\n  - id: a\n    title: A\n    slides:\n      - title: 中文标题非常非常长的一个章节标题中文标题\n        bullets: [x]\n',
      'cjk.yaml',
    ),
  );

  it.each([21, 22, 23, 24, 25, 30])('keeps to %i columns', (columns) => {
    const line = renderElement(
      () => <NextPreview slides={cjk} next={{ position: { slide: 2, step: 0 }, line: { columns, rows: 1 } }} />,
      columns,
    );
    expect(line).toMatch(/^next: slide 3 · 中文.*…$/);
    expect(stringWidth(line)).toBeLessThanOrEqual(columns);
  });
});

describe('a long section title of wide characters in the footer', () => {
  const cjk = buildSlides(
    parseDeck(
      'title: T\nsections:\n  - id: a\n    title: 中文标题非常非常长的一个章节标题\n    slides:\n      - title: S\n        bullets: [x]\n',
      'cjk.yaml',
    ),
  );

  it.each([40, 41, 42, 43, 44, 80])('is cut to its share and followed by one space, then the bar, at %i columns', (columns) => {
    const footer = drawFrame(cjk, { slide: 2, columns, rows: 10 }).split('\n').at(-1) ?? '';
    expect(footer).toMatch(/^中文[^ ]*… ━/);
    expect(stringWidth(footer)).toBe(columns);
  });

  it('is cut by truncateToWidth, which keeps to the width with wide characters', async () => {
    const { truncateToWidth } = await import('../src/text/truncate.js');
    for (let columns = 1; columns <= 20; columns += 1)
      expect(stringWidth(truncateToWidth('中文标题非常非常长的一个章节标题', columns))).toBeLessThanOrEqual(columns);
    expect(truncateToWidth('中文标题非常非常长的一个章节标题', 14)).toBe('中文标题非常…');
    expect(truncateToWidth('Drivers', 20)).toBe('Drivers');
    expect(truncateToWidth('Drivers', 0)).toBe('');
  });

  it('is never cut inside a number in the error banner, so no number reads as another', async () => {
    const { truncateOutsideNumbers } = await import('../src/text/truncate.js');
    const message = ' 6:8: the aliases up to *e expand to more than 100000 values; refusing to load';
    // 52 columns would end `than 1000…`: the cut goes back to before the number.
    expect(truncateOutsideNumbers(message, 52)).toBe(' 6:8: the aliases up to *e expand to more than…');
    expect(truncateOutsideNumbers(message, 54)).toBe(' 6:8: the aliases up to *e expand to more than 100000…');
    expect(truncateOutsideNumbers(message, 60)).toBe(' 6:8: the aliases up to *e expand to more than 100000 value…');
    expect(truncateOutsideNumbers(message, 200)).toBe(message);
  });
});

describe('the error banner', () => {
  // From two fresh-eyes sessions: at 80 columns `/tmp/fe1-deck.yaml:17:13:…` and 29 blank
  // columns; at 20 columns no place at all; wider rows showing less of the problem.
  const problems = Array.from({ length: 13 }, (_, index) => ({
    file: '/tmp/fe1-deck.yaml',
    line: 17 + index,
    column: 13,
    path: `sections[0].slides[${index}]`,
    message: 'unknown key "note"; did you mean "notes"?',
  }));

  it.each<[number, string]>([
    [80, ' 17:13: unknown key "note"; did you mean "notes"?       (+12 more) · e: details'],
    [60, ' 17:13: unknown key "note"; did yo… (+12 more) · e: details'],
    [40, ' 17:13: unknown key "note";…  (+12) · e'],
    [24, ' 17:13: unknown key…  e'],
    [20, ' 17:13: unknown…  e'],
  ])('keeps the place whole and fills the row at %i columns', (columns, expected) => {
    const row = renderElement(() => <ErrorBanner diagnostics={problems} columns={columns} />, columns);
    expect(row).toBe(expected);
    // The problem is padded to its room, so the row is full: all but the hint's last column, a
    // space, which the frame's trailing trim takes.
    expect(stringWidth(row)).toBe(columns - 1);
  });

  it('names the file when the whole problem fits with it', () => {
    const row = renderElement(() => <ErrorBanner diagnostics={problems} columns={120} />, 120);
    expect(row).toMatch(/^ fe1-deck\.yaml:17:13: unknown key "note"; did you mean "notes"\? +\(\+12 more\) · e: details$/);
    expect(stringWidth(row)).toBe(119);
  });
});

describe('source excerpts of errors', () => {
  it('never carry escape sequences from the file, and put the caret under the column', async () => {
    const { sourceExcerpt } = await import('../src/text/source-excerpt.js');
    const text = 'title: "\u001B]0;pwned\u0007T"\n\tbad: [\u001B[2J\n';
    const rows = sourceExcerpt(text, { file: 'x.yaml', line: 2, column: 2, path: '', message: 'm' });
    expect(rows.join('\n')).not.toMatch(/[\u0000-\u0009\u000B-\u001F\u007F-\u009F]/);
    expect(rows).toEqual(['  1 │ title: "T"', '> 2 │     bad: [', '    │     ^', '  3 │ ']);
  });
});

describe('a terminal that reports no size', () => {
  it('is laid out as 80x24', async () => {
    const { render } = await import('ink-testing-library');
    const { App } = await import('../src/ui/App.js');
    const { readDeck: load } = await import('../src/deck/load-deck.js');
    const deck = await load(SLIDES_YAML);
    // ink-testing-library's stdout has no rows, as a pipe or an odd terminal may not.
    const instance = render(<App deck={deck} version="v" />);
    const frame = instance.lastFrame() ?? '';
    instance.unmount();
    expect(frame.split('\n')).toHaveLength(23);
    expect(frame).toContain(`slide 1/${slides.length}`);
  });
});

describe('the clip marker of a reveal slide', () => {
  it('counts only revealed rows, so the audience is never told about bullets still to come', async () => {
    const { layoutContentBlock } = await import('../src/layout/slide-rows.js');
    const slide = { title: 'Title', body: { layout: 'bullets' as const, bullets: ['one', 'two', 'three'] } };
    const rowsOf = (revealed?: number) =>
      layoutContentBlock(slide, 20, 4, { revealed }).rows.map((row) =>
        row.parts.map((part) => part.spans.map((span) => span.text).join('')).join(''),
      );
    expect(rowsOf(1)).toEqual(['Title', '─'.repeat(20), '• one', '']);
    expect(rowsOf(2)).toEqual(['Title', '─'.repeat(20), '• one', '⋯ 1 more line']);
    expect(rowsOf()).toEqual(['Title', '─'.repeat(20), '• one', '⋯ 2 more lines']);
  });

  it('stays off the first step of slides.yaml’s reveal slide at 40x12 with notes', () => {
    const index = slides.findIndex((slide) => stepCountOf(slide) > 1);
    // The slide's rows, above the notes pane (which says which of its lines it shows).
    const slideArea = (step: number) => {
      const lines = drawFrame(slides, { slide: index + 1, step, columns: 40, rows: 12, showNotes: true }).split('\n');
      return lines
        .slice(
          0,
          lines.findIndex((line) => line.startsWith('╭')),
        )
        .join('\n');
    };
    expect(slideArea(1)).not.toContain('more line');
    expect(slideArea(3)).toContain('more line');
  });
});

describe('the notes pane header', () => {
  it.each([
    [40, 12, /Speaker notes 1–\d+\/\d+ · d\/u/],
    [24, 12, /1–\d+\/\d+ (· )?d\/u/],
  ])('says which lines it shows and how to scroll, whole, at %ix%i', (columns, rows, expected) => {
    const frame = drawFrame(slides, { slide: 3, columns, rows, showNotes: true });
    const header = frame.split('\n').find((line) => line.includes('d/u')) ?? '';
    expect(header).toMatch(expected);
    expect(header).not.toContain('…');
  });
});
