import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readDeck } from '../src/deck/load-deck.js';
import { buildSlides, itemsOf, stepCountOf, type ContentSlide } from '../src/deck/slides.js';
import { layoutContentBlock } from '../src/layout/slide-rows.js';
import { drawFrame } from '../src/render/render-frame.js';
import { errorsOf } from './helpers/deck-errors.js';
import fc from 'fast-check';
import stringWidth from 'string-width';
import { initialDeckState } from '../src/navigation/deck-state.js';
import { frameRows } from '../src/layout/frame-layout.js';
import { PresenterFrame } from '../src/ui/PresenterFrame.js';
import { presenterScreen, renderElement, renderWithInk } from './helpers/frame.js';
import { ROOT } from './helpers/paths.js';

const LAYOUTS = path.join(ROOT, 'tests/fixtures/layouts.yaml');
const slides = buildSlides(await readDeck(LAYOUTS));
const SIZES = [
  { columns: 80, rows: 24 },
  { columns: 120, rows: 40 },
  { columns: 40, rows: 12 },
] as const;

/** The 1-based number of the content slide titled `title`, and the slide. */
function slideTitled(title: string): { number: number; slide: ContentSlide } {
  const index = slides.findIndex((slide) => slide.title === title);
  const slide = slides[index];
  if (slide?.kind !== 'content') throw new Error(`no content slide titled ${title}`);
  return { number: index + 1, slide };
}

/** The last step's frame of the slide titled `title`: everything it shows. */
function lastFrame(title: string, size: { columns: number; rows: number }): string {
  const { number, slide } = slideTitled(title);
  return drawFrame(slides, { slide: number, step: stepCountOf(slide), ...size });
}

describe('every layout of tests/fixtures/layouts.yaml', () => {
  const cases = SIZES.flatMap((size) =>
    slides.flatMap((slide, index) =>
      Array.from({ length: stepCountOf(slide) }, (_, step) => ({ ...size, slide: index + 1, step: step + 1, title: slide.title })),
    ),
  );

  it.each(cases)('$title (slide $slide, step $step) at $columns x $rows matches its snapshot', ({ slide, step, columns, rows }) => {
    const frame = drawFrame(slides, { slide, step, columns, rows });
    // The same through Ink's own test renderer: no layout draws differently there.
    expect(renderWithInk(slides, { slide, step, columns, rows })).toBe(frame);
    expect(frame.split('\n')).toHaveLength(rows - 1);
    expect(frame).toMatchSnapshot();
  });
});

describe('the columns layout', () => {
  it('sets its columns side by side where each has room, headings on one row', () => {
    const frame = lastFrame('Two predicaments', { columns: 80, rows: 24 });
    expect(frame).toMatch(/Russia {10,}China/);
    expect(frame).toMatch(/• Isolated by the West over Ukraine {2,}• Territorial disputes/);
  });

  it('sets the points compared face to face: the n-th bullets of the columns start on one row', () => {
    const lines = lastFrame('Two predicaments', { columns: 80, rows: 24 }).split('\n');
    const rowOf = (text: string) => lines.findIndex((line) => line.includes(text));
    expect(rowOf('Isolated by the West')).toBe(rowOf('Territorial disputes'));
    expect(rowOf('Needs new buyers')).toBe(rowOf('Faces a US pivot'));
  });

  it('keeps the columns together on a very wide terminal', () => {
    const line = lastFrame('Two predicaments', { columns: 250, rows: 40 })
      .split('\n')
      .find((text) => text.includes('Russia'));
    expect(line?.trim()).toMatch(/^Russia {10,60}China$/);
  });

  it('stacks them in order below the width where they fit', () => {
    const frame = lastFrame('Two predicaments', { columns: 40, rows: 24 });
    const lines = frame.split('\n');
    const russia = lines.findIndex((line) => line.trim() === 'Russia');
    const china = lines.findIndex((line) => line.trim() === 'China');
    expect(russia).toBeGreaterThan(0);
    expect(china).toBeGreaterThan(russia);
    expect(frame.indexOf('Needs new buyers')).toBeLessThan(frame.indexOf('China'));
  });

  it('reveals bullet by bullet, column by column', () => {
    const { number, slide } = slideTitled('Three columns');
    expect(itemsOf(slide.body)).toEqual(['Alliance', 'Aid', 'Split', 'Partnership']);
    expect(stepCountOf(slide)).toBe(5);
    const at = (step: number) => drawFrame(slides, { slide: number, step, columns: 80, rows: 24 });
    expect(at(1)).toContain('1950s');
    expect(at(1)).not.toContain('Alliance');
    expect(at(3)).toContain('Aid');
    expect(at(3)).not.toContain('Split');
    expect(at(5)).toContain('Partnership');
  });
});

