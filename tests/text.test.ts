import stringWidth from 'string-width';
import { describe, expect, it } from 'vitest';
import { truncateAtWord } from '../src/text/truncate.js';
import { wrapText } from '../src/text/wrap.js';

describe('wrapText breaks a word too long for a line after a hyphen before it breaks it anywhere else (UAX #14)', () => {
  it.each<[string, string, number, string[]]>([
    [
      'at its hyphens, packing the parts',
      'state-of-the-art-anti-satellite-weapons',
      20,
      ['state-of-the-art-', 'anti-satellite-', 'weapons'],
    ],
    [
      'after the words before it',
      'Use state-of-the-art-anti-satellite-weapons now',
      20,
      ['Use', 'state-of-the-art-', 'anti-satellite-', 'weapons now'],
    ],
    ['a hyphenated word that fits a line goes whole to the next', 'The Sino-Russian partnership', 16, ['The Sino-Russian', 'partnership']],
    ['a part with no hyphen still too long is broken inside', 'co-operationalisationism', 10, ['co-', 'operationa', 'lisationis', 'm']],
    ['a word with no hyphen as before', 'internationalisation', 8, ['internat', 'ionalisa', 'tion']],
  ])('%s', (_name, text, columns, lines) => {
    const wrapped = wrapText(text, columns).split('\n');
    expect(wrapped).toEqual(lines);
    for (const line of wrapped) expect(stringWidth(line)).toBeLessThanOrEqual(columns);
  });
});

describe('truncateAtWord cuts a title at the end of a word where it can', () => {
  it.each<[string, string, number, string]>([
    ['whole when it fits', 'Drivers', 20, 'Drivers'],
    ['at the last word that fits, its colon dropped', 'Russia and China: Old Allies, New Needs', 28, 'Russia and China: Old…'],
    ['before the punctuation of a cut at a word end', 'Russia and China: Old Allies, New Needs', 18, 'Russia and China…'],
    ['inside the word when the first word alone is too long', 'Internationalisation of trade', 10, 'Internati…'],
    ['CJK, counted two columns each', '中文标题 非常长的章节', 12, '中文标题…'],
  ])('%s', (_name, text, columns, expected) => {
    const cut = truncateAtWord(text, columns);
    expect(cut).toBe(expected);
    expect(stringWidth(cut)).toBeLessThanOrEqual(columns);
  });
});

describe('the Markdown handout keeps a bullet of several lines in its list item', () => {
  it('indents and escapes each line, with hard line breaks, for bullets and sub-bullets (a fresh-eyes trial saw a heading, a list item and a quote)', async () => {
    const { exportMarkdown } = await import('../src/export/export-markdown.js');
    const { parseDeck } = await import('../src/deck/load-deck.js');
    const deck = parseDeck(
      'title: T\nsections:\n  - id: a\n    title: A\n    slides:\n      - title: S\n        bullets:\n          - |\n            first line\n            # not a heading\n            - not a list\n          - text: "parent\\nline"\n            bullets: ["child\\n> not a quote"]\n',
      'deck.yaml',
    );
    const markdown = exportMarkdown(deck);
    expect(markdown).toContain(
      ['- first line\\', '  \\# not a heading\\', '  \\- not a list', '- parent\\', '  line', '  - child\\', '    \\> not a quote'].join(
        '\n',
      ),
    );
  });
});

describe('the Markdown handout shows what the slides show', () => {
  it('keeps character references and code spans as written, once rendered (a fresh-eyes trial saw &amp; become & and a backslash in a code span)', async () => {
    const { exportMarkdown } = await import('../src/export/export-markdown.js');
    const { parseDeck } = await import('../src/deck/load-deck.js');
    const { default: MarkdownIt } = await import('markdown-it');
    const deck = parseDeck(
      'title: T\nauthor: "A&amp;B"\nsections:\n  - id: a\n    title: A\n    slides:\n      - title: S\n        bullets: ["*&lt;* and `</pre>` and &#x3C;script&#x3E;"]\n',
      'deck.yaml',
    );
    const html = new MarkdownIt().render(exportMarkdown(deck));
    expect(html).toContain('A&amp;amp;B');
    expect(html).toContain('<em>&amp;lt;</em> and <code>&lt;/pre&gt;</code> and &amp;#x3C;script&amp;#x3E;');
  });
});
