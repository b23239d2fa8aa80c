import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { readDeck } from '../src/deck/load-deck.js';
import { buildSlides } from '../src/deck/slides.js';
import { searchSlides } from '../src/search/search-slides.js';
import { SLIDES_YAML } from './helpers/paths.js';
import { KEYS, TerminalSession } from './helpers/terminal.js';

const slides = buildSlides(await readDeck(SLIDES_YAML));
const total = slides.length;
const footer = (number: number) => `slide ${number}/${total}`;
const shownSlide = (screen: string) => Number(/slide (\d+)\//.exec(screen)?.[1] ?? Number.NaN);
/** Nothing but blank cells on the screen: a blanked audience view. */
const isBlank = (screen: string) => screen.trim() === '';

const running: TerminalSession[] = [];
afterEach(() => {
  for (const session of running.splice(0)) session.kill('SIGKILL');
});

/** Starts `inkdeck present ARGS` in a pty, in the session kept under `runtime`, and waits for its first frame. */
async function start(
  args: string[],
  { runtime, columns = 80, rows = 24, cwd }: { runtime?: string; columns?: number; rows?: number; cwd?: string } = {},
) {
  const view = TerminalSession.start(['present', ...args], {
    columns,
    rows,
    ...(cwd === undefined ? {} : { cwd }),
    env: runtime === undefined ? {} : { XDG_RUNTIME_DIR: runtime },
  });
  running.push(view);
  await view.waitFor((screen) => !Number.isNaN(shownSlide(screen)), 10_000);
  return view;
}

/** A presenter view (100x30) and an audience view (80x24) of slides.yaml in one session, at slide `number`. */
async function presenterAndAudience(number: number) {
  const runtime = mkdtempSync(path.join(tmpdir(), 'inkdeck-e2e-'));
  const presenter = await start(['slides.yaml', '--presenter'], { runtime, columns: 100, rows: 30 });
  const audience = await start(['slides.yaml'], { runtime });
  presenter.jumpTo(number);
  await audience.waitForText(footer(number));
  return { runtime, presenter, audience };
}

/** The background colour of the cell at the top left of `view`'s screen, as xterm holds it. */
function topLeftBackground(view: TerminalSession): number {
  const cell = view.terminal.buffer.active.getLine(view.terminal.buffer.active.viewportY)?.getCell(0);
  return cell?.isBgDefault() === false ? cell.getBgColor() : -1;
}

describe('blanking the audience screen, with two views', () => {
  it('blanks every audience view, marks it in the presenter view, starts a late joiner blanked, and a move brings it back', async () => {
    const { runtime, presenter, audience } = await presenterAndAudience(4);

    // The audience view's own blank key: every view follows.
    audience.write('b');
    await audience.waitFor(isBlank);
    await presenter.waitForText('■ audience blanked');
    expect(shownSlide(presenter.text())).toBe(4);
    const black = topLeftBackground(audience);

    // White from the presenter view: the audience turns white, the presenter view still shows the slide.
    presenter.write('w');
    await presenter.waitForText('□ audience blanked white');
    await audience.waitFor(() => topLeftBackground(audience) !== black);
    expect(isBlank(audience.text())).toBe(true);
    expect(topLeftBackground(audience)).not.toBe(-1);

    // A view that joins now starts blanked, its first frame included.
    const late = TerminalSession.start(['present', 'slides.yaml'], { env: { XDG_RUNTIME_DIR: runtime } });
    running.push(late);
    await late.waitFor(() => late.output.includes('\u001B[?1049h'), 10_000);
    await late.waitFor(isBlank);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(isBlank(late.text())).toBe(true);
    expect(late.output).not.toContain(footer(4));

    // A move brings the slide back everywhere, and does not move.
    presenter.write(KEYS.right);
    await audience.waitForText(footer(4));
    await late.waitForText(footer(4));
    await presenter.waitFor((screen) => !screen.includes('audience blanked'));
    expect(shownSlide(presenter.text())).toBe(4);

    // The same key twice: blanked, then back.
    presenter.write('.');
    await audience.waitFor(isBlank);
    presenter.write('.');
    await audience.waitForText(footer(4));
  }, 60_000);
});

describe('presenter remotes, by the bytes they send', () => {
  it.each<[string, string, string]>([
    ['Page Down / Page Up (Logitech R400, R500, R800; Kensington; Targus)', '\u001B[6~', '\u001B[5~'],
    ['arrows, normal cursor mode (laser-pointer clickers)', '\u001B[C', '\u001B[D'],
    ['arrows, application cursor mode', '\u001BOC', '\u001BOD'],
    ['Down / Up arrows', '\u001B[B', '\u001B[A'],
    ['Tab / Shift-Tab', '\t', '\u001B[Z'],
    ['space / Backspace', ' ', '\u007F'],
  ])(
    '%s move forward and back',
    async (_name, forward, back) => {
      const view = await start(['slides.yaml', '--no-sync', '--no-watch']);
      view.write(forward);
      await view.waitForText(footer(2));
      view.write(back);
      await view.waitForText(footer(1));
    },
    30_000,
  );

  it.each<[string, string]>([
    ['F5 (xterm)', '\u001B[15~'],
    ['Shift-F5 (xterm)', '\u001B[15;2~'],
    ['F5 (Linux console)', '\u001B[[E'],
  ])(
    '%s on the first slide starts the stopped timer',
    async (_name, sequence) => {
      const view = await start(['slides.yaml', '--presenter', '--no-sync', '--no-watch'], { columns: 100, rows: 30 });
      await view.waitForText('⏸ 0:00');
      view.write(sequence);
      await view.waitForText('▶ 0:0');
      expect(shownSlide(view.text())).toBe(1);
    },
    30_000,
  );

  it.each<[string, string]>([
    ['.', '.'],
    ['b', 'b'],
  ])(
    'the blank button (%s) blanks the screen, and Esc brings it back without asking to quit',
    async (_name, key) => {
      const view = await start(['slides.yaml', '--no-sync', '--no-watch']);
      view.write(key);
      await view.waitFor(isBlank);
      view.write(KEYS.escape);
      await view.waitForText(footer(1));
      expect(view.text()).not.toContain('press Esc again');
    },
    30_000,
  );

  it('a start/stop button that sends Esc and F5 by turns never ends the talk', async () => {
    const view = await start(['slides.yaml', '--no-sync', '--no-watch']);
    view.write(KEYS.escape);
    await view.waitForText('press Esc again to quit');
    view.write('\u001B[15~');
    await view.waitForText(footer(1));
    view.write(KEYS.escape);
    await view.waitForText('press Esc again to quit');
    // Not pressed again within 2 s: the question goes, and the next Esc asks again.
    await view.waitFor((screen) => !screen.includes('press Esc again'), 4_000);
    view.write(KEYS.escape);
    await view.waitForText('press Esc again to quit');
    view.write(KEYS.escape);
    expect(await view.exited).toMatchObject({ exitCode: 0 });
  }, 30_000);
});

describe('search in a real terminal', () => {
  it('finds a slide, jumps there in every synced view, and goes back to where the talk was', async () => {
    const { presenter, audience } = await presenterAndAudience(12);

    const target = slides.findIndex((slide) => slide.title === "In Putin's words") + 1;
    expect(target).toBeGreaterThan(0);
    presenter.write('/');
    await presenter.waitForText('Search');
    presenter.write('putin');
    await presenter.waitFor((screen) => /\/putin▏ +\d+ slides?/.test(screen));
    expect(presenter.text()).toContain("In Putin's words");
    // The presenter view searches the notes too: other slides may come first; ↓ to the one wanted.
    const order = searchSlides(slides, 'putin', { isNotesSearched: true }).map((result) => result.slide + 1);
    for (let press = 0; press < order.indexOf(target); press += 1) presenter.write(KEYS.down);
    await presenter.waitFor((screen) => screen.includes(`›${String(target).padStart(2)}  In Putin's words`));
    presenter.write(KEYS.enter);
    await audience.waitForText(footer(target));
    await presenter.waitFor((screen) => shownSlide(screen) === target);

    presenter.write(KEYS.right);
    await audience.waitForText(footer(target + 1));
    // The jump-back place is the talk's: the audience view's remote undoes the presenter's jump.
    audience.write("'");
    await audience.waitForText(footer(12));
    await presenter.waitFor((screen) => shownSlide(screen) === 12);
    presenter.write("'");
    await audience.waitForText(footer(target + 1));

    // Esc cancels a search where it stands.
    audience.write('/');
    await audience.waitForText('/▏');
    audience.write('china');
    await audience.waitForText('/china▏');
    audience.write(KEYS.escape);
    await audience.waitForText(footer(target + 1));
    expect(audience.text()).not.toContain('press Esc again');
  }, 60_000);
});

describe('the audience never sees an editing mistake while a presenter view is connected', () => {
  it('leaves the broken save to the presenter view, and shows it again once the presenter view is gone', async () => {
    const runtime = mkdtempSync(path.join(tmpdir(), 'inkdeck-e2e-'));
    const directory = mkdtempSync(path.join(tmpdir(), 'inkdeck-stage-'));
    const file = path.join(directory, 'talk.yaml');
    copyFileSync(SLIDES_YAML, file);
    const presenter = await start([file, '--presenter'], { runtime, columns: 100, rows: 30 });
    const audience = await start([file], { runtime });

    writeFileSync(file, readFileSync(file, 'utf8').replace(/^title: /m, 'title: [oops\ntitle: '));
    await presenter.waitForText('e: details', 10_000);
    // The audience view has reloaded the same save by now (the presenter did), and shows nothing of it.
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    expect(audience.text()).not.toMatch(/press e|invalid|error/i);
    expect(shownSlide(audience.text())).toBe(1);

    presenter.kill('SIGKILL');
    await audience.waitForText('e: details', 10_000);
  }, 60_000);

  it("says in the presenter view, not the audience's, that a --no-watch audience view stopped following", async () => {
    const runtime = mkdtempSync(path.join(tmpdir(), 'inkdeck-e2e-'));
    const directory = mkdtempSync(path.join(tmpdir(), 'inkdeck-stage-'));
    const file = path.join(directory, 'talk.yaml');
    copyFileSync(SLIDES_YAML, file);
    const audience = await start([file, '--no-watch'], { runtime });
    const presenter = await start([file, '--presenter'], { runtime, columns: 100, rows: 30 });
    writeFileSync(file, readFileSync(file, 'utf8').replace('Signs of a warming partnership', 'Signs of a warm partnership'));
    await presenter.waitForText('A --no-watch view shows another version of the deck and stopped following', 10_000);
    // By now the audience view has heard of the new version (the presenter view told it, then it
    // told the presenter view); it says nothing of it on the projector.
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    expect(audience.text()).not.toContain('stopped following');
  }, 60_000);
});

describe('a key file, in a real terminal', () => {
  it("binds the user's keys from XDG_CONFIG_HOME, and the help lists them", async () => {
    const config = mkdtempSync(path.join(tmpdir(), 'inkdeck-config-'));
    mkdirSync(path.join(config, 'inkdeck'));
    writeFileSync(path.join(config, 'inkdeck', 'keys.yaml'), 'unbind: [n]\nadd:\n  next: [n, x]\nset:\n  help: H\n');
    const view = TerminalSession.start(['present', 'slides.yaml', '--no-sync', '--no-watch'], { env: { XDG_CONFIG_HOME: config } });
    running.push(view);
    await view.waitForText(footer(1), 10_000);
    view.write('x');
    await view.waitForText(footer(2));
    view.write('n');
    await view.waitForText(footer(3));
    view.write('?');
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(view.text()).not.toContain('Keys');
    view.write('H');
    // The help may reach the terminal in more than one write: wait for its frame to be whole.
    await view.waitFor((screen) => screen.includes('Keys') && screen.includes('╰'));
    expect(view.text()).toMatch(/H +this help/);
    expect(view.text()).toMatch(/→ ↓ space l j PgDn Tab n x +next step or slide/);
  }, 30_000);

  it('keeps the default keys, and says where the broken key file is wrong', async () => {
    const directory = mkdtempSync(path.join(tmpdir(), 'inkdeck-keys-'));
    const file = path.join(directory, 'keys.yaml');
    writeFileSync(file, 'add:\n  next: [x, pgdn]\n');
    const view = TerminalSession.start(['present', 'slides.yaml', '--no-sync', '--no-watch', '--keys', file], { columns: 120 });
    running.push(view);
    await view.waitForText('keys.yaml:2:13: add.next[1]: did you mean "pagedown"?', 10_000);
    view.write(' ');
    await view.waitForText(footer(2));
    expect(view.text()).not.toContain('keys.yaml');
    view.write('q');
    expect(await view.exited).toMatchObject({ exitCode: 0 });
    // Said on stderr too, so it is still there after the talk.
    expect(view.text()).toContain(`${file}:2:13: add.next[1]`);
  }, 30_000);
});

describe('a talk started again alone', () => {
  it('opens where it was, unless --from-start; a view joining others goes where they are', async () => {
    const state = mkdtempSync(path.join(tmpdir(), 'inkdeck-state-'));
    const env = { XDG_STATE_HOME: state };
    const first = TerminalSession.start(['present', 'slides.yaml', '--no-watch'], { env });
    running.push(first);
    await first.waitForText(footer(1), 10_000);
    first.jumpTo(7);
    await first.waitForText(footer(7));
    first.write('q');
    expect(await first.exited).toMatchObject({ exitCode: 0 });

    const again = TerminalSession.start(['present', 'slides.yaml', '--no-watch'], { env });
    running.push(again);
    await again.waitForText(footer(7), 10_000);
    expect(again.output).not.toContain(footer(1));
    again.kill('SIGTERM');
    await again.exited;

    const fresh = TerminalSession.start(['present', 'slides.yaml', '--no-watch', '--from-start'], { env });
    running.push(fresh);
    await fresh.waitForText(footer(1), 10_000);
    fresh.write(KEYS.right);
    await fresh.waitForText(footer(2));
    // Killed mid-talk a moment after the move: it was written down all the same.
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    fresh.kill('SIGKILL');
    await fresh.exited;

    const resumed = TerminalSession.start(['present', 'slides.yaml', '--no-watch'], { env });
    running.push(resumed);
    await resumed.waitForText(footer(2), 10_000);
  }, 60_000);
});