describe('the quote layout', () => {
  it('draws the quotation marks itself, the attribution set right under the quotation', () => {
    const frame = lastFrame('In his words', { columns: 80, rows: 24 });
    const lines = frame.split('\n');
    const first = lines.find((line) => line.includes('“'));
    const last = lines.find((line) => line.includes('”'));
    expect(first).toMatch(/“ Relations between/);
    expect(last).toMatch(/stronger\.”$/);
    const attribution = lines.find((line) => line.includes('— A head of state')) ?? '';
    const widest = Math.max(...lines.filter((line) => line.includes('Relations') || line.includes('stronger')).map((line) => line.length));
    expect(attribution.length).toBe(widest);
  });

  it('shows no title: its words are the slide', () => {
    expect(lastFrame('In his words', { columns: 80, rows: 24 })).not.toContain('In his words');
  });
});

describe('the statement layout', () => {
  it('is drawn in big letters where they fit, centred', () => {
    const frame = lastFrame('The point', { columns: 80, rows: 24 });
    expect(frame).toContain('███');
    expect(frame).not.toContain('Need, not love');
    const drawn = frame.split('\n').filter((line) => line.includes('█'));
    const margins = drawn.map((line) => line.length - line.trimStart().length);
    // Centred: its left margin is about its right one in an 80-column frame.
    const widest = Math.max(...drawn.map((line) => line.trimEnd().length - (line.length - line.trimStart().length)));
    const left = Math.min(...margins);
    expect(Math.abs(left - (80 - left - widest))).toBeLessThanOrEqual(8);
  });

  it('breaks plain letters into lines of about equal length', () => {
    const lines = lastFrame('A longer point', { columns: 80, rows: 24 })
      .split('\n')
      .map((line) => line.trim())
      .filter((line) => /\w/.test(line) && !line.includes('slide '));
    const lengths = lines.map((line) => line.length);
    expect(Math.max(...lengths) - Math.min(...lengths)).toBeLessThanOrEqual(12);
  });

  it('is set in plain letters, each line centred, when big ones do not fit', () => {
    const frame = lastFrame('A longer point', { columns: 80, rows: 24 });
    expect(frame).not.toContain('█');
    const lines = frame.split('\n').filter((line) => /\w/.test(line) && !line.includes('slide '));
    expect(lines.join(' ').replace(/\s+/g, ' ').trim()).toBe(
      'A statement too long for big letters, set in bold plain text and centred line by line.',
    );
    for (const line of lines) {
      const left = line.length - line.trimStart().length;
      expect(Math.abs(left - (80 - line.length))).toBeLessThanOrEqual(8);
    }
  });
});

describe('the timeline layout', () => {
  it('runs across the slide where each event has room: dates over marks on one line, texts under them', () => {
    const frame = lastFrame('The sequence', { columns: 80, rows: 24 });
    expect(frame).toMatch(/March 2013 +April 2014 +May 2014 +June 2014/);
    expect(frame).toMatch(/●─+●─+●─+●/);
  });

  it('leaves at least two columns between the texts of two events', () => {
    const frame = lastFrame('The sequence', { columns: 80, rows: 24 });
    const lines = frame.split('\n');
    const axis = lines.findIndex((line) => line.includes('●─'));
    const marks = [...(lines[axis] ?? '').matchAll(/●/g)].map((match) => match.index);
    for (const line of lines.slice(axis + 1).filter((text) => text.trim() !== '' && !text.includes('slide '))) {
      for (const mark of marks.slice(1)) expect(line.slice(mark - 2, mark), line).toMatch(/^ {2}$/);
    }
  });

  it('runs down the slide, a mark and a date per event, where it has not', () => {
    const frame = lastFrame('The sequence', { columns: 40, rows: 24 });
    expect(frame).toMatch(/● March 2013\n +A first trip abroad/);
    expect(frame).not.toMatch(/●─/);
  });

  it('reveals event by event, keeping the line whole and leaving out the marks to come', () => {
    const { number } = slideTitled('The sequence');
    const first = drawFrame(slides, { slide: number, step: 2, columns: 80, rows: 24 });
    expect(first).toContain('March 2013');
    expect(first).not.toContain('April 2014');
    expect(first).toMatch(/●─{40,}/);
    expect(first.match(/●/g)).toHaveLength(1);
  });
});

