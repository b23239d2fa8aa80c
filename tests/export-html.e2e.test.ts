/// <reference lib="dom" />
/// <reference lib="dom.iterable" />
// The functions given to page.evaluate run in the browser, with its DOM.
import { execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readDeck } from '../src/deck/load-deck.js';
import { buildSlides, stepCountOf } from '../src/deck/slides.js';
import { findBrowser } from '../src/export/export-pdf.js';
import { renderFrame } from '../src/index.js';
import { runCli } from './helpers/cli.js';
import { CLI, ROOT, SLIDES_YAML } from './helpers/paths.js';

/**
 * The Chromium these tests drive: Debian's `chromium`, which .ci/run installs. Missing, every
 * test here fails saying so: a browser test that passes without a browser would prove nothing.
 */
function browserPath(): string {
  try {
    return findBrowser(undefined);
  } catch {
    throw new Error(
      'Chromium is missing: the HTML and PDF export tests need a real browser. Install it as .ci/run does: apt-get install -y chromium poppler-utils',
    );
  }
}

const deck = await readDeck(SLIDES_YAML);
const slides = buildSlides(deck);
/** Every frame, in order: its slide and step (1-based) and the text `inkdeck render` prints for it. */
const FRAMES = slides.flatMap((slide, index) =>
  Array.from({ length: stepCountOf(slide) }, (_, at) => ({
    slide: index + 1,
    step: at + 1,
    text: renderFrame(deck, { slide: index + 1, step: at + 1 }),
  })),
);
/** Frame `index` of FRAMES (negative from the end); fails the test when there is none. */
function frameAt(index: number): (typeof FRAMES)[number] {
  const frame = FRAMES.at(index);
  if (frame === undefined) throw new Error(`no frame ${index}`);
  return frame;
}
const hashOf = (frame: { slide: number; step: number }) => `#slide-${frame.slide}${frame.step === 1 ? '' : `.${frame.step}`}`;
/** Lines without the spaces that end them: a browser's text and the terminal's differ only there. */
const lines = (text: string) => text.split('\n').map((line) => line.trimEnd());
/** Text with its runs of white space made one space, and ligatures (ﬁ) taken apart: as a PDF's text reads. */
const words = (text: string) => text.normalize('NFKC').replace(/\s+/g, ' ').trim();

let browser: Browser;
let page: Page;
let file: string;
let requests: string[];
const directory = mkdtempSync(path.join(tmpdir(), 'inkdeck-html-'));

beforeAll(async () => {
  const executablePath = browserPath();
  const exported = await runCli(['export', 'slides.yaml', '--format', 'html']);
  expect(exported.code).toBe(0);
  file = path.join(directory, 'talk.html');
  writeFileSync(file, exported.stdout);
  browser = await chromium.launch({ executablePath });
  page = await browser.newPage({ viewport: { width: 1280, height: 720 } });
  requests = [];
  page.on('request', (request) => requests.push(request.url()));
}, 60_000);

afterAll(async () => {
  await browser?.close();
});

/** Opens the exported file afresh (a new document, not a jump within the one open) at `hash`. */
async function open(hash = ''): Promise<void> {
  await page.goto('about:blank');
  await page.goto(`${pathToFileURL(file).href}${hash}`);
}

/** The frame the page shows: its slide and step, and its text as the page gives it. */
async function visible(): Promise<{ slide: number; step: number; text: string; hash: string }> {
  return page.evaluate(() => {
    const shown = [...document.querySelectorAll<HTMLElement>('.frame')].filter((frame) => !frame.hidden);
    if (shown.length !== 1) throw new Error(`${shown.length} frames shown`);
    const frame = shown[0] as HTMLElement;
    return {
      slide: Number(frame.dataset.slide),
      step: Number(frame.dataset.step),
      text: (frame.querySelector('.grid') as HTMLElement).innerText,
      hash: location.hash,
    };
  });
}

