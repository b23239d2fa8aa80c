import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkDeck, formatFinding } from '../src/check/check-deck.js';
import { runInProcess } from './helpers/in-process.js';

const C = 'tests/fixtures/cases';

describe('inkdeck check on the shared cases and the talk', () => {
  it.each<[string, string[], number]>([
    ['slides.yaml', ['slides.yaml: 0 errors, 0 warnings'], 0],
    [
      `${C}/alias-bomb.yaml`,
      [
        `${C}/alias-bomb.yaml:6:8: error: the aliases up to *e expand to more than 100000 values; refusing to load`,
        `${C}/alias-bomb.yaml: 1 error, 0 warnings`,
      ],
      1,
    ],
    [
      `${C}/bom.yaml`,
      [`${C}/bom.yaml:6:9: warning: sections[0].slides[0]: slide "BOM slide" has no speaker notes`, `${C}/bom.yaml: 0 errors, 1 warning`],
      0,
    ],
    [
      `${C}/comment-only.yaml`,
      [`${C}/comment-only.yaml:1:1: error: no slides: the file has no deck in it`, `${C}/comment-only.yaml: 1 error, 0 warnings`],
      1,
    ],
    [`${C}/crlf.yaml`, [`${C}/crlf.yaml: 0 errors, 0 warnings`], 0],
    [
      `${C}/duplicate-keys.yaml`,
      [
        `${C}/duplicate-keys.yaml:9:9: error: sections[0].slides[0]: duplicate key "notes": each key may appear only once in a mapping`,
        `${C}/duplicate-keys.yaml: 1 error, 0 warnings`,
      ],
      1,
    ],
    [`${C}/empty.yaml`, [`${C}/empty.yaml:1:1: error: no slides: the file has no deck in it`, `${C}/empty.yaml: 1 error, 0 warnings`], 1],
    [`${C}/escape-injection.yaml`, [`${C}/escape-injection.yaml: 0 errors, 0 warnings`], 0],
    [`${C}/implicit-types.yaml`, [`${C}/implicit-types.yaml: 0 errors, 0 warnings`], 0],
    [
      `${C}/long-content.yaml`,
      [
        `${C}/long-content.yaml:6:9: warning: sections[0].slides[0]: slide "Thirty bullets and one very long line" does not fit 80x24: 15 rows over`,
        `${C}/long-content.yaml:6:9: warning: sections[0].slides[0]: slide "Thirty bullets and one very long line" has a word 152 columns too wide for 80x24, broken across lines`,
        `${C}/long-content.yaml: 0 errors, 2 warnings`,
      ],
      0,
    ],
    [
      `${C}/unicode-title.yaml`,
      [
        `${C}/unicode-title.yaml:1:8: warning: title: title "Café “Ünïcode” — 日本 🚀" is shown as plain text, not big: it has characters the big fonts cannot draw`,
        `${C}/unicode-title.yaml:4:12: warning: sections[0].title: title "Ça change" is shown as plain text, not big: it has characters the big fonts cannot draw`,
        `${C}/unicode-title.yaml:6:9: warning: sections[0].slides[0]: slide "Москва и Пекин" has no speaker notes`,
        `${C}/unicode-title.yaml: 0 errors, 3 warnings`,
      ],
      0,
    ],
    [`${C}/wide-content.yaml`, [`${C}/wide-content.yaml: 0 errors, 0 warnings`], 0],
  ])('%s', async (file, lines, status) => {
    const result = await runInProcess(['check', file]);
    expect(result.stderr).toBe('');
    expect(result.stdout).toBe(`${lines.join('\n')}\n`);
    expect(result.code).toBe(status);
  });
});

