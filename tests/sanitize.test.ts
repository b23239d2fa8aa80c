import { describe, expect, it } from 'vitest';
import { escapeControls, sanitizeText, toTerminalJson } from '../src/deck/sanitize.js';

describe('sanitizeText', () => {
  it.each<[string, string, string]>([
    ['a window-title OSC', 'Safe\u001B]0;owned\u0007 Title', 'Safe Title'],
    ['an OSC 52 clipboard write', 'Clip\u001B]52;c;ZWNobw==\u0007 board', 'Clip board'],
    ['an OSC 8 link, keeping its text', 'A \u001B]8;;https://x\u001B\\link\u001B]8;;\u001B\\ here', 'A link here'],
    ['a CSI clear and cursor move', 'Clear \u001B[2J\u001B[H now', 'Clear  now'],
    ['SGR colour', '\u001B[31mred\u001B[0m', 'red'],
    ['bell, backspace and other C0 controls', 'a\u0007b\u0008c\u0000d\u001Fe', 'abcde'],
    ['C1 controls (an 8-bit CSI takes its final byte with it)', 'a\u0085b\u009Bc', 'ab'],
    ['CRLF and a lone CR', 'one\r\ntwo\rthree', 'one\ntwo\nthree'],
    ['a tab', 'a\tb', 'a    b'],
    ['a zero-width space', 'zero\u200Bwidth', 'zerowidth'],
    ['a soft hyphen', 'soft\u00ADhyphen', 'softhyphen'],
    ['bidirectional overrides (Trojan Source)', 'abc\u202Edef\u202C', 'abcdef'],
    ['a byte order mark inside text', 'a\uFEFFb', 'ab'],
    ['a variation selector after a letter', 'var\uFE0Fsel', 'varsel'],
  ])('removes %s', (_name, input, expected) => {
    expect(sanitizeText(input)).toBe(expected);
  });

  it.each<[string, string]>([
    ['an emoji with its presentation selector', '\u23F3\uFE0F'],
    ['a keycap', '1\uFE0F\u20E3'],
    ['a ZWJ family', '\u{1F468}\u200D\u{1F469}\u200D\u{1F467}'],
    ['a flag', '\u{1F1F7}\u{1F1FA}'],
    ['combining accents', 'e\u0301'],
    ['CJK', '中俄关系'],
  ])('keeps %s', (_name, text) => {
    expect(sanitizeText(text)).toBe(text);
  });
});

describe('escapeControls, for text quoted in messages', () => {
  it.each<[string, string, string]>([
    ['a window-title OSC', 'ti\u001B]0;PWN\u0007tle', 'ti\\x1b]0;PWN\\x07tle'],
    ['a newline and a tab, keeping the message on one line', 'a\nb\tc', 'a\\x0ab\\x09c'],
    ['DEL and an 8-bit CSI', 'a\u007Fb\u009B2J', 'a\\x7fb\\x9b2J'],
    ['bidirectional overrides', 'abc\u202Edef', 'abc\\u202edef'],
  ])('shows %s escaped', (_name, input, expected) => {
    expect(escapeControls(input)).toBe(expected);
  });

  it('leaves printable text as it is', () => {
    expect(escapeControls('Xi\'s "all-round" 中俄 \u{1F1F7}\u{1F1FA} e\u0301')).toBe('Xi\'s "all-round" 中俄 \u{1F1F7}\u{1F1FA} e\u0301');
  });
});

describe('toTerminalJson', () => {
  it('escapes what JSON leaves raw but a terminal acts on, and parses back to the same value', () => {
    const value = { message: 'a\u001B[2Jb\u009B31mc\u202Ed\u007Fe', file: 'evil\u0085.yaml' };
    const json = toTerminalJson(value);
    expect(json).not.toMatch(/[\u0000-\u0009\u000B-\u001F\u007F-\u009F\u202E]/);
    expect(JSON.parse(json)).toEqual(value);
  });
});
