import { existsSync, mkdtempSync, readdirSync } from 'node:fs';
import net from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { readDeck } from '../src/deck/load-deck.js';
import { buildSlides, stepCountOf } from '../src/deck/slides.js';
import { deckReducer, initialDeckState } from '../src/navigation/deck-state.js';
import { SLIDES_YAML } from './helpers/paths.js';
import { KEYS, TerminalSession } from './helpers/terminal.js';
import { SEEN_AFTER_MS } from '../src/ui/use-position-sync.js';

const total = buildSlides(await readDeck(SLIDES_YAML)).length;
const footer = (number: number) => `slide ${number}/${total}`;
/** The slide number a view shows, from its footer (audience) or status row (presenter). */
const shownSlide = (screen: string) => Number(/slide (\d+)\//.exec(screen)?.[1] ?? Number.NaN);

const running: TerminalSession[] = [];
afterEach(() => {
  for (const session of running.splice(0)) session.kill('SIGKILL');
});

/** The current slide's time left in a presenter view's status row (`0:24 of 0:29 left`), or its budget, in seconds. */
function secondsLeft(screen: string, which: 'left' | 'budget' = 'left'): number {
  const match = /(\d+):(\d\d) of (\d+):(\d\d) left/.exec(screen);
  if (match === null) return Number.NaN;
  const [, m1 = '0', s1 = '0', m2 = '0', s2 = '0'] = match;
  return which === 'left' ? Number(m1) * 60 + Number(s1) : Number(m2) * 60 + Number(s2);
}

/** Starts a view in the session kept under `runtimeDirectory` and waits for its first frame. */
async function startView(runtimeDirectory: string, args: string[], columns = 80, rows = 24): Promise<TerminalSession> {
  const view = TerminalSession.start(['present', 'slides.yaml', ...args], { columns, rows, env: { XDG_RUNTIME_DIR: runtimeDirectory } });
  running.push(view);
  await view.waitFor((screen) => !Number.isNaN(shownSlide(screen)), 10_000);
  return view;
}

/**
 * Milliseconds from now until `view` shows slide `number`. It returns once a person could have
 * seen it, as the next step of these tests is to press a key at it: a view counts a key as
 * pressed at a move SEEN_AFTER_MS after drawing it, and the test sees the screen a moment after
 * the view draws it, so five times that (a loaded machine delays the view's timer).
 */
async function timeUntilSlide(view: TerminalSession, number: number): Promise<number> {
  const started = performance.now();
  // A wait, not a measurement: a loaded machine (a CI run beside another) took over 2 s.
  await view.waitFor((screen) => shownSlide(screen) === number, 5_000);
  const elapsed = performance.now() - started;
  // The view's own timer says it has seen the move; on a loaded machine (the whole suite on
  // 2 cores) it fired more than 2 x SEEN_AFTER_MS after the test saw the slide, and a key
  // pressed before that counted as pressed at the slide before (a run failed so).
  await new Promise((resolve) => setTimeout(resolve, 5 * SEEN_AFTER_MS));
  return elapsed;
}

describe('two views in two real terminals', () => {
  it('move together whichever one navigates, and a late view starts on the current slide', async () => {
    const runtime = mkdtempSync(path.join(tmpdir(), 'inkdeck-e2e-'));
    const presenter = await startView(runtime, ['--presenter'], 100, 30);
    const audience = await startView(runtime, []);

    presenter.write(KEYS.space);
    const presenterToAudienceMs = await timeUntilSlide(audience, 2);
    audience.write(KEYS.space);
    const audienceToPresenterMs = await timeUntilSlide(presenter, 3);
    // The 200 ms target is measured by `npm run bench`; here only that the move arrives.
    console.log(
      `sync latency: presenter->audience ${presenterToAudienceMs.toFixed(0)} ms, audience->presenter ${audienceToPresenterMs.toFixed(0)} ms`,
    );

    presenter.jumpTo(5);
    await timeUntilSlide(audience, 5);

    const late = TerminalSession.start(['present', 'slides.yaml'], { env: { XDG_RUNTIME_DIR: runtime } });
    running.push(late);
    await late.waitFor((screen) => !Number.isNaN(shownSlide(screen)), 10_000);
    expect(shownSlide(late.text())).toBe(5);
    expect(late.output).not.toContain(footer(1));
  }, 60_000);

  it('move the talk once when both press next at the same moment (a press is a move from what that view showed)', async () => {
    const runtime = mkdtempSync(path.join(tmpdir(), 'inkdeck-e2e-'));
    const first = await startView(runtime, ['--presenter'], 100, 30);
    const second = await startView(runtime, ['--presenter'], 100, 30);
    const slides = buildSlides(await readDeck(SLIDES_YAML));
    /** `slide N/M`, with ` · step S/T` on a slide of several steps, as the status row says it. */
    const positionText = (state: { slide: number; step: number }) => {
      const slide = slides[state.slide];
      const steps = slide === undefined ? 1 : stepCountOf(slide);
      return `slide ${state.slide + 1}/${total}${steps > 1 ? ` · step ${state.step + 1}/${steps}` : ''}`;
    };
    let state = initialDeckState(slides.map(stepCountOf));
    // Twelve tries, as the bug report's (4 of 12 moved twice), the second press a few
    // milliseconds after the first: about when the first view's move reaches the second one.
    for (const delayMs of [0, 1, 2, 3, 4, 5, 6, 7, 8, 10, 12, 15]) {
      first.write(KEYS.right);
      await new Promise((resolve) => setTimeout(resolve, delayMs));
      second.write(KEYS.right);
      state = deckReducer(state, { type: 'next' });
      const expected = positionText(state);
      await first.waitForText(expected, 2_000);
      await second.waitForText(expected, 2_000);
      // Settled: nothing further arrives.
      await new Promise((resolve) => setTimeout(resolve, 150));
      expect(first.text()).toContain(expected);
      expect(second.text()).toContain(expected);
    }
  }, 60_000);

  it('survive kill -9 of one view, which rejoins when started again', async () => {
    const runtime = mkdtempSync(path.join(tmpdir(), 'inkdeck-e2e-'));
    const presenter = await startView(runtime, ['--presenter'], 100, 30);
    let audience = await startView(runtime, []);
    presenter.write(KEYS.space);
    await timeUntilSlide(audience, 2);

    audience.kill('SIGKILL');
    await audience.exited;
    presenter.write(KEYS.space);
    await timeUntilSlide(presenter, 3);

    audience = await startView(runtime, []);
    expect(shownSlide(audience.text())).toBe(3);
    audience.write(KEYS.space);
    await timeUntilSlide(presenter, 4);
    presenter.write(KEYS.left);
    await timeUntilSlide(audience, 3);
  }, 60_000);

  it('give a presenter view started again after kill -9 the time already spoken', async () => {
    const runtime = mkdtempSync(path.join(tmpdir(), 'inkdeck-e2e-'));
    let presenter = await startView(runtime, ['--presenter'], 100, 30);
    await startView(runtime, []);
    /** The talk time the timer shows, in seconds, when it runs. */
    const running = (screen: string) => {
      const match = /▶ (\d+):(\d\d)/.exec(screen);
      return match === null ? Number.NaN : Number(match[1]) * 60 + Number(match[2]);
    };
    // The first move starts the timer (with the title slide's planned time counted as spent);
    // let two seconds pass on it.
    presenter.write(KEYS.space);
    await presenter.waitFor((screen) => !Number.isNaN(running(screen)), 10_000);
    const started = running(presenter.text());
    await presenter.waitFor((screen) => running(screen) >= started + 2, 10_000);
    const spoken = running(presenter.text());
    const leftBefore = secondsLeft(presenter.text());
    expect(leftBefore).toBeLessThan(secondsLeft(presenter.text(), 'budget'));

    presenter.kill('SIGKILL');
    await presenter.exited;
    presenter = await startView(runtime, ['--presenter'], 100, 30);
    // Its first frame goes on from there, running, on the slide the talk is at.
    expect(running(presenter.text())).toBeGreaterThanOrEqual(spoken);
    expect(running(presenter.text())).toBeLessThan(spoken + 10);
    expect(shownSlide(presenter.text())).toBe(2);
    // And the slide's time left goes on too (its arrival is shared), not a fresh countdown.
    expect(secondsLeft(presenter.text())).toBeLessThanOrEqual(leftBefore);
  }, 60_000);

  it('keep working after garbage is written to their sockets', async () => {
    const runtime = mkdtempSync(path.join(tmpdir(), 'inkdeck-e2e-'));
    const presenter = await startView(runtime, ['--presenter'], 100, 30);
    const audience = await startView(runtime, []);

    const sessionDirectory = path.join(runtime, 'inkdeck', readdirSync(path.join(runtime, 'inkdeck'))[0] ?? '');
    const sockets = readdirSync(sessionDirectory).filter((name) => name.endsWith('.sock'));
    expect(sockets).toHaveLength(2);
    for (const name of sockets) {
      await new Promise<void>((resolve, reject) => {
        const socket = net.createConnection(path.join(sessionDirectory, name), () => {
          socket.end(
            Buffer.concat([
              Buffer.from('\u0000\u00ff{"inkdeck":2,"type":"position"}\n[]\n'),
              Buffer.alloc(10_000, 0x41),
              Buffer.from('\n\u001b[2J'),
            ]),
            () => resolve(),
          );
        });
        socket.on('error', reject);
      });
    }

    presenter.write(KEYS.space);
    await timeUntilSlide(audience, 2);
    audience.write(KEYS.space);
    await timeUntilSlide(presenter, 3);
    expect(presenter.text()).not.toContain('[2J');
  }, 60_000);
});

describe('sessions', () => {
  it('joins views of different files by --session name when their text is the same', async () => {
    const { copyFileSync, mkdtempSync: makeTemp } = await import('node:fs');
    const runtime = mkdtempSync(path.join(tmpdir(), 'inkdeck-e2e-'));
    const elsewhere = makeTemp(path.join(tmpdir(), 'inkdeck-copy-'));
    copyFileSync(path.join(process.cwd(), 'slides.yaml'), path.join(elsewhere, 'slides.yaml'));
    const first = await startView(runtime, ['--session', 'talk']);
    const second = TerminalSession.start(['present', path.join(elsewhere, 'slides.yaml'), '--session', 'talk'], {
      env: { XDG_RUNTIME_DIR: runtime },
    });
    running.push(second);
    await second.waitFor((screen) => !Number.isNaN(shownSlide(screen)), 10_000);
    first.write(KEYS.space);
    await timeUntilSlide(second, 2);
  }, 60_000);

  it('removes its socket, and its session directory as the last view, when it ends by a signal', async () => {
    const runtime = mkdtempSync(path.join(tmpdir(), 'inkdeck-e2e-'));
    const view = await startView(runtime, []);
    const directory = path.join(runtime, 'inkdeck', readdirSync(path.join(runtime, 'inkdeck'))[0] ?? '');
    expect(readdirSync(directory).filter((name) => name.endsWith('.sock'))).toHaveLength(1);
    view.kill('SIGTERM');
    expect(await view.exited).toMatchObject({ signal: 15 });
    expect(existsSync(directory)).toBe(false);
  }, 60_000);
});