describe('inkdeck check options', () => {
  it('fails on warnings with --strict', async () => {
    expect((await runInProcess(['check', `${C}/bom.yaml`, '--strict'])).code).toBe(1);
    expect((await runInProcess(['check', 'slides.yaml', '--strict'])).code).toBe(0);
  });

  it.each([
    ['12', '5'],
    ['19', '24'],
    ['80', '6'],
  ])('says once that %sx%s is too small to draw, instead of a warning per slide', async (columns, rows) => {
    expect(await runInProcess(['check', 'slides.yaml', '--columns', columns, '--rows', rows])).toEqual({
      code: 0,
      stdout: `slides.yaml: warning: ${columns}x${rows} is below the smallest terminal the app draws in, 20x7: it shows only a "too small" notice there\nslides.yaml: 0 errors, 1 warning\n`,
      stderr: '',
    });
  });

  it('checks layout for the given size', async () => {
    const result = await runInProcess(['check', 'slides.yaml', '--columns', '40', '--rows', '12']);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain(
      'slides.yaml:2:8: warning: title: title "Russia and China: Old Allies, New Needs" is shown as plain text, not big: it does not fit 36x2 in any font',
    );
  });

  it('says when the title slide leaves lines out, and that its other lines crowd out a big title', async () => {
    const result = await runInProcess(['check', 'slides.yaml', '--columns', '30', '--rows', '10']);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain(
      'slides.yaml:2:8: warning: title: title "Russia and China: Old Allies, New Needs" is shown as plain text, not big: its subtitle, byline and source leave it no row at 30x10\n',
    );
    expect(result.stdout).toContain('slides.yaml:2:8: warning: title: the title slide does not fit 30x10: 4 lines left out\n');
    expect((await runInProcess(['check', 'slides.yaml', '--columns', '40', '--rows', '12'])).stdout).not.toContain(
      'title slide does not fit',
    );
  });

  it('checks the layout with the notes pane shown, as --notes renders it', async () => {
    // From a fresh-eyes session: at 40x12 check found nothing too tall, yet with notes shown
    // the app clipped slides.
    const without = await runInProcess(['check', 'slides.yaml', '--columns', '40', '--rows', '12']);
    expect(without.stdout).not.toContain('slide "China\'s new model and its limits" does not fit');
    const withNotes = await runInProcess(['check', 'slides.yaml', '--columns', '40', '--rows', '12', '--notes']);
    expect(withNotes.code).toBe(0);
    expect(withNotes.stdout).toContain(
      'slides.yaml:187:9: warning: sections[3].slides[0]: slide "China\'s new model and its limits" does not fit 40x12 with notes: 3 rows over',
    );
    const rendered = await runInProcess(['render', 'slides.yaml', '--slide', '17', '--columns', '40', '--rows', '12', '--notes']);
    expect(rendered.stdout).toContain("China's new model");
    expect(rendered.stdout).toContain('⋯ 4 more lines');
  });

  it.each([
    ['render, still printing what the app shows there', ['render', 'slides.yaml', '--slide', '1', '--columns', '5', '--rows', '3'], '20x7'],
    ['export, writing nothing', ['export', 'slides.yaml', '--columns', '5', '--rows', '3'], ''],
  ])('%s, says a size is too small for a frame, and exits 1', async (_name, args, stdout) => {
    const result = await runInProcess(args);
    expect(result.code).toBe(1);
    expect(result.stderr).toBe(
      'inkdeck: 5x3 is below the smallest terminal the app draws in, 20x7: it shows only a "too small" notice there\n',
    );
    if (stdout === '') expect(result.stdout).toBe('');
    else expect(result.stdout).toContain(stdout);
    // At the smallest size, nothing is said.
    const smallest = await runInProcess(args.map((arg) => (arg === '5' ? '20' : arg === '3' ? '7' : arg)));
    expect(smallest).toMatchObject({ code: 0, stderr: '' });
  });

  it('refuses a size or a theme for the Markdown handout, which has no frames', async () => {
    for (const [option, value] of [
      ['--columns', '19'],
      ['--rows', '40'],
      ['--theme', 'light'],
    ]) {
      const result = await runInProcess(['export', 'slides.yaml', '--format', 'md', option ?? '', value ?? '']);
      expect(result).toEqual({
        code: 2,
        stdout: '',
        stderr: `inkdeck: ${option} applies to the frames of txt, cast, html and pdf; the md handout has none\n`,
      });
    }
    const result = await runInProcess(['export', 'slides.yaml', '--format', 'md']);
    expect(result).toMatchObject({ code: 0, stderr: '' });
    expect(result.stdout).toContain('# Russia and China');
  });

  it('prints the same findings as JSON', async () => {
    const result = await runInProcess(['check', `${C}/duplicate-keys.yaml`, '--format', 'json']);
    expect(result.code).toBe(1);
    expect(JSON.parse(result.stdout)).toEqual({
      file: `${C}/duplicate-keys.yaml`,
      columns: 80,
      rows: 24,
      notes: false,
      errors: 1,
      warnings: 0,
      findings: [
        {
          file: `${C}/duplicate-keys.yaml`,
          line: 9,
          column: 9,
          path: 'sections[0].slides[0]',
          message: 'duplicate key "notes": each key may appear only once in a mapping',
          severity: 'error',
        },
      ],
    });
  });

  it.each([
    [['check'], "inkdeck: missing required argument 'file'\n"],
    [
      ['check', 'slides.yaml', '--format', 'xml'],
      "inkdeck: option '--format <format>' argument 'xml' is invalid. Allowed choices are text, json.\n",
    ],
    [
      ['check', 'slides.yaml', '--columns', '0'],
      "inkdeck: option '--columns <n>' argument '0' is invalid. expected a whole number of at least 1\n",
    ],
    [
      ['present', 'slides.yaml', '--session', ''],
      "inkdeck: option '--session <name>' argument '' is invalid. expected a name, not an empty one\n",
    ],
    [
      ['present', 'slides.yaml', '--session', ' '],
      "inkdeck: option '--session <name>' argument ' ' is invalid. expected a name, not an empty one\n",
    ],
    [['check', ''], "inkdeck: command-argument value '' is invalid for argument 'file'. expected a file name, not an empty one\n"],
    [['present', ''], "inkdeck: command-argument value '' is invalid for argument 'file'. expected a file name, not an empty one\n"],
    [
      ['export', 'slides.yaml', '-o', ''],
      "inkdeck: option '-o, --output <path>' argument '' is invalid. expected a file name, not an empty one\n",
    ],
    [
      ['export', 'slides.yaml', '-o', '/tmp/no-such-directory/x/'],
      "inkdeck: option '-o, --output <path>' argument '/tmp/no-such-directory/x/' is invalid. expected a file name, not a directory (it ends in /)\n",
    ],
    [
      ['export', 'slides.yaml', '--frame-seconds', '0'],
      "inkdeck: option '--frame-seconds <n>' argument '0' is invalid. expected a number of seconds, at least 0.001, like 2 or 0.5\n",
    ],
    [
      ['export', 'slides.yaml', '--frame-seconds', 'soon'],
      "inkdeck: option '--frame-seconds <n>' argument 'soon' is invalid. expected a number of seconds, at least 0.001, like 2 or 0.5\n",
    ],
    [['export', 'slides.yaml', '--frame-seconds', '2'], 'inkdeck: --frame-seconds applies to --format cast only, not txt\n'],
  ])('exits 2 for a usage error: %j', async (args, stderr) => {
    expect(await runInProcess(args)).toEqual({ code: 2, stdout: '', stderr });
  });

  it('shows escape sequences from the deck and its name escaped, in text and JSON, never raw', async () => {
    const directory = mkdtempSync(path.join(tmpdir(), 'inkdeck-check-'));
    const file = path.join(directory, 'evil\u001B[31m.yaml');
    writeFileSync(
      file,
      '"ti\u001B]0;PWN\u0007tle": ok\ntitle: x\nsections:\n  - id: "a\u009B2J"\n    title: S\n    slides: [{ title: T, bullets: [b], notes: n }]\n',
    );
    const text = await runInProcess(['check', file]);
    const shown = path.join(directory, 'evil\\x1b[31m.yaml');
    expect(text).toEqual({
      code: 1,
      stdout: [
        `${shown}:1:1: error: unknown key "ti\\x1b]0;PWN\\x07tle"; expected one of: title, subtitle, author, date, source, language, notes, theme, duration, sections; keys starting with x- are ignored, a place for YAML anchors`,
        `${shown}:4:9: error: sections[0].id: expected lowercase letters, digits and dashes, like \`cold-war-echoes\``,
        `${shown}: 2 errors, 0 warnings`,
        '',
      ].join('\n'),
      stderr: '',
    });
    const json = await runInProcess(['check', file, '--format', 'json']);
    expect(json.stdout).not.toMatch(/[\u0000-\u0009\u000B-\u001F\u007F-\u009F]/);
    expect(JSON.parse(json.stdout)).toMatchObject({ file, errors: 2 });
    expect((JSON.parse(json.stdout) as { findings: { message: string }[] }).findings[0]?.message).toContain('ti\u001B]0;PWN\u0007tle');
  });

  it('names a missing file as an error', async () => {
    expect(await runInProcess(['check', 'missing.yaml'])).toEqual({
      code: 1,
      stdout: 'missing.yaml: error: cannot read the file: no such file or directory\nmissing.yaml: 1 error, 0 warnings\n',
      stderr: '',
    });
  });
});

