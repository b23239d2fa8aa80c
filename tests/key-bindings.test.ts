import { describe, expect, it } from 'vitest';
import { actionForKey, KEY_BINDINGS, keyNameOf, type KeyFlags } from '../src/navigation/key-bindings.js';

const NO_FLAGS: KeyFlags = {
  upArrow: false,
  downArrow: false,
  leftArrow: false,
  rightArrow: false,
  pageDown: false,
  pageUp: false,
  home: false,
  end: false,
  return: false,
  escape: false,
  ctrl: false,
  backspace: false,
  delete: false,
  tab: false,
};
const press = (input: string, flags: Partial<KeyFlags> = {}) => actionForKey(keyNameOf(input, { ...NO_FLAGS, ...flags }))?.type;

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
    ['Backspace (BS)', '', { backspace: true }, 'previous'],
    ['Backspace (DEL, reported by Ink as delete)', '', { delete: true }, 'previous'],
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
    ['3', '3', {}, 'typeDigit'],
  ])('%s', (_label, input, flags, action) => {
    expect(press(input, flags)).toBe(action);
  });

  it.each<[string, string]>([
    ['an unbound letter', 'x'],
    ['pasted text', 'hello'],
    ['a cursor position report without its ESC', '[12;40R'],
    ['a focus-in report without its ESC', '[I'],
    ['a mouse report without its ESC', '[<0;10;5M'],
  ])('ignores %s', (_label, input) => {
    expect(press(input)).toBeUndefined();
  });

  it('binds every key to one action only', () => {
    const keys = KEY_BINDINGS.flatMap((binding) => binding.keys);
    expect(new Set(keys).size).toBe(keys.length);
  });
});
