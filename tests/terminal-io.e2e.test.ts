import { afterEach, describe, expect, it } from 'vitest';
import { readDeck } from '../src/deck/load-deck.js';
import { buildSlides } from '../src/deck/slides.js';
import { drawFrame } from '../src/render/render-frame.js';
import { renderWithInk } from './helpers/frame.js';
import { SLIDES_YAML } from './helpers/paths.js';
import { KEYS, TerminalSession } from './helpers/terminal.js';

const slides = buildSlides(await readDeck(SLIDES_YAML));
const running: TerminalSession[] = [];
afterEach(() => {
  for (const session of running.splice(0)) session.kill('SIGKILL');
});

function start(columns = 80, rows = 24): TerminalSession {
  const session = TerminalSession.start(['present', 'slides.yaml', '--no-sync', '--no-watch'], { columns, rows });
  running.push(session);
  return session;
}

/** The screen's rows above the reserved last one, trailing spaces trimmed. */
const frameOnScreen = (session: TerminalSession) =>
  session
    .screen()
    .slice(0, -1)
    .map((line) => line.trimEnd())
    .join('\n');

const CLEAR_SCREEN = /\u001B\[2J|\u001B\[3J/g;

describe('terminal output', () => {
  it('starts on a clean screen even when the terminal is already on the alternate screen', async () => {
    // As after a view that was killed (kill -9) and restarted in the same terminal: the screen is
    // still the alternate one, full of its old text, and switching to it again clears nothing.
    const session = start();
    session.terminal.write(`\u001B[?1049h${'JUNK'.repeat(20 * 24)}`);
    await session.waitForText('slide 1/');
    expect(session.text()).not.toContain('JUNK');
    expect(frameOnScreen(session)).toBe(drawFrame(slides, { slide: 1, columns: 80, rows: 24 }));
  });

  it('never clears the whole screen on a key press, and never draws past the last row', async () => {
    const app = start();
    await app.waitForText(`slide 1/${slides.length}`, 10_000);
    const clearsAtStart = (app.output.match(CLEAR_SCREEN) ?? []).length;
    for (let slide = 2; slide <= 8; slide += 1) {
      app.write(KEYS.space);
      await app.waitForText(`slide ${slide}/`);
    }
    app.write('n');
    await app.waitForText('Speaker notes');
    expect((app.output.match(CLEAR_SCREEN) ?? []).length).toBe(clearsAtStart);
    // Ink's own scroll-and-clear starts once output reaches the last row; it stays empty.
    expect(app.screen().at(-1)?.trim()).toBe('');
    expect(app.terminal.buffer.active.baseY).toBe(0);
  }, 30_000);

  it('survives a resize storm and ends laid out for the final size', async () => {
    const app = start();
    await app.waitForText(`slide 1/${slides.length}`, 10_000);
    app.jumpTo(3);
    await app.waitForText(`slide 3/${slides.length}`);
    for (let index = 0; index < 50; index += 1) {
      app.resize(30 + ((index * 37) % 120), 8 + ((index * 13) % 40));
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    app.resize(90, 28);
    const expected = drawFrame(slides, { slide: 3, columns: 90, rows: 28 });
    await app.waitFor(() => frameOnScreen(app) === expected, 5_000);
    app.write('q');
    expect(await app.exited).toMatchObject({ exitCode: 0 });
  }, 30_000);

  it('re-lays out an open overlay on resize', async () => {
    const app = start();
    await app.waitForText(`slide 1/${slides.length}`, 10_000);
    app.write('?');
    await app.waitForText('Keys');
    for (let index = 0; index < 20; index += 1) app.resize(40 + index * 3, 12 + index);
    app.resize(70, 20);
    const expected = renderWithInk(slides, { slide: 1, columns: 70, rows: 20, state: { overlay: 'help' } });
    await app.waitFor(() => frameOnScreen(app) === expected, 5_000);
  }, 30_000);

  it('starts at 1x1 and shows the deck once the terminal grows', async () => {
    const app = start(1, 1);
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    app.resize(80, 24);
    await app.waitForText(`slide 1/${slides.length}`, 5_000);
    app.write('q');
    expect(await app.exited).toMatchObject({ exitCode: 0 });
  }, 30_000);
});

describe('terminal input', () => {
  it('never takes terminal reports for keys, nor their digits for a jump', async () => {
    const app = start();
    await app.waitForText(`slide 1/${slides.length}`, 10_000);
    // A cursor position report, focus in and out, an SGR mouse click and a paste's end marker.
    app.write('\u001B[12;40R\u001B[I\u001B[O\u001B[<0;10;5M\u001B[201~');
    app.write(KEYS.enter);
    await app.waitForText(`slide 2/${slides.length}`);
    expect(app.text()).not.toContain('go to');
    app.write('jjj');
    await app.waitForText(`slide 5/${slides.length}`);
  }, 30_000);
});

describe('pasting', () => {
  it('turns bracketed paste on, ignores what is pasted, and turns it off on exit', async () => {
    const app = start();
    await app.waitForText(`slide 1/${slides.length}`, 10_000);
    expect(app.output).toContain('\u001B[?2004h');
    // What a terminal sends for a paste of a URL with a q in it, then a real key press.
    app.write('\u001B[200~https://example.com/?q=1 3\r\u001B[201~');
    app.write(KEYS.space);
    await app.waitForText(`slide 2/${slides.length}`);
    expect(app.text()).not.toContain('go to');
    app.write('q');
    expect(await app.exited).toMatchObject({ exitCode: 0 });
    expect(app.output.lastIndexOf('\u001B[?2004l')).toBeGreaterThan(app.output.lastIndexOf('\u001B[?2004h'));
  }, 30_000);
});