describe('checkDeck errors and warnings', () => {
  const deck = (sections: string) => `title: T\nsections:\n${sections}`;

  const summary = (text: string) =>
    checkDeck(text, 'd.yaml', { columns: 80, rows: 24 }).map((finding) => [
      finding.line,
      finding.column,
      finding.severity,
      finding.message,
    ]);

  it('reports an unknown key with a suggestion and a wrong type', () => {
    const text = deck('  - id: a\n    title: A\n    slides:\n      - title: S\n        note: x\n        bullets: 3\n');
    expect(summary(text)).toEqual([
      [7, 9, 'error', 'unknown key "note"; did you mean "notes"?'],
      [8, 18, 'error', 'expected a list of strings'],
    ]);
  });

  it('checks a bullet of 130,000 words (390 KB, under the size limit) without running out of stack', () => {
    const text = deck(
      `  - id: a\n    title: A\n    slides:\n      - title: S\n        notes: n\n        bullets:\n          - ${'ab '.repeat(130_000)}\n`,
    );
    expect(summary(text)).toEqual([[6, 9, 'warning', expect.stringMatching(/does not fit 80x24: \d+ rows over$/)]]);
  });

  it('counts one row over in the singular', () => {
    const bullets = Array.from({ length: 20 }, (_, index) => `          - point ${index}`).join('\n');
    const text = deck(`  - id: a\n    title: A\n    slides:\n      - title: S\n        notes: n\n        bullets:\n${bullets}\n`);
    expect(summary(text)).toEqual([[6, 9, 'warning', 'slide "S" does not fit 80x24: 1 row over']]);
  });

  it('reports duplicate section ids at the second one', () => {
    const text = deck('  - id: a\n    title: A\n    slides: []\n  - id: a\n    title: B\n    slides: []\n');
    expect(summary(text)).toEqual([[6, 9, 'error', 'duplicate section id "a" (first used by sections[0])']]);
  });

  it('reports duplicate section ids along with the other problems, not only once they are fixed', () => {
    const text = deck(
      '  - id: a\n    title: A\n    slides: []\n    colour: red\n  - id: a\n    title: B\n    slides: []\n  - 42\n  - id: a\n',
    );
    expect(summary(text)).toEqual([
      [6, 5, 'error', 'unknown key "colour"; expected one of: id, title, notes, optional, slides'],
      [7, 9, 'error', 'duplicate section id "a" (first used by sections[0])'],
      [10, 5, 'error', 'expected a section (a mapping with id, title and slides)'],
      [11, 5, 'error', 'missing required field "title"'],
      [11, 5, 'error', 'missing required field "slides"'],
      [11, 9, 'error', 'duplicate section id "a" (first used by sections[0])'],
    ]);
  });

  it('warns about an empty section and a slide without notes', () => {
    const text = deck(
      '  - id: a\n    title: A\n    slides: []\n  - id: b\n    title: B\n    slides:\n      - title: S\n        bullets: [x]\n',
    );
    expect(
      checkDeck(text, 'd.yaml', { columns: 80, rows: 24 }).map((finding) => `${finding.line}:${finding.column} ${finding.message}`),
    ).toEqual(['3:5 section "a" has no slides', '9:9 slide "S" has no speaker notes']);
  });
});

describe('slide durations (issue 19)', () => {
  it('warns when the slides take more than the deck has, at the deck duration', () => {
    const text =
      'title: T\nduration: 2m\nsections:\n  - id: a\n    title: A\n    slides:\n      - title: S\n        duration: 90s\n        bullets: [x]\n        notes: n\n      - title: U\n        duration: 1m\n        optional: true\n        bullets: [y]\n        notes: n\n';
    const findings = checkDeck(text, 'talk.yaml', { columns: 80, rows: 24 });
    expect(findings.map(formatFinding)).toContain(
      "talk.yaml:2:11: warning: duration: the slides' own durations add up to 2:30, more than the deck's 2m: the other slides get no time",
    );
  });
});
