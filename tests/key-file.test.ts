import { describe, expect, it } from 'vitest';
import { DeckError } from '../src/deck/deck-error.js';
import { keyFileJsonSchema, keyNameProblem, loadKeys, parseKeyFile, userKeyFile } from '../src/keys/key-file.js';
import { actionForKey, DEFAULT_KEY_MAP } from '../src/navigation/key-bindings.js';
import { helpLines } from '../src/layout/help-lines.js';

/** The problems of key file `text`, formatted as printed. */
function problemsOf(text: string): string[] {
  try {
    parseKeyFile(text, 'keys.yaml');
  } catch (error) {
    if (error instanceof DeckError) return error.message.split('\n');
    throw error;
  }
  throw new Error('expected problems');
}

describe('a key file', () => {
  it('adds keys to an action, keeping its defaults', () => {
    const keyMap = parseKeyFile('add:\n  next: x\n  blank: [B, ctrl+b]\n', 'keys.yaml');
    expect(actionForKey('x', 'audience', keyMap)).toEqual({ type: 'next' });
    expect(actionForKey('space', 'audience', keyMap)).toEqual({ type: 'next' });
    expect(actionForKey('ctrl+b', 'presenter', keyMap)).toEqual({ type: 'blank', screen: 'black' });
  });

  it("sets an action's keys in place of its defaults, and [] unbinds it", () => {
    const keyMap = parseKeyFile('set:\n  quit: Q\n  help: []\n', 'keys.yaml');
    expect(actionForKey('Q', 'audience', keyMap)).toEqual({ type: 'quit' });
    expect(actionForKey('q', 'audience', keyMap)).toBeUndefined();
    expect(actionForKey('?', 'audience', keyMap)).toBeUndefined();
  });

  it('unbinds default keys, so they can do something else', () => {
    const keyMap = parseKeyFile('unbind: [n, j]\nadd:\n  next: n\n', 'keys.yaml');
    expect(actionForKey('n', 'audience', keyMap)).toEqual({ type: 'next' });
    expect(actionForKey('j', 'audience', keyMap)).toBeUndefined();
  });

  it('starts from no key with defaults: false, and Ctrl-C still quits', () => {
    const keyMap = parseKeyFile('defaults: false\nadd:\n  next: space\n', 'keys.yaml');
    expect(actionForKey('space', 'audience', keyMap)).toEqual({ type: 'next' });
    expect(actionForKey('right', 'audience', keyMap)).toBeUndefined();
    expect(actionForKey('ctrl+c', 'audience', keyMap)).toEqual({ type: 'quit', status: 130 });
  });

  it('lets a key do different things in the two views', () => {
    const keyMap = parseKeyFile('add:\n  notes: T\n  timer: T\n', 'keys.yaml');
    expect(actionForKey('T', 'audience', keyMap)).toEqual({ type: 'toggleNotes' });
    expect(actionForKey('T', 'presenter', keyMap)).toEqual({ type: 'toggleTimer' });
  });

  it.each<[string, string, RegExp]>([
    [
      'an unknown action, with the one meant',
      'add:\n  blnak: x\n',
      /^keys\.yaml:2:3: add: unknown action "blnak"; did you mean "blank"\?$/,
    ],
    ['an unknown field', 'bind:\n  next: x\n', /^keys\.yaml:1:1: unknown field "bind"; expected one of: defaults, add, set, unbind$/],
    [
      'a key name with the one meant',
      'add:\n  next: [x, pgdn]\n',
      /^keys\.yaml:2:13: add\.next\[1\]: did you mean "pagedown"\? "pgdn" is not a key$/,
    ],
    ['a mistyped name', 'add:\n  next: rigth\n', /^keys\.yaml:2:9: add\.next: did you mean "right"\?/],
    ['a digit', 'add:\n  next: "5"\n', /^keys\.yaml:2:9: add\.next: "5" types a slide number; digits cannot be bound$/],
    ['Ctrl-C', 'set:\n  suspend: ctrl+c\n', /^keys\.yaml:2:12: set\.suspend: Ctrl-C always quits the talk; it cannot be bound$/],
    [
      'a key bound to two actions',
      'add:\n  next: n\n',
      /^keys\.yaml:2:9: add\.next: key "n" would do both "next" and "notes"; unbind it from one \(unbind: \["n"\], or set: the other's keys\)$/,
    ],
    ['broken YAML', 'add:\n  next: [x\n', /^keys\.yaml:2:\d+: /],
    ['an empty file', '', /^keys\.yaml:1:1: no key bindings: the file is empty$/],
  ])('says where %s is, in one line', (_name, text, expected) => {
    const problems = problemsOf(text);
    expect(problems[0]).toMatch(expected);
  });

  it.each(['x', 'G', '?', '/', 'é', 'space', 'f5', 'shift+f5', 'ctrl+n', 'shift+tab'])('takes %j as a key', (key) => {
    expect(keyNameProblem(key)).toBeUndefined();
  });

  it('changes the help, which lists the keys in effect', () => {
    const keyMap = parseKeyFile('set:\n  search: ["ctrl+f"]\n', 'keys.yaml');
    const help = helpLines('audience', 80, keyMap).map((line) => line.keys + line.text);
    expect(help.some((line) => line.startsWith('Ctrl-F') && line.includes('search the slides'))).toBe(true);
    expect(help.some((line) => line.startsWith('/ '))).toBe(false);
  });
});

describe('finding and loading the key file', () => {
  it('looks in XDG_CONFIG_HOME, else in ~/.config, ignoring a relative XDG_CONFIG_HOME', () => {
    expect(userKeyFile({ XDG_CONFIG_HOME: '/c', HOME: '/h' })).toBe('/c/inkdeck/keys.yaml');
    expect(userKeyFile({ HOME: '/h' })).toBe('/h/.config/inkdeck/keys.yaml');
    expect(userKeyFile({ XDG_CONFIG_HOME: 'rel', HOME: '/h' })).toBe('/h/.config/inkdeck/keys.yaml');
  });

  it('uses the defaults when there is no key file', () => {
    expect(loadKeys(undefined, { XDG_CONFIG_HOME: '/nonexistent', HOME: '/nonexistent' })).toEqual({ keyMap: DEFAULT_KEY_MAP });
  });

  it('keeps the defaults, and says why, when a named key file cannot be read', () => {
    const loaded = loadKeys('/nonexistent/keys.yaml');
    expect(loaded.keyMap.byView.audience.get('space')).toEqual({ type: 'next' });
    expect(loaded.problems?.[0]?.message).toMatch(/no such file/i);
  });

  it('has a JSON Schema that names every action', () => {
    const schema = keyFileJsonSchema() as { properties: { add: { properties: Record<string, unknown> }; defaults: unknown } };
    expect(Object.keys(schema.properties.add.properties)).toContain('blank-white');
    expect(schema.properties.defaults).toMatchObject({ type: 'boolean' });
  });
});

describe('key names a terminal cannot tell apart', () => {
  it.each([
    ['ctrl+h', 'terminals send ctrl+h as backspace; bind backspace'],
    ['ctrl+i', 'terminals send ctrl+i as tab; bind tab'],
    ['ctrl+m', 'terminals send ctrl+m as enter; bind enter'],
    ['f13', '"f13" is not a key; function keys go from f1 to f12'],
    [
      '\u001B[31m',
      '"\\x1b[31m" is not a key; keys are one character, or one of: right, left, up, down, pageup, pagedown, home, end, enter, space, tab, shift+tab, backspace, escape, f1-f12, shift+f1-f12, ctrl+a-z',
    ],
  ])('%j', (key, message) => {
    expect(keyNameProblem(key)).toBe(message);
  });

  it('says what shape a field needs, not what the validator found', () => {
    expect(problemsOf('add: [a]\n')[0]).toBe('keys.yaml:1:6: add: expected action names, each with its keys: next: [x, pagedown]');
    expect(problemsOf('add:\n  next: [{a: 1}]\n')[0]).toBe('keys.yaml:2:9: add.next: expected a key, or a list of keys: [x, pagedown]');
    expect(problemsOf('defaults: maybe\n')[0]).toBe('keys.yaml:1:11: defaults: expected true or false');
  });
});