describe('inline emphasis', () => {
  it('is drawn without its markers, a backslash keeping one as text', () => {
    const frame = lastFrame('Bullets with emphasis', { columns: 80, rows: 24 });
    expect(frame).toContain('• A bold claim and an italic aside');
    expect(frame).toContain('• A code span, and *escaped* stars');
    expect(frame).toContain('◦ the first, emphasised');
  });

  it('is drawn bold, italic and in the code colour in colour frames', () => {
    const { number, slide } = slideTitled('Bullets with emphasis');
    const frame = drawFrame(slides, { slide: number, step: stepCountOf(slide), columns: 80, rows: 24, color: true });
    expect(frame).toMatch(/\u001B\[1m(\u001B\[[\d;]+m)*bold(\u001B\[[\d;]+m)*\u001B\[22m/);
    expect(frame).toMatch(/\u001B\[3m(\u001B\[[\d;]+m)*italic(\u001B\[[\d;]+m)*\u001B\[23m/);
    // The dark theme's code colour, #ffd75f.
    expect(frame).toMatch(/\u001B\[38;2;255;215;95m(\u001B\[[\d;]+m)*code span/);
  });

  it('works in speaker notes: shown without markers, in bold in colour frames', () => {
    const { number } = slideTitled('Bullets with emphasis');
    const plain = drawFrame(slides, { slide: number, step: 4, columns: 80, rows: 24, showNotes: true });
    expect(plain).toContain('Say the bold part slowly.');
    expect(plain).not.toContain('**');
    const colour = drawFrame(slides, { slide: number, step: 4, columns: 80, rows: 24, showNotes: true, color: true });
    expect(colour).toMatch(/Say the (\u001B\[[\d;]+m)*\u001B\[1m(\u001B\[[\d;]+m)*bold/);
  });

  it('takes no room: lines wrap on the visible text', () => {
    const slide = { title: 'T', body: { layout: 'bullets' as const, bullets: ['**aaaa** **bbbb**'] } };
    const text = layoutContentBlock(slide, 11, 10, { form: 'summary' }).rows.map((row) =>
      row.parts.map((part) => part.spans.map((span) => span.text).join('')).join(''),
    );
    // `• aaaa bbbb` is 11 columns: it fits on one line, as it would without the markers.
    expect(text).toContain('• aaaa bbbb');
  });
});

describe('layout fields in the deck', () => {
  const deck = (slide: string) =>
    `title: D
sections:
  - id: s
    title: S
    slides:
${slide
  .split('\n')
  .map((line) => `      ${line}`)
  .join('\n')}
`;

  it('names a misspelt layout, with the one meant', () => {
    expect(errorsOf(deck('- title: T\n  layout: colums\n  columns: []'))).toEqual([
      'slides.yaml:7:17: sections[0].slides[0].layout: did you mean "columns"? "colums" is not a layout (bullets, columns, quote, statement, timeline)',
      'slides.yaml:8:18: sections[0].slides[0].columns: expected 2 or 3 columns',
    ]);
  });

  it('says which layout a field belongs to when the layout line is missing', () => {
    expect(errorsOf(deck('- title: T\n  quote: Words\n  notes: N'))).toEqual([
      'slides.yaml:7:16: sections[0].slides[0].quote: "quote" needs `layout: quote` on its slide (without a layout line, a slide is a bullets slide)',
    ]);
  });

  it('asks for the field a layout shows', () => {
    expect(errorsOf(deck('- title: T\n  layout: timeline'))).toEqual([
      'slides.yaml:6:9: sections[0].slides[0]: a timeline slide needs "events:"',
    ]);
  });

  it('refuses reveal on a layout with nothing to reveal', () => {
    expect(errorsOf(deck('- title: T\n  layout: statement\n  statement: S\n  reveal: true'))).toEqual([
      'slides.yaml:9:17: sections[0].slides[0].reveal: a statement slide has one step, nothing to reveal; reveal works on bullets, columns, timeline slides',
    ]);
  });

  it('places mistakes inside columns and events, with did-you-mean for their keys', () => {
    expect(
      errorsOf(
        deck(
          '- title: T\n  layout: columns\n  columns:\n    - heading: A\n      bulets: [x]\n    - heading: ""\n- title: U\n  layout: timeline\n  events:\n    - when: 2014\n      wat: Y',
        ),
      ),
    ).toEqual([
      'slides.yaml:10:13: sections[0].slides[0].columns[0]: unknown key "bulets"; did you mean "bullets"?',
      'slides.yaml:11:22: sections[0].slides[0].columns[1].heading: must not be empty',
      'slides.yaml:15:13: sections[0].slides[1].events[0]: missing required field "what"',
      'slides.yaml:16:13: sections[0].slides[1].events[0]: unknown key "wat"; did you mean "what"?',
    ]);
  });
});

describe('every layout at random sizes from 1x1 to 300x100', () => {
  it('fits the presenter view (its panes draw slides in small type), never throwing', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 300 }), fc.integer({ min: 1, max: 100 }), fc.nat(), (columns, rows, pick) => {
        const index = pick % slides.length;
        const slide = slides[index];
        const state = {
          ...initialDeckState(slides.map(stepCountOf)),
          slide: index,
          step: slide === undefined ? 0 : pick % stepCountOf(slide),
        };
        const frame = renderElement(
          () => (
            <PresenterFrame
              slides={slides}
              state={state}
              elapsedMs={61_000}
              isTimerRunning
              arrivedAtMs={0}
              wallClock="14:05"
              durationMs={600_000}
              screen={presenterScreen(slides, state, columns, rows)}
            />
          ),
          columns,
        );
        const lines = frame.split('\n');
        expect(lines.length).toBeLessThanOrEqual(frameRows(rows));
        for (const line of lines) expect(stringWidth(line)).toBeLessThanOrEqual(columns);
      }),
      { numRuns: 150 },
    );
  }, 60_000);
});
