import { errorsOf } from './helpers/deck-errors.js';
import { describe, expect, it } from 'vitest';
import { parseDeck } from '../src/deck/load-deck.js';
import { MAX_NESTING_DEPTH } from '../src/deck/yaml-structure.js';

// Issue 16: the deck is shown exactly as written, and an error is reported where the mistake is.

/** A deck whose one slide has `bullets` (YAML lines, indented under `bullets:`). */
const withBullets = (...bullets: string[]) =>
  `title: T\nsections:\n  - id: a\n    title: A\n    slides:\n      - title: S\n        notes: n\n        bullets:\n${bullets.map((line) => `          ${line}\n`).join('')}`;

const bulletsOf = (text: string) => parseDeck(text, 'slides.yaml').sections[0]?.slides[0]?.bullets;

describe('text YAML would take away is reported where it is, with the text quoted as it should be', () => {
  it.each([
    [
      'a bullet starting with &word (an anchor no alias uses)',
      withBullets('- &Largest ever natural gas deal'),
      [
        'slides.yaml:9:13: "&Largest" is read as a YAML anchor (a name for the value after it), not as text, and no alias uses it; to show it, quote the text: "&Largest ever natural gas deal"',
      ],
    ],
    [
      'a bullet starting with !word (a tag)',
      withBullets('- !important beats specificity'),
      [
        'slides.yaml:9:13: "!important" is read as a YAML tag (a type for the value after it), not as text; to show it, quote the text: "!important beats specificity"',
      ],
    ],
    [
      '!!binary and !!timestamp, each where it is (not "a bullet that contains \': \' must be quoted")',
      withBullets('- !!binary aGVsbG8=', '- !!timestamp 2001-12-14'),
      [
        'slides.yaml:9:13: "!!binary" is read as a YAML tag (a type for the value after it), not as text; to show it, quote the text: "!!binary aGVsbG8="',
        'slides.yaml:10:13: "!!timestamp" is read as a YAML tag (a type for the value after it), not as text; to show it, quote the text: "!!timestamp 2001-12-14"',
      ],
    ],
    [
      'an anchor no alias uses on a list: nothing to quote, only unused',
      'title: T\nsections: &all []\n',
      ['slides.yaml:2:11: "&all" is a YAML anchor that no alias uses; use it with *all, or remove it'],
    ],
    [
      'a tag on a title',
      'title: !big T\nsections: []\n',
      ['slides.yaml:1:8: "!big" is read as a YAML tag (a type for the value after it), not as text; to show it, quote the text: "!big T"'],
    ],
  ])('%s', (_name, text, expected) => {
    expect(errorsOf(text)).toEqual(expected);
  });

  it.each([
    [
      'quoted, the words show as written',
      withBullets('- "&Largest ever natural gas deal"', "- '!important beats specificity'"),
      ['&Largest ever natural gas deal', '!important beats specificity'],
    ],
    [
      'an anchor an alias uses is meant, and kept',
      withBullets('- &deal Largest ever natural gas deal', '- *deal'),
      ['Largest ever natural gas deal', 'Largest ever natural gas deal'],
    ],
    ["!!str, the failsafe schema's own tag, changes nothing shown", withBullets('- !!str 2014'), ['2014']],
  ])('%s', (_name, text, bullets) => {
    expect(bulletsOf(text)).toEqual(bullets);
  });
});

