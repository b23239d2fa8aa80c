import { describe, expect, it } from 'vitest';
import {
  actionForKey,
  continueSequence,
  ACTION_NAMES,
  DEFAULT_KEY_BINDINGS,
  keyNamesOf,
  NO_KEY_FLAGS,
  pendingSequenceOf,
  type KeyFlags,
} from '../src/navigation/key-bindings.js';

const NO_FLAGS = NO_KEY_FLAGS;
const actionsOf = (input: string, flags: Partial<KeyFlags> = {}, view: 'audience' | 'presenter' = 'audience') =>
  keyNamesOf(input, { ...NO_FLAGS, ...flags }).map((name) => actionForKey(name, view)?.type);
const press = (input: string, flags: Partial<KeyFlags> = {}) => {
  const actions = actionsOf(input, flags);
  expect(actions.length).toBeLessThanOrEqual(1);
  return actions[0];
};

describe('the key map of issue #2', () => {
  it.each<[string, string, Partial<KeyFlags>, string]>([
    ['→', '', { rightArrow: true }, 'next'],
    ['↓', '', { downArrow: true }, 'next'],
    ['space', ' ', {}, 'next'],
    ['l', 'l', {}, 'next'],
    ['j', 'j', {}, 'next'],
    ['PgDn', '', { pageDown: true }, 'next'],
    ['Enter', '\r', { return: true }, 'confirm'],
    ['←', '', { leftArrow: true }, 'previous'],
    ['↑', '', { upArrow: true }, 'previous'],
    ['h', 'h', {}, 'previous'],
    ['k', 'k', {}, 'previous'],
    ['PgUp', '', { pageUp: true }, 'previous'],
    ['Backspace (BS)', '', { backspace: true }, 'backspace'],
    ['Backspace (DEL, reported by Ink as delete)', '', { delete: true }, 'backspace'],
    ['g', 'g', {}, 'first'],
    ['Home', '', { home: true }, 'first'],
    ['G', 'G', {}, 'last'],
    ['End', '', { end: true }, 'last'],
    ['n', 'n', {}, 'toggleNotes'],
    ['o', 'o', {}, 'toggleOverview'],
    ['?', '?', {}, 'toggleHelp'],
    ['Esc', '', { escape: true }, 'back'],
    ['q', 'q', {}, 'quit'],
    ['Ctrl-C', 'c', { ctrl: true }, 'quit'],
    ['Ctrl-Z', 'z', { ctrl: true }, 'suspend'],
    ['3', '3', {}, 'typeDigit'],
  ])('%s', (_label, input, flags, action) => {
    expect(press(input, flags)).toBe(action);
  });

  it.each<[string, string]>([
    ['an unbound letter', 'x'],
    ['a cursor position report without its ESC', '[12;40R'],
    ['a focus-in report without its ESC', '[I'],
    ['a mouse report without its ESC', '[<0;10;5M'],
  ])('ignores %s', (_label, input) => {
    expect(press(input)).toBeUndefined();
  });

  it.each<[string, string, Partial<KeyFlags>]>([
    ['Alt+q', 'q', { meta: true }],
    ['Alt+l', 'l', { meta: true }],
    ['Alt+3', '3', { meta: true }],
    ['Ctrl+Right', '', { ctrl: true, rightArrow: true }],
    ['Alt+Right', '', { meta: true, rightArrow: true }],
    ['Alt+Down', '', { meta: true, downArrow: true }],
    ['Alt+PgDn', '', { meta: true, pageDown: true }],
    ['Alt+Home', '', { meta: true, home: true }],
    ['Alt+Enter', '\r', { meta: true, return: true }],
  ])('binds %s to nothing, as a key that only closes the help', (_label, input, flags) => {
    expect(keyNamesOf(input, { ...NO_FLAGS, ...flags })).toEqual(['other']);
    expect(actionsOf(input, flags)).toEqual([undefined]);
  });

  it.each<[string, string, (string | undefined)[]]>([
    ['a digit and Enter read together', '5\r', ['typeDigit', 'confirm']],
    ['key repeat read together', 'jjj', ['next', 'next', 'next']],
    ['two digits', '12', ['typeDigit', 'typeDigit']],
    ['q after a space', ' q', ['next', 'quit']],
    ['Backspace (DEL) among characters', 'j\u007F', ['next', 'backspace']],
    ['text with unbound letters', 'hax', ['previous', undefined, undefined]],
    ['Ctrl-Z after a move', 'j\u001A', ['next', 'suspend']],
  ])('splits %s into one key each', (_name, input, expected) => {
    expect(actionsOf(input)).toEqual(expected);
  });

  it.each(['t', 'r'])('keeps the presenter key %s out of the audience view', (key) => {
    expect(press(key)).toBeUndefined();
    expect(actionsOf(key, {}, 'presenter')).toHaveLength(1);
  });

  it.each([
    ['d', 1],
    ['u', -1],
  ])('scrolls the notes with %s in both views', (key, pages) => {
    for (const view of ['audience', 'presenter'] as const) expect(actionForKey(key, view)).toEqual({ type: 'scrollNotes', pages });
  });

  it('binds every key to one action only', () => {
    const keys = DEFAULT_KEY_BINDINGS.flatMap((binding) => binding.keys);
    expect(new Set(keys).size).toBe(keys.length);
  });
});

describe('string sequences (OSC, DCS, APC) that Ink 8 splits into an Alt key and typed text', () => {
  it.each<[string, string, string, string, string]>([
    ['an OSC colour reply ended by BEL', ']', '11;rgb:0000/0000/0000\u0007', ']11;rgb:0000/0000/0000\u0007', ''],
    ['an OSC reply ended by ST, with a key after it', ']', '10;rgb:ffff/ffff/ffff\u001B\\l', ']10;rgb:ffff/ffff/ffff\u001B\\', 'l'],
    ['a DCS reply ended by ST without its ESC', 'P', '1$r0m\\', 'P1$r0m\\', ''],
  ])('swallow %s whole, and give back what follows it', (_name, introducer, tail, sequence, rest) => {
    const pending = pendingSequenceOf(introducer, { ...NO_FLAGS, meta: true });
    expect(pending).toEqual({ text: introducer, isLoneEscape: false, isString: true });
    if (pending === undefined) throw new Error('expected a pending sequence');
    expect(continueSequence(pending, tail)).toEqual({ kind: 'sequence', sequence, rest });
  });

  it('waits for the terminator when the reply arrives in parts, and its digits never name a key', () => {
    const first = continueSequence({ text: ']', isLoneEscape: false, isString: true }, '11;rgb:00');
    expect(first).toEqual({ kind: 'pending', pending: { text: ']11;rgb:00', isLoneEscape: false, isString: true } });
    if (first.kind !== 'pending') throw new Error('expected a pending sequence');
    expect(continueSequence(first.pending, '00/0000/0000\u0007')).toMatchObject({ kind: 'sequence', rest: '' });
  });

  it('leaves Alt with any other key alone', () => {
    expect(pendingSequenceOf('q', { ...NO_FLAGS, meta: true })).toBeUndefined();
  });
});

describe('the action names a key file uses', () => {
  it('are the names of the default table, in its order, each once', () => {
    expect(DEFAULT_KEY_BINDINGS.map((binding) => binding.name)).toEqual([...ACTION_NAMES]);
  });
});