describe('export --format html, in headless Chromium', () => {
  it('shows each frame exactly as inkdeck render prints it, moving with the keys of the app', async () => {
    await open();
    for (const [index, frame] of FRAMES.entries()) {
      const shown = await visible();
      expect({ slide: shown.slide, step: shown.step, hash: shown.hash }).toEqual({ ...frame, text: undefined, hash: hashOf(frame) });
      expect(lines(shown.text)).toEqual(lines(frame.text));
      // Every key that moves on, in turn.
      await page.keyboard.press(['ArrowRight', 'Space', 'PageDown', 'ArrowDown'][index % 4] ?? 'ArrowRight');
    }
    // Past the end stays at the end; back, first and last.
    expect((await visible()).hash).toBe(hashOf(frameAt(-1)));
    await page.keyboard.press('PageUp');
    expect((await visible()).hash).toBe(hashOf(frameAt(-2)));
    await page.keyboard.press('Home');
    expect((await visible()).hash).toBe('#slide-1');
    await page.keyboard.press('End');
    expect((await visible()).hash).toBe(hashOf(frameAt(-1)));
    await page.keyboard.press('ArrowLeft');
    expect((await visible()).hash).toBe(hashOf(frameAt(-2)));
  }, 60_000);

  it('opens at the frame its address names, a slide or one of its steps', async () => {
    await open('#slide-7');
    expect(await visible()).toMatchObject({ slide: 7, step: 1 });
    const stepped = frameAt(FRAMES.findIndex((frame) => frame.step === 2));
    await open(hashOf(stepped));
    const shown = await visible();
    expect(shown).toMatchObject({ slide: stepped.slide, step: 2 });
    expect(lines(shown.text)).toEqual(lines(stepped.text));
    // A link followed in the page.
    await page.evaluate(() => {
      location.hash = '#slide-12';
    });
    await page.waitForFunction(() => document.querySelector<HTMLElement>('.frame:not([hidden])')?.dataset.slide === '12');
  });

  it('shows the speaker notes with n, and an overview with o that goes to a slide', async () => {
    await open('#slide-9');
    const notes = slides[8]?.notes ?? '';
    const isNotesShown = () => page.locator('.frame:not([hidden]) .notes').isVisible();
    expect(await isNotesShown()).toBe(false);
    await page.keyboard.press('n');
    expect(await isNotesShown()).toBe(true);
    expect(words(await page.locator('.frame:not([hidden]) .notes').innerText())).toBe(words(notes));
    await page.keyboard.press('n');
    expect(await isNotesShown()).toBe(false);

    await page.keyboard.press('o');
    expect(await page.locator('#overview').isVisible()).toBe(true);
    expect(await page.locator('#overview a').count()).toBe(slides.length);
    await page.keyboard.press('Escape');
    expect(await page.locator('#overview').isVisible()).toBe(false);
    await page.keyboard.press('o');
    await page.locator('#overview a', { hasText: slides[13]?.title ?? '' }).click();
    await page.waitForFunction(() => document.querySelector<HTMLElement>('.frame:not([hidden])')?.dataset.slide === '14');
    expect(await page.locator('#overview').isVisible()).toBe(false);
  });

  it('lists its keys with ?, which the frames name, and puts an address of no frame back', async () => {
    await open('#slide-10');
    expect(await page.locator('#help').isVisible()).toBe(false);
    await page.keyboard.press('?');
    expect(await page.locator('#help').isVisible()).toBe(true);
    expect(await page.locator('#help').innerText()).toContain('speaker notes under the slide');
    await page.keyboard.press('ArrowRight');
    expect((await visible()).slide).toBe(10);
    await page.keyboard.press('Escape');
    expect(await page.locator('#help').isVisible()).toBe(false);
    await page.evaluate(() => {
      location.hash = '#slide-99';
    });
    await page.waitForFunction(() => location.hash === '#slide-10');
    expect((await visible()).slide).toBe(10);
    // An address of a step the slide does not have, or written oddly, becomes the frame's own.
    await open('#slide-3.2');
    expect(await visible()).toMatchObject({ slide: 3, step: 1, hash: '#slide-3' });
    const stepped = frameAt(FRAMES.findIndex((frame) => frame.step === 2));
    await open(`#slide-${stepped.slide}.02`);
    expect(await visible()).toMatchObject({ slide: stepped.slide, step: 2, hash: hashOf(stepped) });
  });

  it('moves with a swipe on a touch screen', async () => {
    const phone = await browser.newPage({ viewport: { width: 390, height: 844 }, hasTouch: true });
    await phone.goto(`${pathToFileURL(file).href}#slide-3`);
    const swipe = (fromX: number, toX: number) =>
      phone.evaluate(
        ([from, to]) => {
          const touch = (x: number) => new Touch({ identifier: 1, target: document.body, clientX: x, clientY: 400 });
          document.dispatchEvent(new TouchEvent('touchstart', { changedTouches: [touch(from ?? 0)] }));
          document.dispatchEvent(new TouchEvent('touchend', { changedTouches: [touch(to ?? 0)] }));
        },
        [fromX, toX],
      );
    await swipe(300, 100);
    expect(await phone.evaluate(() => location.hash)).toBe('#slide-4');
    await swipe(100, 300);
    await swipe(100, 300);
    expect(await phone.evaluate(() => location.hash)).toBe('#slide-2');
    await phone.close();
  });

  it('has real text: the title, language and description of the deck, and big titles said in words', async () => {
    await open();
    expect(await page.title()).toBe(deck.title);
    expect(await page.locator('html').getAttribute('lang')).toBe('en');
    expect(await page.locator('meta[name="description"]').getAttribute('content')).toBe(
      `${deck.title}: ${deck.subtitle}, by ${deck.author}, ${deck.date}`,
    );
    // The title slide draws its title in block letters; the words are there for finding, copying and reading aloud.
    const frame = page.locator('.frame:not([hidden])');
    expect(await frame.locator('h2').innerText()).toBe(deck.title);
    expect(await frame.locator('.row[aria-hidden="true"]').count()).toBeGreaterThan(0);
    // Section dividers draw their titles in other big fonts: box drawing, or ASCII strokes.
    for (const [hash, drawn] of [
      ['#slide-2', /[█╗║╚═]/u],
      ['#slide-16', /\/ __\||\\___/u],
    ] as const) {
      await open(hash);
      const divider = page.locator('.frame:not([hidden])');
      const number = Number(hash.slice('#slide-'.length));
      expect(await divider.locator('h2').innerText()).toBe(slides[number - 1]?.title);
      expect(await divider.locator('.grid').innerText()).toMatch(drawn);
      expect(await divider.ariaSnapshot()).not.toMatch(drawn);
    }
    // A quotation shows no title: it is said all the same.
    const quote = slides.findIndex((slide) => slide.kind === 'content' && slide.body.layout === 'quote');
    await open(`#slide-${quote + 1}`);
    expect(await page.locator('.frame:not([hidden]) h2').innerText()).toBe(slides[quote]?.title);
    await open();
    // What a screen reader is given: the title in words, not the blocks that draw it.
    const spoken = await frame.ariaSnapshot();
    expect(spoken).toContain(deck.title);
    expect(spoken).not.toMatch(/[\u2580-\u259F]/u);
  });

  it('loads nothing from the network or any other file', async () => {
    await open('#slide-5');
    await page.keyboard.press('n');
    await page.keyboard.press('o');
    await page.keyboard.press('Escape');
    const others = requests.filter((url) => url.replace(/#.*$/, '') !== pathToFileURL(file).href && url !== 'about:blank');
    expect(requests.length).toBeGreaterThan(0);
    expect(others).toEqual([]);
    // Nor does the file name anything outside: no src, href or url() but its own addresses.
    const html = readFileSync(file, 'utf8');
    expect(html).not.toMatch(/\ssrc=|url\(|@import|<link\b/);
    expect(html.match(/href="([^"]*)"/g)?.every((href) => href.startsWith('href="#slide-'))).toBe(true);
  });

  it('fills a 1280x720 window with the frame, keeping its proportions', async () => {
    await open('#slide-3');
    const box = await page.locator('.frame:not([hidden]) .grid').boundingBox();
    if (box === null) throw new Error('the frame has no box');
    const { x, y, width, height } = box;
    // As wide as the window, or as high: it fills the one that limits it, within a pixel or two.
    expect(width >= 1276 || height >= 716).toBe(true);
    expect(x).toBeGreaterThanOrEqual(-1);
    expect(y).toBeGreaterThanOrEqual(-1);
    expect(x + width).toBeLessThanOrEqual(1281);
    expect(y + height).toBeLessThanOrEqual(721);
    // 80 columns by 23 rows: cells a little under twice as high as wide.
    expect(width / height).toBeGreaterThan(1.6);
    expect(width / height).toBeLessThan(2.4);
    const png = await page.screenshot();
    // PNG's IHDR: width and height, big-endian, at bytes 16 and 20.
    expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([1280, 720]);
    // The frame's background where the slide has nothing: the theme's, at the window's corners.
    const corners = await page.evaluate(
      () => getComputedStyle(document.querySelector('.frame:not([hidden]) .grid') as Element).backgroundColor,
    );
    expect(corners).toBe('rgb(18, 18, 18)');
  });

  it('keeps the block and box-drawing characters of big titles joined: no row is taller than their glyphs', async () => {
    for (const viewport of [
      { width: 640, height: 360 },
      { width: 1280, height: 720 },
      { width: 1920, height: 1080 },
    ]) {
      await page.setViewportSize(viewport);
      await open('#slide-2');
      const { rowPx, inkPx } = await page.evaluate(() => {
        const grid = document.querySelector('.frame:not([hidden]) .grid') as HTMLElement;
        const style = getComputedStyle(grid);
        const context = document.createElement('canvas').getContext('2d') as CanvasRenderingContext2D;
        context.font = `${style.fontSize} ${style.fontFamily}`;
        // The ink of the full block and of the double vertical line, top to bottom, in this font.
        const ink = ['█', '║'].map((glyph) => {
          const metrics = context.measureText(glyph);
          return metrics.actualBoundingBoxAscent + metrics.actualBoundingBoxDescent;
        });
        return { rowPx: (grid.querySelector('.row') as HTMLElement).getBoundingClientRect().height, inkPx: Math.min(...ink) };
      });
      expect(inkPx, JSON.stringify(viewport)).toBeGreaterThanOrEqual(rowPx);
    }
    await page.setViewportSize({ width: 1280, height: 720 });
  });

  it('prints one frame per landscape page, with every slide title in its text', async () => {
    await open();
    const pdf = path.join(directory, 'printed.pdf');
    await page.pdf({ path: pdf, preferCSSPageSize: true, printBackground: true });
    const info = execFileSync('pdfinfo', [pdf], { encoding: 'utf8' });
    expect(Number(/^Pages:\s+(\d+)/m.exec(info)?.[1])).toBe(FRAMES.length);
    const [pageWidth = 0, pageHeight = 0] = (/^Page size:\s+([\d.]+) x ([\d.]+)/m.exec(info) ?? []).slice(1).map(Number);
    expect(pageWidth).toBeGreaterThan(pageHeight);
    const text = words(execFileSync('pdftotext', [pdf, '-'], { encoding: 'utf8' }));
    for (const slide of slides) expect(text).toContain(words(slide.title));
    // Nothing cut: every frame's last row, its footer, is on its page.
    expect(text.match(/slide \d+\/\d+/g)).toEqual(FRAMES.map((frame) => `slide ${frame.slide}/${slides.length}`));
  }, 60_000);
});

describe('export --format pdf', () => {
  it('prints one page per frame, and with --handout one per slide with its speaker notes', async () => {
    browserPath();
    const pdf = path.join(directory, 'deck.pdf');
    const result = await runCli(['export', 'slides.yaml', '--format', 'pdf', '-o', pdf]);
    expect(result).toMatchObject({ code: 0, stderr: '' });
    expect(Number(/^Pages:\s+(\d+)/m.exec(execFileSync('pdfinfo', [pdf], { encoding: 'utf8' }))?.[1])).toBe(FRAMES.length);

    const handout = path.join(directory, 'handout.pdf');
    const printed = await runCli(['export', 'slides.yaml', '--format', 'pdf', '--handout', '-o', handout]);
    expect(printed).toMatchObject({ code: 0, stderr: '' });
    expect(Number(/^Pages:\s+(\d+)/m.exec(execFileSync('pdfinfo', [handout], { encoding: 'utf8' }))?.[1])).toBe(slides.length);
    const text = words(execFileSync('pdftotext', [handout, '-'], { encoding: 'utf8' }));
    for (const slide of slides) {
      expect(text).toContain(words(slide.title));
      if (slide.notes !== undefined) expect(text).toContain(words(slide.notes));
    }
  }, 120_000);

  it('ends at once with status 143 on SIGTERM, even while the browser is starting', async () => {
    const hanging = path.join(directory, 'hanging-browser');
    const started = path.join(directory, 'browser-started');
    writeFileSync(hanging, `#!/bin/sh\ntouch '${started}'\nexec sleep 1000\n`, { mode: 0o755 });
    const child = spawn(
      process.execPath,
      [CLI, 'export', 'slides.yaml', '--format', 'pdf', '--browser', hanging, '-o', path.join(directory, 'x.pdf')],
      {
        cwd: ROOT,
        stdio: 'ignore',
      },
    );
    const exited = new Promise<number | null>((resolve) => child.on('exit', (status) => resolve(status)));
    // Once the browser is being started: the export is waiting for it.
    while (!existsSync(started)) await new Promise((resolve) => setTimeout(resolve, 20));
    const signalled = performance.now();
    child.kill('SIGTERM');
    expect(await exited).toBe(143);
    expect(performance.now() - signalled).toBeLessThan(5_000);
  }, 30_000);

  it('says what it looked for, and what gives the same result, when there is no browser', async () => {
    const result = await runCli(['export', 'slides.yaml', '--format', 'pdf', '-o', path.join(directory, 'none.pdf')], {
      PATH: directory,
      CHROME_PATH: '',
    });
    expect(result).toMatchObject({
      code: 1,
      stdout: '',
      stderr:
        'inkdeck: no browser to print the PDF with: looked for --browser, CHROME_PATH and chromium, chromium-browser, google-chrome, google-chrome-stable on PATH; export --format html and Print in a browser give the same PDF\n',
    });
  });
});