describe('a value starting with a YAML indicator, or text YAML takes for a comment, says how to quote it', () => {
  it.each([
    [
      '*',
      '- *Largest deal',
      'slides.yaml:9:22: a value starting with * is read as YAML syntax (an alias, a reference to an anchor), not as text; to show it, quote the text: "*Largest deal"',
    ],
    [
      '@',
      '- @mention here',
      'slides.yaml:9:13: a value starting with @ is read as YAML syntax (a reserved character), not as text; to show it, quote the text: "@mention here"',
    ],
    [
      '`',
      '- `code` here',
      'slides.yaml:9:13: a value starting with ` is read as YAML syntax (a reserved character), not as text; to show it, quote the text: "`code` here"',
    ],
    [
      '%',
      '- %percent',
      'slides.yaml:9:13: a value starting with % is read as YAML syntax (a directive), not as text; to show it, quote the text: "%percent"',
    ],
    [
      '|',
      '- | pipe text',
      'slides.yaml:9:15: a value starting with | is read as YAML syntax (a block of text below), not as text; to show it, quote the text: "| pipe text"',
    ],
    [
      '#, a whole bullet',
      '- #MeToo movement',
      'slides.yaml:9:13: "#MeToo" starts a YAML comment, which is not shown; to show it, quote the text: "#MeToo movement"',
    ],
    [
      '#, inside a bullet',
      '- Rank #1 in exports',
      'slides.yaml:9:18: "#1" starts a YAML comment, which is not shown; to show it, quote the text: "Rank #1 in exports"',
    ],
  ])('%s', (_name, bullet, error) => {
    expect(errorsOf(withBullets(bullet, '- ok'))).toEqual([error]);
  });

  it('leaves comments written as comments alone: # and a space, two spaces before, after a quote, on a line of their own', () => {
    const text = `# The deck\ntitle: T  #1 in a column of comments\n${withBullets('- plain # a note', '- "quoted" #tag', '# a line of its own').replace('title: T\n', '')}`;
    expect(parseDeck(text, 'slides.yaml')).toMatchObject({ title: 'T' });
    expect(bulletsOf(text)).toEqual(['plain', 'quoted']);
  });
});

describe('lone CR line endings (old Mac files) load, with positions in lines as an editor shows them', () => {
  it('loads a file whose every line ends with a lone CR', () => {
    const text = withBullets('- one', '- two').replaceAll('\n', '\r');
    expect(bulletsOf(text)).toEqual(['one', 'two']);
  });

  it('places an error on the line an editor shows it on, with no \\x0d in the path', () => {
    // The same errors, at the same lines and columns, as the file with LF line endings.
    const lf = 'title: T\nsections: []\nnote: x\n';
    expect(errorsOf(lf.replaceAll('\n', '\r'))).toEqual(errorsOf(lf));
    expect(errorsOf(lf).map((error) => error.split(':').slice(0, 3).join(':'))).toEqual(['slides.yaml:2:11', 'slides.yaml:3:1']);
  });
});

describe("top-level keys starting with x- are the author's own: a place for anchors", () => {
  it('ignores them, and their anchors serve aliases in the slides', () => {
    const text = `x-shared:\n  deal: &deal Largest ever natural gas deal\n${withBullets('- *deal')}`;
    expect(bulletsOf(text)).toEqual(['Largest ever natural gas deal']);
  });

  it('says so when a top-level key is unknown', () => {
    expect(errorsOf('title: T\nsections: []\nshared: x\n').at(-1)).toContain('keys starting with x- are ignored');
  });

  it('is only for the top level', () => {
    expect(errorsOf('title: T\nsections:\n  - id: a\n    title: A\n    x-mine: 1\n    slides: []\n')).toEqual([
      'slides.yaml:5:5: sections[0]: unknown key "x-mine"; expected one of: id, title, notes, optional, slides',
    ]);
  });
});

