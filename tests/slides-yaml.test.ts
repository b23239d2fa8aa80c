import { describe, expect, it } from 'vitest';
import { readDeck } from '../src/deck/load-deck.js';
import { bodyOf, buildSlides, itemsOf, stepCountOf } from '../src/deck/slides.js';
import { visibleText } from '../src/text/inline.js';
import { drawFrame } from '../src/render/render-frame.js';
import { SLIDES_YAML } from './helpers/paths.js';

const deck = await readDeck(SLIDES_YAML);
const slides = buildSlides(deck);
const contentSlides = deck.sections.flatMap((section) => section.slides);

/** Sentences in a text: runs ending in `.`, `!` or `?` (optionally before a closing quote). */
const sentencesIn = (text: string) =>
  text
    .trim()
    .split(/(?<=[.!?]["”]?)\s+/)
    .filter((sentence) => sentence !== '');

describe('slides.yaml, the talk this project ships', () => {
  it('has the four sections of the argument, in order', () => {
    expect(deck.sections.map((section) => section.id)).toEqual(['drivers', 'cold-war-echoes', 'limits-of-alliance', 'conclusion']);
  });

  it('credits the article', () => {
    expect(deck).toMatchObject({ author: 'Xie Zhihai', date: '2014-06-19', duration: '15m' });
  });

  it.each(deck.sections.map((section) => [section.id, section.slides.length] as const))(
    'section %s has 2 to 4 content slides',
    (_id, count) => {
      expect(count).toBeGreaterThanOrEqual(2);
      expect(count).toBeLessThanOrEqual(4);
    },
  );

  it.each(contentSlides.map((slide) => [slide.title, slide.notes ?? ''] as const))(
    '"%s" has speaker notes of 2 to 6 sentences',
    (_title, notes) => {
      const count = sentencesIn(notes).length;
      expect(count).toBeGreaterThanOrEqual(2);
      expect(count).toBeLessThanOrEqual(6);
    },
  );

  it('reveals at least one slide step by step', () => {
    expect(slides.some((slide) => stepCountOf(slide) > 1)).toBe(true);
  });

  it("opens the drivers section with the article's opening evidence", () => {
    const opening = deck.sections[0]?.slides
      .slice(0, 2)
      .flatMap((slide) => [slide.title, ...itemsOf(bodyOf(slide)), slide.notes ?? ''])
      .join(' ');
    for (const evidence of ['Moscow', 'gas deal', 'CICA', 'Shanghai', 'naval drill']) expect(opening).toContain(evidence);
  });

  it('fits every slide in an 80x24 terminal without clipping', () => {
    slides.forEach((slide, index) => {
      // The last step shows everything a slide has.
      const frame = drawFrame(slides, { slide: index + 1, step: stepCountOf(slide), columns: 80, rows: 24 });
      expect(frame, slide.title).not.toContain('more line');
      // The content of a content slide is all there: each item's visible text.
      if (slide.kind === 'content') {
        const flat = frame.replace(/\s+/g, ' ');
        const texts =
          slide.body.layout === 'timeline' ? slide.body.events.flatMap((event) => [event.when, event.what]) : itemsOf(slide.body);
        // Columns and a timeline set their texts side by side: each is whole, word by word.
        const isSideBySide = slide.body.layout === 'timeline' || slide.body.layout === 'columns';
        for (const text of texts) {
          const visible = visibleText(text).replace(/\s+/g, ' ');
          for (const part of isSideBySide ? visible.split(' ') : [visible]) expect(flat, text).toContain(part);
        }
      }
    });
  });
});
