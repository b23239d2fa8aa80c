import { afterEach, describe, expect, it } from 'vitest';
import { readDeck } from '../src/deck/load-deck.js';
import { buildSlides } from '../src/deck/slides.js';
import { SLIDES_YAML } from './helpers/paths.js';
import { KEYS, TerminalSession } from './helpers/terminal.js';

const slides = buildSlides(await readDeck(SLIDES_YAML));
const total = slides.length;
const titleOf = (number: number) => slides[number - 1]?.title ?? '';
const footer = (number: number) => `slide ${number}/${total}`;

/** Asserts the terminal was handed back as it was: main screen, cursor shown. */
function expectRestored(session: TerminalSession): void {
  expect(session.isAlternateScreen()).toBe(false);
  expect(session.output).toContain('\u001B[?1049h');
  expect(session.output.lastIndexOf('\u001B[?1049l')).toBeGreaterThan(session.output.lastIndexOf('\u001B[?1049h'));
  expect(session.output.lastIndexOf('\u001B[?25h')).toBeGreaterThan(session.output.lastIndexOf('\u001B[?25l'));
}

let session: TerminalSession | undefined;
afterEach(() => {
  session?.kill();
  session = undefined;
});

describe('inkdeck present in a real terminal', () => {
  it.each([
    [80, 24],
    [40, 12],
  ])(
    'navigates, shows notes and quits cleanly at %ix%i',
    async (columns, rows) => {
      const app = (session = TerminalSession.start(['present', 'slides.yaml'], { columns, rows }));
      await app.waitForText(footer(1), 10_000);
      expect(app.isAlternateScreen()).toBe(true);

      app.write(KEYS.space);
      await app.waitForText(footer(2));
      expect(app.text()).toContain('Section 1 of 4');

      app.write('G');
      await app.waitForText(footer(total));

      app.write('3');
      await app.waitForText('go to 3');
      app.write(KEYS.enter);
      await app.waitForText(footer(3));
      expect(app.text().replace(/\s+/g, ' ')).toContain(titleOf(3));

      app.write('n');
      await app.waitForText('Speaker notes');

      app.write('q');
      expect(await app.exited).toMatchObject({ exitCode: 0 });
      expectRestored(app);
    },
    30_000,
  );

  it('scrolls a help taller than the terminal with ↓ and ↑; ↓ past its end leaves it there', async () => {
    const app = (session = TerminalSession.start(['present', 'slides.yaml', '--no-sync', '--no-watch'], { columns: 60, rows: 16 }));
    await app.waitForText(footer(1), 10_000);
    app.write('?');
    const moreBelow = /more lines?: ↓/;
    await app.waitFor((screen) => moreBelow.test(screen));
    expect(app.text()).not.toContain('Ctrl-Z');
    app.write(KEYS.down);
    await app.waitFor((screen) => /more lines? above: ↑/.test(screen));
    // A page at a time to the end, where the last row is.
    for (let press = 0; press < 6 && !app.text().includes('Ctrl-Z'); press += 1) {
      const before = app.text();
      app.write(KEYS.down);
      await app.waitFor((screen) => screen !== before && screen.includes(footer(1)));
    }
    await app.waitForText('Ctrl-Z');
    expect(app.text()).not.toMatch(moreBelow);
    app.write(KEYS.up);
    await app.waitFor((screen) => !screen.includes('Ctrl-Z') && moreBelow.test(screen));
    // Pages down from there need not line up with the first ones; ↓ reaches the end all the same.
    for (let press = 0; press < 6 && moreBelow.test(app.text()); press += 1) {
      const before = app.text();
      app.write(KEYS.down);
      // The whole frame, footer included: a half-drawn one may lack the marker.
      await app.waitFor((screen) => screen !== before && screen.includes(footer(1)));
    }
    expect(app.text()).toContain('Ctrl-Z');
    // Held down at the end, ↓ neither closes the help nor moves the talk behind it.
    app.write(KEYS.down + KEYS.down);
    app.write('x');
    // The whole frame again: one read mid-write can show neither the help nor the slide.
    await app.waitFor((screen) => !screen.includes('Keys') && screen.includes(footer(1)));
    expect(app.text()).toContain('Xie Zhihai · 2014-06-19');
  });

  it('opens the help and the overview, and jumps from the overview', async () => {
    const app = (session = TerminalSession.start(['present', 'slides.yaml']));
    await app.waitForText(footer(1), 10_000);

    app.write('?');
    // The help may reach the terminal in more than one write: wait for the row the test reads.
    await app.waitForText('previous step or slide');
    expect(app.text()).toContain('Keys');
    app.write(KEYS.escape);
    await app.waitFor((screen) => !screen.includes('Keys'));

    app.write('o');
    await app.waitForText('Overview');
    app.write(KEYS.down);
    app.write(KEYS.down);
    app.write(KEYS.enter);
    await app.waitForText(footer(3));
    expect(app.text()).not.toContain('Overview');

    app.write(KEYS.left);
    await app.waitForText(footer(2));
    app.write(KEYS.end);
    await app.waitForText(footer(total));
    app.write(KEYS.home);
    await app.waitForText(footer(1));

    app.write(KEYS.ctrlC);
    expect(await app.exited).toMatchObject({ exitCode: 130 });
    expectRestored(app);
  }, 30_000);

  it('lays the frame out again when the terminal is resized', async () => {
    const app = (session = TerminalSession.start(['present', 'slides.yaml'], { columns: 80, rows: 24 }));
    await app.waitForText(footer(1), 10_000);
    const footerRow = () => app.screen().findIndex((line) => line.includes(footer(1)));
    expect(footerRow()).toBe(22);

    app.resize(100, 30);
    await app.waitFor(() => footerRow() === 28);
    expect(app.screen()[28]).toMatch(/slide 1\/\d+ {2}\? help$/);
    expect(app.screen()[28]?.length).toBe(100);

    // Esc with nothing open asks first; a second Esc quits.
    app.write(KEYS.escape);
    await app.waitForText('press Esc again to quit');
    app.write(KEYS.escape);
    expect(await app.exited).toMatchObject({ exitCode: 0 });
    expectRestored(app);
  }, 30_000);

  it('prints a positioned error and leaves the screen alone for a broken deck', async () => {
    const app = (session = TerminalSession.start(['present', 'tests/fixtures/cases/duplicate-keys.yaml']));
    const { exitCode } = await app.exited;
    expect(exitCode).toBe(1);
    await app.waitForText('duplicate-keys.yaml:9:9: sections[0].slides[0]: duplicate');
    expect(app.output).not.toContain('\u001B[?1049h');
  }, 30_000);
});

