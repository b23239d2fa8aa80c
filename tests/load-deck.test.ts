import { execFileSync } from 'node:child_process';
import { mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { errorsOf } from './helpers/deck-errors.js';
import { describe, expect, it, vi } from 'vitest';
import { DeckError, formatDiagnostic } from '../src/deck/deck-error.js';
import { readDeck, MAX_DECK_BYTES, parseDeck, readDeckText, readDeckTextSync } from '../src/deck/load-deck.js';
import { CASES, VALID_CASES } from './helpers/paths.js';

const VALID = `title: A deck
sections:
  - id: first
    title: First
    slides:
      - title: One
        bullets:
          - alpha
          - text: beta
            bullets: [gamma, delta]
        notes: |
          Say this.
`;

describe('parseDeck on valid input', () => {
  it('returns the typed deck', () => {
    expect(parseDeck(VALID, 'slides.yaml')).toEqual({
      title: 'A deck',
      sections: [
        {
          id: 'first',
          title: 'First',
          slides: [{ title: 'One', bullets: ['alpha', { text: 'beta', bullets: ['gamma', 'delta'] }], notes: 'Say this.\n' }],
        },
      ],
    });
  });

  it('keeps every scalar exactly as written', () => {
    const deck = parseDeck(
      'title: NO\nsubtitle: 1.10\nauthor: ~\ndate: 2014-06-19\nsections:\n  - id: a\n    title: on\n    slides:\n      - title: 0x1F\n        bullets: [yes, 010, 1e3]\n        notes: null\n',
      'x.yaml',
    );
    expect(deck).toMatchObject({ title: 'NO', subtitle: '1.10', author: '~', date: '2014-06-19' });
    expect(deck.sections[0]?.title).toBe('on');
    expect(deck.sections[0]?.slides[0]).toEqual({ title: '0x1F', bullets: ['yes', '010', '1e3'], notes: 'null' });
  });

  it('loads CRLF and a byte order mark exactly like LF', () => {
    const lf = parseDeck(VALID, 'a.yaml');
    expect(parseDeck(VALID.replace(/\n/g, '\r\n'), 'a.yaml')).toEqual(lf);
    expect(parseDeck(`\uFEFF${VALID}`, 'a.yaml')).toEqual(lf);
  });

  it('removes escape sequences and control characters from every text', () => {
    const deck = parseDeck(
      'title: "A\\e]0;pwned\\a B"\nsections:\n  - id: a\n    title: "\\e[2JS"\n    slides:\n      - title: T\n        bullets: ["x\\by\\tz"]\n',
      'x.yaml',
    );
    expect(deck.title).toBe('A B');
    expect(deck.sections[0]?.title).toBe('S');
    expect(deck.sections[0]?.slides[0]?.bullets).toEqual(['xy    z']);
  });
});

describe('parseDeck errors, each with file:line:column and the field path', () => {
  it.each<[string, string, string[]]>([
    [
      'a wrong type',
      'title: T\nsections:\n  - id: a\n    title: A\n    slides:\n      - title: S\n        bullets: just text\n',
      ['slides.yaml:7:18: sections[0].slides[0].bullets: expected a list of strings'],
    ],
    [
      'a missing required field',
      'title: T\nsections:\n  - id: a\n    slides: []\n',
      ['slides.yaml:3:5: sections[0]: missing required field "title"'],
    ],
    [
      'an unknown key, with a suggestion',
      'title: T\nsections:\n  - id: a\n    title: A\n    slides:\n      - title: S\n        note: hi\n',
      ['slides.yaml:7:9: sections[0].slides[0]: unknown key "note"; did you mean "notes"?'],
    ],
    [
      'an unquoted bullet containing ": "',
      'title: T\nsections:\n  - id: a\n    title: A\n    slides:\n      - title: S\n        bullets:\n          - Russia: sanctions\n',
      ['slides.yaml:8:13: sections[0].slides[0].bullets[0]: expected a string; a bullet that contains ": " must be quoted'],
    ],
    [
      'a bad section id and a bad duration',
      'title: T\nduration: soon\nsections:\n  - id: Cold War\n    title: A\n    slides: []\n',
      [
        'slides.yaml:2:11: duration: expected a duration like `15m`, `1h30m` or `90s`',
        'slides.yaml:4:9: sections[0].id: expected lowercase letters, digits and dashes, like `cold-war-echoes`',
      ],
    ],
    ['an empty title', 'title: ""\nsections:\n  - id: a\n    title: A\n    slides: []\n', ['slides.yaml:1:8: title: must not be empty']],
    [
      'a YAML merge key',
      'title: T\nsections:\n  - id: a\n    title: A\n    <<: { x: y }\n    slides: [{ title: S, bullets: [b], notes: n }]\n',
      ['slides.yaml:5:5: sections[0]: merge keys ("<<") are not supported (YAML 1.2 has none); write the keys out'],
    ],
    [
      'an empty bullet and a blank one, both told the same',
      'title: T\nsections:\n  - id: a\n    title: A\n    slides:\n      - title: S\n        bullets: ["", "  ", ok]\n',
      [
        'slides.yaml:7:19: sections[0].slides[0].bullets[0]: must not be empty',
        'slides.yaml:7:23: sections[0].slides[0].bullets[1]: must not be empty',
      ],
    ],
    ['no sections', 'title: T\nsections: []\n', ['slides.yaml:2:11: sections: no slides: the deck needs at least one section']],
    [
      'a YAML syntax error',
      'title: [unclosed\nsections: []\n',
      // Where the [ opens: yaml says the next line.
      ['slides.yaml:1:8: YAML syntax: this [ is never closed with ]'],
    ],
    ['a top level that is not a mapping', '- a\n- b\n', ['slides.yaml:1:1: expected an inkdeck deck (a mapping with title and sections)']],
    [
      'a slide that is not a mapping',
      'title: T\nsections:\n  - id: a\n    title: A\n    slides:\n      - just a title\n',
      ['slides.yaml:6:9: sections[0].slides[0]: expected a slide (a mapping with title, bullets and notes)'],
    ],
  ])('%s', (_name, text, expected) => {
    expect(errorsOf(text)).toEqual(expected);
  });

  it.each<[string, string, string[]]>([
    [
      'a second YAML document',
      'title: T\nsections:\n  - id: a\n    title: A\n    slides: []\n---\ntitle: U\n',
      ['slides.yaml:6:1: a deck is one YAML document, but a second one starts here (a line with ---)'],
    ],
    [
      'sub-bullets two levels deep',
      'title: T\nsections:\n  - id: a\n    title: A\n    slides:\n      - title: S\n        bullets:\n          - text: top\n            bullets:\n              - text: deeper\n                bullets: [x]\n',
      // At the sub-bullet that goes deeper, not at the bullet that holds it.
      ['slides.yaml:10:17: sections[0].slides[0].bullets[0].bullets[0]: sub-bullets go one level deep: each sub-bullet must be a string'],
    ],
    [
      'what is wrong inside bullets with sub-bullets',
      'title: T\nsections:\n  - id: a\n    title: A\n    slides:\n      - title: S\n        bullets:\n          - text: top\n            bullets: nope\n          - text: x\n            extra: y\n            bullets: [a]\n          - text: ok\n            bullets: [a, [b], ""]\n',
      [
        'slides.yaml:9:22: sections[0].slides[0].bullets[0].bullets: expected a list of sub-bullets (strings)',
        'slides.yaml:11:13: sections[0].slides[0].bullets[1]: unknown key "extra"; expected one of: text, bullets',
        'slides.yaml:14:26: sections[0].slides[0].bullets[2].bullets[1]: sub-bullets go one level deep: each sub-bullet must be a string',
        'slides.yaml:14:31: sections[0].slides[0].bullets[2].bullets[2]: must not be empty',
      ],
    ],
    [
      'a tab in the indentation, alone: the errors it causes further on are left out',
      'title: T\nsections:\n  - id: a\n    title: A\n    slides:\n\t- title: x\n      - title: y\n\t\t- z\n',
      [
        'slides.yaml:6:1: YAML syntax: Tabs are not allowed as indentation',
        'slides.yaml:8:1: YAML syntax: Tabs are not allowed as indentation',
      ],
    ],
    [
      'a [ never closed, once, where it opens (yaml gave four errors on lines 3 and 5)',
      'title: T\nsections: [\n  - id: a\n    title: A\n',
      ['slides.yaml:2:11: YAML syntax: this [ is never closed with ]'],
    ],
    [
      'a quote never closed in a flow list, alone: the list it leaves open is not reported too',
      'title: T\nsections:\n  - id: a\n    title: A\n    slides:\n      - title: S\n        bullets: ["a, b]\n        notes: n\n',
      ['slides.yaml:7:19: YAML syntax: this quote is never closed'],
    ],
    [
      'quotes inside quoted text',
      'title: T\nsections:\n  - id: a\n    title: A\n    slides:\n      - title: S\n        bullets:\n          - "He said "hi" to me"\n',
      [
        'slides.yaml:8:23: YAML syntax: text goes on after a closing quote; inside "…" write a quote as \\", or quote the text with \' instead',
      ],
    ],
    [
      'a double quote never closed, where it opens (yaml says where the file ends)',
      'title: "T\nsections:\n  - id: a\n',
      ['slides.yaml:1:8: YAML syntax: this quote is never closed'],
    ],
    [
      'a single quote never closed, where it opens',
      "title: T\nsections:\n  - id: a\n    title: 'A\n    slides: []\n",
      ['slides.yaml:4:12: YAML syntax: this quote is never closed'],
    ],
    [
      'an unknown key written as an alias, at the key',
      'title: T\nsections:\n  - id: a\n    title: A\n    slides:\n      - title: &t S\n        *t : x\n',
      [
        'slides.yaml:7:9: sections[0].slides[0]: unknown key "S" (the alias *t); expected one of: title, layout, bullets, columns, quote, by, statement, events, notes, reveal, duration, optional',
      ],
    ],
    [
      'a bullet with a colon, which YAML reads as a mapping',
      'title: T\nsections:\n  - id: a\n    title: A\n    slides:\n      - title: S\n        bullets:\n          - Note: unquoted\n',
      ['slides.yaml:8:13: sections[0].slides[0].bullets[0]: expected a string; a bullet that contains ": " must be quoted'],
    ],
  ])('explains %s', (_name, text, expected) => {
    expect(errorsOf(text)).toEqual(expected);
  });

  it('refuses an alias to a list used as a key, at the key, with no warning from yaml', () => {
    const warn = vi.spyOn(process, 'emitWarning');
    try {
      expect(errorsOf('title: T\nsections:\n  - id: a\n    title: &t [a, b]\n    slides:\n      - title: S\n        *t : x\n')).toEqual([
        'slides.yaml:7:9: a key must be plain text, not a list or a mapping',
      ]);
      expect(warn).not.toHaveBeenCalled();
    } finally {
      warn.mockRestore();
    }
  });

  it('reads a title written over several lines as one line', () => {
    // From a fresh-eyes session: the footer showed `Line one` and blanks, and check blamed the
    // line break as a character the big fonts cannot draw.
    const deck = parseDeck(
      'title: >\n  Deck\n  title\nsections:\n  - id: a\n    title: |\n      Line one\n        Line two\n    slides:\n      - title: "S\\n T"\n        bullets: ["keeps\\nits break"]\n',
      'slides.yaml',
    );
    expect(deck.title).toBe('Deck title');
    expect(deck.sections[0]?.title).toBe('Line one Line two');
    expect(deck.sections[0]?.slides[0]).toMatchObject({ title: 'S T', bullets: ['keeps\nits break'] });
  });

  it('reports every error, not only the first, in file order', () => {
    const text =
      'title: T\nsubtitel: x\nsections:\n  - id: a\n    title: A\n    slides:\n      - bullets: [1]\n      - title: B\n        bullets: 3\n';
    expect(errorsOf(text)).toEqual([
      'slides.yaml:2:1: unknown key "subtitel"; did you mean "subtitle"?',
      'slides.yaml:7:9: sections[0].slides[0]: missing required field "title"',
      'slides.yaml:9:18: sections[0].slides[1].bullets: expected a list of strings',
    ]);
  });
});

describe('the shared cases', () => {
  it.each<[string, string[]]>([
    [
      'duplicate-keys.yaml',
      ['duplicate-keys.yaml:9:9: sections[0].slides[0]: duplicate key "notes": each key may appear only once in a mapping'],
    ],
    ['empty.yaml', ['empty.yaml:1:1: no slides: the file has no deck in it']],
    ['comment-only.yaml', ['comment-only.yaml:1:1: no slides: the file has no deck in it']],
    ['alias-bomb.yaml', ['alias-bomb.yaml:6:8: the aliases up to *e expand to more than 100000 values; refusing to load']],
  ])('%s is rejected with a positioned message', async (name, expected) => {
    const error = await readDeck(path.join(CASES, name)).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(DeckError);
    const messages = (error as DeckError).diagnostics.map((diagnostic) =>
      formatDiagnostic({ ...diagnostic, file: path.basename(diagnostic.file) }),
    );
    expect(messages).toEqual(expected);
  });

  it.each(VALID_CASES)('%s loads', async (name) => {
    await expect(readDeck(path.join(CASES, name))).resolves.toHaveProperty('sections');
  });

  it('loads crlf.yaml exactly like the same file with LF', async () => {
    const { readFileSync } = await import('node:fs');
    const crlf = readFileSync(path.join(CASES, 'crlf.yaml'), 'utf8');
    expect(crlf).toContain('\r\n');
    expect(parseDeck(crlf, 'crlf.yaml')).toEqual(parseDeck(crlf.replace(/\r\n/g, '\n'), 'crlf.yaml'));
  });

  it('loads 50,000 aliases in one pass (yaml resolves each alias by searching the document again)', () => {
    const aliases = Array.from({ length: 50_000 }, () => '          - *t').join('\n');
    const text = `title: T\nsections:\n  - id: a\n    title: A\n    slides:\n      - title: &t S\n        bullets:\n${aliases}\n`;
    expect(parseDeck(text, 'x.yaml').sections[0]?.slides[0]?.bullets).toHaveLength(50_000);
  });

  it('refuses aliases that repeat a long text past the limit, at the alias that crosses it', () => {
    const long = 'x'.repeat(200_000);
    const aliases = Array.from({ length: 2_000 }, () => '          - *t').join('\n');
    const text = `title: T\nsections:\n  - id: a\n    title: A\n    slides:\n      - title: S\n        notes: &t ${long}\n        bullets:\n${aliases}\n`;
    // 5 MiB of text is 26.2 copies of 200,000 characters: the 27th alias crosses.
    expect(() => parseDeck(text, 'x.yaml')).toThrow(
      'x.yaml:35:13: the aliases up to *t expand to more than 5.0 MiB of text; refusing to load',
    );
  });

  it('refuses an alias inside the value it names, which would contain itself', () => {
    const text = 'title: T\nsections:\n  - id: a\n    title: A\n    slides: &s\n      - title: S\n        bullets: [*s]\n';
    expect(() => parseDeck(text, 'x.yaml')).toThrow(
      'x.yaml:7:19: the alias *s is inside the value anchored as &s, which would then contain itself',
    );
  });

  it('expands an anchored slide where it is reused, as if written out', () => {
    const slide = '{ title: S, bullets: [one, two], notes: N }';
    const reused = parseDeck(`title: T\nsections:\n  - id: a\n    title: A\n    slides:\n      - &s ${slide}\n      - *s\n`, 'x.yaml');
    const written = parseDeck(`title: T\nsections:\n  - id: a\n    title: A\n    slides:\n      - ${slide}\n      - ${slide}\n`, 'x.yaml');
    expect(reused).toEqual(written);
  });

  it('still loads ordinary heavy use of aliases', () => {
    const anchors = Array.from({ length: 300 }, () => '          - *point').join('\n');
    const text = `title: T\nsections:\n  - id: a\n    title: A\n    slides:\n      - title: S\n        bullets:\n          - &point shared\n${anchors}\n`;
    expect(parseDeck(text, 'x.yaml').sections[0]?.slides[0]?.bullets).toHaveLength(301);
  });
});

describe('readDeck on files', () => {
  it('names a missing file', async () => {
    await expect(readDeck('no-such-deck.yaml')).rejects.toThrow('no-such-deck.yaml: cannot read the file: no such file');
  });

  it('refuses a file that is not UTF-8, at the first bad byte', async () => {
    const file = path.join(mkdtempSync(path.join(tmpdir(), 'inkdeck-')), 'latin1.yaml');
    writeFileSync(file, Buffer.from('title: T\nsubtitle: caf\u00e9\n', 'latin1'));
    await expect(readDeck(file)).rejects.toThrow(/latin1\.yaml:2:14: the file is not UTF-8 text; save it as UTF-8$/);
  });

  it.each([
    ['LE', [0xff, 0xfe, 0x74, 0x00]],
    ['BE', [0xfe, 0xff, 0x00, 0x74]],
  ])('names UTF-16 %s, from its byte order mark', async (order, bytes) => {
    const file = path.join(mkdtempSync(path.join(tmpdir(), 'inkdeck-')), 'utf16.yaml');
    writeFileSync(file, Buffer.from(bytes));
    await expect(readDeck(file)).rejects.toThrow(new RegExp(`utf16\\.yaml:1:1: the file is UTF-16 ${order} text; save it as UTF-8$`));
  });

  it('refuses a file over the size limit before parsing it', async () => {
    const file = path.join(mkdtempSync(path.join(tmpdir(), 'inkdeck-')), 'huge.yaml');
    writeFileSync(file, `title: ${'x'.repeat(MAX_DECK_BYTES)}\n`);
    await expect(readDeck(file)).rejects.toThrow(/huge\.yaml: the file is 5\.0 MiB; decks are limited to 5\.0 MiB/);
  });

  it('stops reading a device that never ends at the limit, as the public API does too', async () => {
    await expect(readDeckText('/dev/zero')).rejects.toThrow('/dev/zero: it holds more than 5.0 MiB; decks are limited to that');
    expect(() => readDeckTextSync('/dev/zero')).toThrow('/dev/zero: it holds more than 5.0 MiB; decks are limited to that');
  });

  it('reads a deck from a pipe, as process substitution gives one', async () => {
    const fifo = path.join(mkdtempSync(path.join(tmpdir(), 'inkdeck-')), 'deck.fifo');
    execFileSync('mkfifo', [fifo]);
    const text = `title: T\nsections:\n  - id: a\n    title: A\n    slides:\n      - title: ${'S'.repeat(300_000)}\n`;
    const writer = writeFile(fifo, text);
    expect(await readDeckText(fifo)).toBe(text);
    await writer;
  });

  it('says so, without hanging, when nothing is writing to a FIFO (check, render and export read through here)', async () => {
    const fifo = path.join(mkdtempSync(path.join(tmpdir(), 'inkdeck-')), 'deck.fifo');
    execFileSync('mkfifo', [fifo]);
    const message = `${fifo}: it is a FIFO (a named pipe) and nothing is writing to it; start the writer first, or give a file`;
    await expect(readDeckText(fifo)).rejects.toThrow(message);
    expect(() => readDeckTextSync(fifo)).toThrow(message);
  });

  it('says a loop of symbolic links is one, in plain words', async () => {
    const directory = mkdtempSync(path.join(tmpdir(), 'inkdeck-'));
    symlinkSync(path.join(directory, 'b.yaml'), path.join(directory, 'a.yaml'));
    symlinkSync(path.join(directory, 'a.yaml'), path.join(directory, 'b.yaml'));
    await expect(readDeck(path.join(directory, 'a.yaml'))).rejects.toThrow(
      /a\.yaml: cannot read the file: too many symbolic links: they lead round in a loop$/,
    );
  });
});

describe('keys that are not text', () => {
  it('refuses a list or mapping as a key, in place, without a warning on stderr', () => {
    const warnings: unknown[] = [];
    const onWarning = (warning: unknown) => warnings.push(warning);
    process.on('warning', onWarning);
    try {
      expect(errorsOf('title: T\n? [a, b]\n: c\nsections: []\n')).toEqual([
        'slides.yaml:2:3: a key must be plain text, not a list or a mapping',
      ]);
    } finally {
      process.off('warning', onWarning);
    }
    expect(warnings).toEqual([]);
  });
});
