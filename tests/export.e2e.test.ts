import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import xtermHeadless from '@xterm/headless';
import { describe, expect, it } from 'vitest';
import { frames, loadDeck } from '../src/index.js';
import { reflowParagraphs } from '../src/text/wrap.js';
import { runCli } from './helpers/cli.js';
import { runInProcess } from './helpers/in-process.js';
import { ROOT, SLIDES_YAML } from './helpers/paths.js';

const { Terminal } = xtermHeadless;
const deck = loadDeck(SLIDES_YAML);

describe('export --format txt', () => {
  it('prints every frame under its position, each as `inkdeck render` prints it', async () => {
    const result = await runInProcess(['export', 'slides.yaml']);
    expect(result.code).toBe(0);
    const expected = [...frames(deck)]
      .map((frame) => `--- slide ${frame.slide}/${frame.slideCount} step ${frame.step}/${frame.stepCount} ---\n${frame.frame}\n`)
      .join('');
    expect(result.stdout).toBe(expected);
    expect(result.stdout).toContain('--- slide 10/18 step 3/5 ---');
  });
});

describe('export --format md', () => {
  it('is a handout with every title, bullet and note of the deck', async () => {
    const result = await runInProcess(['export', 'slides.yaml', '--format', 'md']);
    expect(result.code).toBe(0);
    // Markdown escapes (\\* \\_ …) are not part of the text a reader sees.
    const text = result.stdout.replace(/\\([\\`*_[\]<~#>+\-.)])/g, '$1');
    expect(text.startsWith(`# ${deck.title}\n`)).toBe(true);
    for (const value of [deck.subtitle, deck.author, deck.date, deck.source]) expect(text).toContain(value);
    for (const section of deck.sections) {
      expect(text).toContain(`. ${section.title}\n`);
      for (const slide of section.slides) {
        expect(text).toContain(`### ${slide.title}\n`);
        for (const bullet of slide.bullets) expect(text).toContain(`- ${typeof bullet === 'string' ? bullet : bullet.text}\n`);
        for (const paragraph of reflowParagraphs(slide.notes ?? '').split('\n\n')) expect(text).toContain(`> ${paragraph}`);
      }
    }
  });

  it('keeps text that looks like Markdown literal, and the emphasis of bullets as the slides read it', async () => {
    const directory = mkdtempSync(path.join(tmpdir(), 'inkdeck-md-'));
    const file = path.join(directory, 'deck.yaml');
    writeFileSync(
      file,
      'title: "*NO* <b>"\nsections:\n  - id: a\n    title: "# not a heading"\n    slides:\n      - title: "1. not a list"\n        bullets: ["- nested?", "a_b_c", "*yes* \\\\*no\\\\* [link](x) <i> a | b"]\n',
    );
    const { stdout } = await runInProcess(['export', file, '--format', 'md']);
    // Titles have no emphasis: every marker is escaped.
    expect(stdout).toContain('# \\*NO\\* \\<b>\n');
    expect(stdout).toContain('## 1. \\# not a heading\n');
    expect(stdout).toContain('### 1\\. not a list\n');
    // Bullets keep emphasis and escapes (intraword `_` is no emphasis, in CommonMark as on the
    // slides); links, HTML and table pipes stay text.
    expect(stdout).toContain('- \\- nested?\n- a_b_c\n- *yes* \\*no\\* \\[link\\](x) \\<i> a \\| b\n');
  });
});

describe('export --format cast', () => {
  it('is a valid asciicast v2 recording whose replay shows the txt frames', async () => {
    const result = await runInProcess(['export', 'slides.yaml', '--format', 'cast', '--frame-seconds', '2']);
    expect(result.code).toBe(0);
    const [headerLine, ...eventLines] = result.stdout.trimEnd().split('\n');
    const header = JSON.parse(headerLine ?? '{}') as Record<string, unknown>;
    expect(header).toMatchObject({ version: 2, width: 80, height: 24 });
    const events = eventLines.map((line) => JSON.parse(line) as unknown);
    let previous = -1;
    for (const event of events) {
      expect(Array.isArray(event) && event.length === 3).toBe(true);
      const [time, kind, data] = event as [unknown, unknown, unknown];
      expect(typeof time === 'number' && time >= previous).toBe(true);
      expect(kind).toBe('o');
      expect(typeof data).toBe('string');
      previous = time as number;
    }
    expect((events[1] as number[])[0]).toBe(2);

    const expected = [...frames(deck)].map((frame) => frame.frame);
    expect(events.length).toBe(expected.length + 1);
    const terminal = new Terminal({ cols: 80, rows: 24, allowProposedApi: true });
    for (const [index, frame] of expected.entries()) {
      await new Promise<void>((resolve) => terminal.write((events[index] as [number, string, string])[2], resolve));
      const buffer = terminal.buffer.active;
      const screen = Array.from({ length: 23 }, (_, row) =>
        (buffer.getLine(buffer.viewportY + row)?.translateToString(true) ?? '').trimEnd(),
      );
      expect(screen.join('\n'), `frame ${index + 1}`).toBe(frame);
    }
    expect(events.map((event) => (event as [number, string, string])[2]).join('')).toContain('\u001B[38;2;0;215;255m'); // the dark theme's title colour, #00d7ff
  });
});

describe('export is deterministic', () => {
  it.each([
    ['txt', ['--notes']],
    ['cast', ['--notes']],
    ['html', []],
  ])(
    'gives the same %s bytes whatever the environment',
    async (format, extra) => {
      const args = ['export', 'slides.yaml', '--format', format, ...extra];
      const plain = await runCli(args);
      expect(plain.code).toBe(0);
      for (const env of [
        { COLUMNS: '33', LINES: '7' },
        { FORCE_COLOR: '3' },
        { NO_COLOR: '1' },
        { CI: 'true', TZ: 'Pacific/Chatham', LANG: 'tr_TR.UTF-8' },
        { FORCE_COLOR: '0', TERM: 'dumb' },
      ]) {
        const other = await runCli(args, env);
        expect(other.stdout, JSON.stringify(env)).toBe(plain.stdout);
      }
    },
    60_000,
  );
});

describe('export --format cast --frame-seconds', () => {
  it('takes fractions of a second, and writes the times to the millisecond', async () => {
    const result = await runInProcess(['export', 'slides.yaml', '--format', 'cast', '--frame-seconds', '0.1']);
    expect(result.code).toBe(0);
    const times = result.stdout
      .trimEnd()
      .split('\n')
      .slice(1)
      .map((line) => (JSON.parse(line) as [number])[0]);
    expect(times.slice(0, 4)).toEqual([0, 0.1, 0.2, 0.3]);
    expect(times.every((time, index) => time === Math.round(index * 100) / 1000)).toBe(true);
  });
});

describe('export -o', () => {
  it('writes the file, and never overwrites one without --force', async () => {
    const output = path.join(mkdtempSync(path.join(tmpdir(), 'inkdeck-out-')), 'deck.md');
    expect(await runInProcess(['export', 'slides.yaml', '--format', 'md', '-o', output])).toEqual({ code: 0, stdout: '', stderr: '' });
    const written = readFileSync(output, 'utf8');
    expect(written.startsWith('# ')).toBe(true);
    writeFileSync(output, 'keep me');
    expect(await runInProcess(['export', 'slides.yaml', '-o', output])).toEqual({
      code: 2,
      stdout: '',
      stderr: `inkdeck: ${output} exists; add --force to overwrite it\n`,
    });
    expect(readFileSync(output, 'utf8')).toBe('keep me');
    expect((await runInProcess(['export', 'slides.yaml', '--format', 'md', '-o', output, '--force'])).code).toBe(0);
    expect(readFileSync(output, 'utf8')).toBe(written);
  });

  it('says a directory is in the way, which --force would not help', async () => {
    const directory = mkdtempSync(path.join(tmpdir(), 'inkdeck-out-'));
    expect(await runInProcess(['export', 'slides.yaml', '-o', directory])).toEqual({
      code: 1,
      stdout: '',
      stderr: `inkdeck: cannot write ${directory}: it is a directory\n`,
    });
  });

  it('writes nothing for a broken deck', async () => {
    const output = path.join(mkdtempSync(path.join(tmpdir(), 'inkdeck-out-')), 'x.txt');
    const result = await runInProcess(['export', 'tests/fixtures/cases/duplicate-keys.yaml', '-o', output]);
    expect(result.code).toBe(1);
    expect(existsSync(output)).toBe(false);
  });
});

describe('the package entry point', () => {
  it("can be imported as 'inkdeck' with its types", async () => {
    const { spawnSync } = await import('node:child_process');
    const script =
      "import('inkdeck').then(({ loadDeck, renderFrame, frames }) => { const deck = loadDeck('slides.yaml'); console.log([...frames(deck)].length, renderFrame(deck, { slide: 2 }).split('\\n').length); })";
    const result = spawnSync(process.execPath, ['-e', script], { cwd: ROOT, encoding: 'utf8' });
    expect(result.stderr).toBe('');
    expect(result.stdout).toBe(`${[...frames(deck)].length} 23\n`);
    const packageJson = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as {
      exports: Record<string, Record<string, string>>;
    };
    expect(existsSync(path.join(ROOT, packageJson.exports['.']?.types ?? 'missing'))).toBe(true);
  });

  it('sanitizes a deck built in code, which has not been through the loader', () => {
    const hostile = {
      title: 'T\u001B]0;pwned\u0007',
      sections: [{ id: 'a', title: 'A\u001B[2J', slides: [{ title: 'S\u0007', bullets: ['x\u001B[31m'], notes: 'n\b' }] }],
    };
    for (const { frame } of frames(hostile, { notes: true, color: true })) {
      expect(frame).not.toMatch(/\u001B\]|\u001B\[2J|\u001B\[31m|\u0007|\u0008/);
    }
  });
});