describe('colour', () => {
  /** An SGR sequence that sets a foreground or background colour. */
  const COLOUR = /\u001B\[(?:\d+;)*(?:3\d|4\d|9[0-7]|10[0-7])(?:;\d+)*m/;

  it.each([
    ['uses colour by default', {}, true],
    ['uses none with NO_COLOR set', { NO_COLOR: '1' }, false],
  ])(
    '%s',
    async (_name, env, hasColour) => {
      const app = (session = TerminalSession.start(['present', 'slides.yaml'], { env }));
      await app.waitForText(footer(1), 10_000);
      app.write(KEYS.right);
      await app.waitForText(footer(2));
      app.write('q');
      await app.exited;
      expect(COLOUR.test(app.output)).toBe(hasColour);
      // Without colour, the mono theme's attributes remain: the footer's hint dimmed.
      if (!hasColour) expect(app.output).toContain('\u001B[2m');
    },
    30_000,
  );
});

describe('hostile content', () => {
  it('never lets escape sequences from the deck reach the terminal', async () => {
    const app = (session = TerminalSession.start(['present', 'tests/fixtures/cases/escape-injection.yaml']));
    await app.waitForText('slide 1/', 10_000);
    app.write('G');
    await app.waitForText('Clipboard test');
    app.write('n');
    await app.waitForText('Bell  and backspace  and red');
    app.write('q');
    await app.exited;
    // No OSC (title, clipboard, link), no screen clear, no bell, no backspace from the file; the
    // app's own clear of the alternate screen, on entering it, is the only one.
    const start = '\u001B[?1049h\u001B[2J';
    expect(app.output.startsWith(start)).toBe(true);
    expect(app.output.slice(start.length)).not.toMatch(/\u001B\]|\u001B\[2J|\u0007|\u0008/);
    expect(app.terminal.buffer.active.type).toBe('normal');
  }, 30_000);
});

describe('a dumb terminal', () => {
  it('is refused with one line that suggests render, and the screen is left alone', async () => {
    const app = (session = TerminalSession.start(['present', 'slides.yaml'], { env: { TERM: 'dumb' } }));
    expect(await app.exited).toMatchObject({ exitCode: 2 });
    await app.waitForText('present needs a terminal that can move the cursor, and TERM is dumb');
    expect(app.output).not.toContain('\u001B[?1049h');
  }, 30_000);
});
