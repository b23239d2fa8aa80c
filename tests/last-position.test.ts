import { mkdtempSync, readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildSlides } from '../src/deck/slides.js';
import { positionsFile, readLastPosition, saveLastPosition } from '../src/state/last-position.js';

const deckOf = (titles: string[]) =>
  buildSlides({
    title: 'T',
    sections: [{ id: 'a', title: 'A', slides: titles.map((title) => ({ title, bullets: ['x'] })) }],
  } as Parameters<typeof buildSlides>[0]);

describe('the last position of a deck', () => {
  const env = () => ({ XDG_STATE_HOME: mkdtempSync(path.join(tmpdir(), 'inkdeck-state-')) });

  it('is kept per deck file and read back', () => {
    const home = env();
    const slides = deckOf(['One', 'Two', 'Three']);
    saveLastPosition('/talks/a.yaml', slides, { slide: 3, step: 0 }, home);
    saveLastPosition('/talks/b.yaml', slides, { slide: 2, step: 0 }, home);
    expect(readLastPosition('/talks/a.yaml', slides, home)).toEqual({ slide: 3, step: 0 });
    expect(readLastPosition('/talks/b.yaml', slides, home)).toEqual({ slide: 2, step: 0 });
    expect(readLastPosition('/talks/c.yaml', slides, home)).toBeUndefined();
  });

  it('follows its slide when the deck was edited since, by title', () => {
    const home = env();
    saveLastPosition('/talks/a.yaml', deckOf(['One', 'Two', 'Three']), { slide: 4, step: 0 }, home);
    expect(readLastPosition('/talks/a.yaml', deckOf(['Zero', 'One', 'Two', 'Three']), home)).toEqual({ slide: 5, step: 0 });
    expect(readLastPosition('/talks/a.yaml', deckOf(['One']), home)).toEqual({ slide: 2, step: 0 });
  });

  it('is nothing, not an error, when the file is broken or cannot be written', () => {
    const home = env();
    const file = positionsFile(home);
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, '{not json');
    expect(readLastPosition('/talks/a.yaml', deckOf(['One']), home)).toBeUndefined();
    // A state directory that cannot be made: its parent is a file.
    const blocked = { XDG_STATE_HOME: path.join(file, 'under-a-file') };
    expect(() => saveLastPosition('/talks/a.yaml', deckOf(['One']), { slide: 1, step: 0 }, blocked)).not.toThrow();
    saveLastPosition('/talks/a.yaml', deckOf(['One']), { slide: 2, step: 0 }, home);
    expect(JSON.parse(readFileSync(file, 'utf8'))).toMatchObject({ '/talks/a.yaml': { slide: 2, title: 'One', section: 'A' } });
  });

  it('lives under XDG_STATE_HOME, else ~/.local/state', () => {
    expect(positionsFile({ XDG_STATE_HOME: '/s', HOME: '/h' })).toBe('/s/inkdeck/positions.json');
    expect(positionsFile({ HOME: '/h' })).toBe('/h/.local/state/inkdeck/positions.json');
  });

  it('keeps the 200 decks presented last', () => {
    const home = env();
    const slides = deckOf(['One']);
    for (let index = 0; index < 205; index += 1)
      saveLastPosition(`/talks/${index}.yaml`, slides, { slide: 1, step: 0 }, home, 1000 + index);
    const kept = Object.keys(JSON.parse(readFileSync(positionsFile(home), 'utf8')) as object);
    expect(kept).toHaveLength(200);
    expect(kept).not.toContain('/talks/0.yaml');
    expect(kept).toContain('/talks/204.yaml');
  });
});

describe('a reveal slide moved by an edit', () => {
  it('comes back at the step it was on', () => {
    const home = { XDG_STATE_HOME: mkdtempSync(path.join(tmpdir(), 'inkdeck-state-')) };
    saveLastPosition('/talks/a.yaml', deckOf(['One', 'Two']), { slide: 3, step: 2 }, home);
    expect(readLastPosition('/talks/a.yaml', deckOf(['New', 'One', 'Two']), home)).toEqual({ slide: 4, step: 2 });
  });
});

describe('reading the last position at start-up', () => {
  it('lays out no slides when the deck has no position kept (a talk started fresh pays nothing)', () => {
    const home = { XDG_STATE_HOME: mkdtempSync(path.join(tmpdir(), 'inkdeck-state-')) };
    const layOut = () => {
      throw new Error('laid out');
    };
    expect(readLastPosition('/talks/new.yaml', layOut, home)).toBeUndefined();
    saveLastPosition('/talks/new.yaml', deckOf(['One']), { slide: 2, step: 0 }, home);
    expect(() => readLastPosition('/talks/new.yaml', layOut, home)).toThrow('laid out');
  });
});