describe('syntax errors where the mistake is', () => {
  it.each([
    [
      'a { never closed, where it opens',
      'title: T\nsections:\n  - { id: a, title: A\n    slides: []\n',
      ['slides.yaml:3:5: YAML syntax: this { is never closed with }'],
    ],
    [
      'a [ never closed inside a closed one: the outer one',
      withBullets('- [a, [b, c]'),
      ['slides.yaml:9:13: YAML syntax: this [ is never closed with ]'],
    ],
    [
      'title:Foo, a space missing after the colon',
      'title:Foo\nsections: []\n',
      ['slides.yaml:1:1: a space is missing after the colon of "title:"; write "title: Foo"'],
    ],
    [
      '-child, a space missing after the dash: said once',
      withBullets('- one', '-child'),
      ['slides.yaml:10:1: a space is missing after the "-" of this list item; write "- child"'],
    ],
    [
      'a key one column short of the keys above it',
      'title: T\nsections:\n  - id: a\n    title: A\n    slides:\n      - title: S\n        notes: n\n       bullets:\n          - one\n',
      ['slides.yaml:8:1: this key starts in column 8 and the one above in column 9: the keys of one mapping must line up'],
    ],
    ['title Foo, a colon missing', 'title Foo\nsections: []\n', ['slides.yaml:1:1: a colon is missing after "title"; write "title: Foo"']],
  ])('%s', (_name, text, expected) => {
    expect(errorsOf(text)).toEqual(expected);
  });

  it.each([
    ['[', `title: T\nsections: ${'['.repeat(5000)}\n`],
    ['{', `title: T\nsections: ${'{a: '.repeat(5000)}\n`],
    ['-', `title: T\nsections:\n${Array.from({ length: 3000 }, (_, depth) => `${' '.repeat(depth)}-`).join('\n')}\n`],
  ])('refuses thousands of nested %s with one error about nesting depth, at the first level too deep', (_name, text) => {
    const errors = errorsOf(text);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(new RegExp(`^slides\\.yaml:\\d+:\\d+: lists and mappings nest deeper than ${MAX_NESTING_DEPTH} levels here`));
    // The same place every time: nothing depends on how deep the stack happened to be.
    expect(errorsOf(text)).toEqual(errors);
  });
});

describe('sub-bullets written wrongly: the real problem first, with the way to write them', () => {
  const SUB_BULLETS = 'a bullet with sub-bullets is written `- text: …` with `bullets:` and the list under it';
  it.each([
    [
      'a bullet written as a key with a list under it',
      withBullets('- Main point:', '    - sub a', '    - sub b'),
      [`slides.yaml:9:13: sections[0].slides[0].bullets[0]: a bullet written as "Main point:" with a list under it; ${SUB_BULLETS}`],
    ],
    [
      'bullets: given its own "-"',
      withBullets('- text: Main point', '- bullets:', '    - sub a'),
      [
        'slides.yaml:10:13: sections[0].slides[0].bullets[1]: these sub-bullets have no bullet: write `bullets:` under the `text:` of the bullet they belong to, without a "-" of its own',
      ],
    ],
    [
      'a list where a bullet belongs',
      withBullets('- Main point', '- - sub a', '  - sub b'),
      [`slides.yaml:10:13: sections[0].slides[0].bullets[1]: a list where a bullet's text belongs; ${SUB_BULLETS}`],
    ],
  ])('%s', (_name, text, expected) => {
    expect(errorsOf(text)).toEqual(expected);
  });

  it('says a sub-bullet indented under a plain bullet is read as more of its text (it showed "Parent - child")', () => {
    expect(errorsOf(withBullets('- Parent', '  - child indented under a plain bullet'))).toEqual([
      `slides.yaml:10:13: this line is read as more of the text above it (YAML joins them into one line of text), not as a sub-bullet; ${SUB_BULLETS}`,
    ]);
  });

  it('takes `- text:` without sub-bullets as a bullet', () => {
    expect(bulletsOf(withBullets('- text: Main point'))).toEqual([{ text: 'Main point', bullets: [] }]);
  });
});

describe('a mapping written where a value belongs', () => {
  it('is reported once, without the duplicate key yaml finds in the keys it took into it', () => {
    expect(
      errorsOf(
        'title: T\nsections:\n  - id: a\n    title: A\n    slides:\n      - title: S\n        layout: quote: x\n        quote: Words\n        notes: N\n',
      ),
    ).toEqual(['slides.yaml:7:17: sections[0].slides[0].layout: YAML syntax: Nested mappings are not allowed in compact mappings']);
  });

  it('still reports a key written twice in the same slide', () => {
    expect(
      errorsOf('title: T\nsections:\n  - id: a\n    title: A\n    slides:\n      - title: S\n        notes: N\n        notes: M\n'),
    ).toEqual(['slides.yaml:8:9: sections[0].slides[0]: duplicate key "notes": each key may appear only once in a mapping']);
  });
});
