import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { isQuotedFrom, quotationsOf } from '../src/check/check-source.js';
import { parseDeck } from '../src/deck/load-deck.js';
import { runInProcess } from './helpers/in-process.js';
import { ROOT } from './helpers/paths.js';

// A copy of the op-ed slides.yaml condenses (Xie Zhihai, 19 June 2014), as the talk's source.
const ARTICLE = path.join(ROOT, 'tests/fixtures/article.txt');

describe('isQuotedFrom', () => {
  const source =
    'Putin told Chinese media, “Establishing closer ties with China is Russia’s unconditional\nforeign policy priority.” He supported Xi’s proposal of “a new Asian structure.”';

  it.each<[string, string, boolean]>([
    ['finds a passage as written', 'Establishing closer ties with China', true],
    ['finds straight quotation marks and apostrophes for curly ones', "with China is Russia's unconditional", true],
    ['finds a line break of the source as a space', 'unconditional foreign policy', true],
    ['finds the first letter in the other case', 'A new Asian structure', true],
    ['finds closing punctuation inside the quotation marks', 'foreign policy priority.', true],
    ['finds emphasis left out by the caller', 'closer ties', true],
    ['refuses a changed word', 'Establishing close ties with China', false],
    ['refuses a word left out', 'Establishing ties with China', false],
    ['refuses a letter of another case inside', 'establishing Closer ties', false],
    ['refuses words run together across the source', 'priority. He supported Xi’s proposals', false],
  ])('%s', (_name, passage, isQuoted) => {
    expect(isQuotedFrom(passage, source)).toBe(isQuoted);
  });
});

describe('quotationsOf', () => {
  it('takes passages in straight and curly double quotes from every text, and whole quote: fields', () => {
    const deck = parseDeck(
      `title: A "deck title"
sections:
  - id: "quoted-id"
    title: S
    slides:
      - title: T
        bullets: ['one “curly” and one "straight"', 'a *"emphasised"* one']
        notes: |
          Say "this
          line" aloud.
      - title: Q
        layout: quote
        quote: The **whole** of it
`,
      'x.yaml',
    );
    expect(quotationsOf(deck).map((quotation) => [quotation.text, quotation.path.join('.')])).toEqual([
      ['deck title', 'title'],
      ['curly', 'sections.0.slides.0.bullets.0'],
      ['straight', 'sections.0.slides.0.bullets.0'],
      ['emphasised', 'sections.0.slides.0.bullets.1'],
      ['this\nline', 'sections.0.slides.0.notes'],
      ['The whole of it', 'sections.0.slides.1.quote'],
    ]);
  });
});

describe('inkdeck check --source', () => {
  const write = (text: string) => {
    const file = path.join(mkdtempSync(path.join(tmpdir(), 'inkdeck-source-')), 'talk.yaml');
    writeFileSync(file, text);
    return file;
  };

  it('reports each misquotation at the passage, as an error, and passes the exact ones', async () => {
    const file = write(`title: T
sections:
  - id: s
    title: S
    slides:
      - title: One
        bullets:
          - They pledged an "all-round strategic partnership"
          - Putin called it an "unconditional foreign priority"
        notes: N
      - title: Two
        layout: quote
        quote: Establishing close ties with China is Russia's unconditional foreign policy priority.
        by: Putin
        notes: N
`);
    const { code, stdout } = await runInProcess(['check', file, '--source', ARTICLE]);
    expect(code).toBe(1);
    expect(stdout.trim().split('\n')).toEqual([
      `${file}:9:33: error: sections[0].slides[0].bullets[1]: "unconditional foreign priority" is not in ${ARTICLE} word for word: quote the source exactly (case of the first letter, line breaks and the kind of quotation marks aside)`,
      `${file}:13:16: error: sections[0].slides[1].quote: "Establishing close ties with China is Russia's unconditional foreign policy priority." is not in ${ARTICLE} word for word: quote the source exactly (case of the first letter, line breaks and the kind of quotation marks aside)`,
      `${file}: 2 errors, 0 warnings`,
    ]);
  });

  it('says in one line when the source cannot be read', async () => {
    const file = write('title: T\nsections:\n  - id: s\n    title: S\n    slides: []\n');
    const { code, stdout, stderr } = await runInProcess(['check', file, '--source', '/nonexistent/article.txt']);
    expect(code).toBe(1);
    expect(stderr).toBe('');
    expect(stdout.split('\n')[0]).toMatch(/^\/nonexistent\/article\.txt.*no such file or directory$/);
  });

  it('passes slides.yaml against the article it condenses, strictly, at 80x24 and 100x30', async () => {
    for (const [columns, rows] of [
      [80, 24],
      [100, 30],
    ]) {
      const result = await runInProcess([
        'check',
        'slides.yaml',
        '--source',
        ARTICLE,
        '--strict',
        '--columns',
        String(columns),
        '--rows',
        String(rows),
      ]);
      expect(result, `${columns}x${rows}`).toEqual({ code: 0, stdout: 'slides.yaml: 0 errors, 0 warnings\n', stderr: '' });
    }
  });
});
