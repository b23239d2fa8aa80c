import { describe, expect, it } from 'vitest';
import { closest } from '../src/text/closest.js';

const KEYS = ['title', 'subtitle', 'author', 'date', 'source', 'duration', 'sections', 'notes', 'bullets'];

describe('closest, the "did you mean" of unknown keys and commands', () => {
  it.each<[string, string | undefined]>([
    ['titel', 'title'],
    ['Title', 'title'],
    ['note', 'notes'],
    ['bulets', 'bullets'],
    ['sectoins', 'sections'],
    // Two edits in four letters is another word, not a typo.
    ['base', undefined],
    ['name', undefined],
    ['x', undefined],
  ])('%s -> %s', (name, expected) => {
    expect(closest(name, KEYS)).toBe(expected);
  });
});
