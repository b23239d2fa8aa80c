import { describe, expect, it } from 'vitest';
import { parseDeck } from '../src/deck/load-deck.js';
import { escapeHtml, exportHtml } from '../src/export/export-html.js';
import { xtermColour } from '../src/export/xterm-colours.js';

const DECK = `title: 'Tags <b> & "quotes"'
subtitle: A test
language: fr
sections:
  - id: one
    title: Un
    slides:
      - title: 漢字 wide
        reveal: true
        bullets: ['<script>alert(1)</script>', '**bold** and *italic*']
        notes: |
          First paragraph.

          Second <i>paragraph</i>.
`;
const deck = parseDeck(DECK, 'talk.yaml');

describe('xterm colours', () => {
  it.each([
    [0, '#000000'],
    [9, '#ff0000'],
    [16, '#000000'],
    [21, '#0000ff'],
    [45, '#00d7ff'],
    [196, '#ff0000'],
    [231, '#ffffff'],
    [232, '#080808'],
    [255, '#eeeeee'],
  ])('colour %i is %s', (index, hex) => {
    expect(xtermColour(index)).toBe(hex);
  });
});

describe('the HTML deck', () => {
  const html = exportHtml(deck, { columns: 60, rows: 16 });

  it('escapes what the deck writes, in text and attributes', () => {
    expect(escapeHtml('<a href="x">&</a>')).toBe('&lt;a href=&quot;x&quot;&gt;&amp;&lt;/a&gt;');
    expect(html).not.toContain('<script>alert');
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).toContain('<title>Tags &lt;b&gt; &amp; &quot;quotes&quot;</title>');
    expect(html).toContain('<p>Second &lt;i&gt;paragraph&lt;/i&gt;.</p>');
  });

  it("says the deck's language, and describes it", () => {
    expect(html).toContain('<html lang="fr">');
    expect(html).toContain('<meta name="description" content="Tags &lt;b&gt; &amp; &quot;quotes&quot;: A test">');
    expect(exportHtml(parseDeck(DECK.replace('language: fr\n', ''), 'talk.yaml'))).toContain('<html lang="en">');
  });

  it('has a frame per slide and step, the first step at #slide-N and the others at #slide-N.S', () => {
    const ids = [...html.matchAll(/<section class="frame" id="([^"]+)"/g)].map((match) => match[1]);
    // Title, section, and the reveal slide's title alone then one step per bullet.
    expect(ids).toEqual(['slide-1', 'slide-2', 'slide-3', 'slide-3.2', 'slide-3.3']);
    expect(html.match(/data-last-step=""/g)).toHaveLength(3);
  });

  it('keeps the styles of the cells: bold, the theme colours, wide characters in two cells', () => {
    expect(html).toMatch(/<span style="[^"]*font-weight:bold[^"]*">bold<\/span>/);
    expect(html).toMatch(/<span style="[^"]*font-style:italic[^"]*">italic<\/span>/);
    expect(html).toContain('<span class="w">漢</span><span class="w">字</span>');
    expect(html).toContain('--fg:#d0d0d0;--bg:#121212;--columns:60;--lines:15;');
  });

  it('draws mono black on white, and the same deck the same bytes', () => {
    expect(exportHtml(deck, { theme: 'mono' })).toContain('--fg:#000000;--bg:#ffffff;');
    expect(exportHtml(deck, { columns: 60, rows: 16 })).toBe(html);
  });
});
