import { copyFileSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { SLIDES_YAML } from './helpers/paths.js';
import { KEYS, TerminalSession } from './helpers/terminal.js';

const ORIGINAL = readFileSync(SLIDES_YAML, 'utf8');
/** The talk with a slide added before its first content slide. */
const WITH_SLIDE_ADDED = ORIGINAL.replace(
  '      - title: Signs of a warming partnership',
  '      - title: A slide added before\n        bullets: [new]\n        notes: New.\n      - title: Signs of a warming partnership',
);
const running: TerminalSession[] = [];
afterEach(() => {
  for (const session of running.splice(0)) session.kill('SIGKILL');
});

function copyOfDeck(): { file: string; runtime: string } {
  const directory = mkdtempSync(path.join(tmpdir(), 'inkdeck-reload-'));
  const file = path.join(directory, 'slides.yaml');
  copyFileSync(SLIDES_YAML, file);
  return { file, runtime: directory };
}

async function present(file: string, runtime: string, args: string[] = [], columns = 80, rows = 24): Promise<TerminalSession> {
  const view = TerminalSession.start(['present', path.basename(file), ...args], {
    columns,
    rows,
    env: { XDG_RUNTIME_DIR: runtime },
    cwd: path.dirname(file),
  });
  running.push(view);
  await view.waitForText('slide 1/', 10_000);
  return view;
}

describe('live reload in a real terminal', () => {
  it('shows a save on the same slide, a banner for an invalid save, and drops it when fixed', async () => {
    const { file, runtime } = copyOfDeck();
    const app = await present(file, runtime);
    app.jumpTo(5);
    await app.waitForText('Security and military signals');

    writeFileSync(file, WITH_SLIDE_ADDED);
    await app.waitForText('slide 6/19');
    expect(app.text()).toContain('Security and military signals');

    writeFileSync(file, ORIGINAL.replace('        bullets:\n          - CICA', '        bullets: 7\n        oops:\n          - CICA'));
    // The banner: where, what, and how many more; the field path is in the list `e` opens.
    await app.waitFor((screen) => /slides\.yaml:51:18: expected a list of strings +\(\+1 more\) · e: details/.test(screen));
    expect(app.text()).toContain('Security and military signals');

    app.write('e');
    await app.waitForText('2 problems in the deck');
    expect(app.text()).toMatch(/> +\d+ │ +bullets: 7/);
    expect(app.text()).toContain('unknown key "oops"');

    writeFileSync(file, ORIGINAL);
    // The list stays open, saying the deck is fixed, until Esc closes it (and does not quit).
    await app.waitForText('No problems in the deck');
    app.write(KEYS.escape);
    await app.waitFor((screen) => !screen.includes('e: details') && screen.includes('slide 5/18'));
    expect(app.text()).toContain('Security and military signals');
    expect(app.text()).not.toContain('problems in the deck');

    app.write('q');
    expect(await app.exited).toMatchObject({ exitCode: 0 });
  }, 60_000);

  it('scrolls a long error list with the arrows, and the talk stays where it was', async () => {
    const { file, runtime } = copyOfDeck();
    const app = await present(file, runtime, [], 60, 16);
    app.jumpTo(4);
    await app.waitForText('slide 4/18');
    // Every slide's notes under a misspelt key: a problem per slide, more than the panel holds.
    writeFileSync(file, ORIGINAL.replaceAll('        notes:', '        note:'));
    await app.waitForText('e: details');
    app.write('e');
    await app.waitFor((screen) => /problems in the deck/.test(screen) && /more lines: ↓/.test(screen));
    const top = app.text();
    app.write(KEYS.down);
    await app.waitFor((screen) => /more lines? above: ↑/.test(screen));
    expect(app.text()).not.toBe(top);
    // Held down past the end, ↓ leaves the list open at its end.
    for (let press = 0; press < 40; press += 1) app.write(KEYS.down);
    await app.waitFor((screen) => !/more lines?: ↓/.test(screen) && /problems in the deck/.test(screen));
    app.write(KEYS.up);
    await app.waitFor((screen) => /more lines?: ↓/.test(screen));
    // g and G (Home and End) go to its start and its end.
    app.write('g');
    await app.waitFor((screen) => !/more lines? above/.test(screen) && /more lines?: ↓/.test(screen));
    app.write('G');
    await app.waitFor((screen) => /more lines? above/.test(screen) && !/more lines?: ↓/.test(screen));
    app.write('\u001B');
    await app.waitFor((screen) => !screen.includes('problems in the deck') && screen.includes('e: details'));
    expect(app.text()).toContain('slide 4/18');
    app.write('q');
    expect(await app.exited).toMatchObject({ exitCode: 0 });
  }, 60_000);

  it('moves both views onto the edited deck, still in sync', async () => {
    const { file, runtime } = copyOfDeck();
    const presenter = await present(file, runtime, ['--presenter'], 100, 30);
    const audience = await present(file, runtime);
    presenter.jumpTo(4);
    await audience.waitForText('slide 4/18');

    writeFileSync(file, WITH_SLIDE_ADDED);
    await audience.waitForText('slide 5/19');
    await presenter.waitForText('slide 5/19');

    audience.write(KEYS.space);
    await presenter.waitForText('slide 6/19');
  }, 60_000);

  it('stays on the same Demo when another Demo is inserted before it, and when an earlier one is deleted', async () => {
    const directory = mkdtempSync(path.join(tmpdir(), 'inkdeck-reload-'));
    const file = path.join(directory, 'slides.yaml');
    const deckOf = (...demos: string[]) =>
      `title: T\nsections:\n  - id: a\n    title: A\n    slides:\n${demos.map((words) => `      - title: Demo\n        bullets: [${words}]\n`).join('')}`;
    writeFileSync(file, deckOf('first demo', 'second demo'));
    const app = await present(file, directory);
    app.jumpTo(4);
    await app.waitForText('second demo');

    writeFileSync(file, deckOf('first demo', 'a new demo', 'second demo'));
    await app.waitForText('slide 5/5');
    expect(app.text()).toContain('second demo');

    writeFileSync(file, deckOf('a new demo', 'second demo'));
    await app.waitForText('slide 4/4');
    expect(app.text()).toContain('second demo');
  });

  it('does not reload with --no-watch', async () => {
    const { file, runtime } = copyOfDeck();
    const app = await present(file, runtime, ['--no-watch']);
    writeFileSync(file, ORIGINAL.replace('title: "Russia and China: Old Allies, New Needs"', 'title: Changed'));
    app.write(KEYS.space);
    await app.waitForText('slide 2/18');
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(app.text()).toContain('slide 2/18');
    app.write(KEYS.left);
    await app.waitForText('slide 1/18');
    expect(app.text()).not.toContain('Changed');
  }, 60_000);
});

describe('resizing while the error banner is shown', () => {
  it('keeps the banner and the deck laid out for the final size', async () => {
    const { file, runtime } = copyOfDeck();
    const app = await present(file, runtime);
    writeFileSync(file, ORIGINAL.replace('        bullets:\n          - CICA', '        bullets: 7\n          - CICA'));
    await app.waitForText('e: details');
    for (let index = 0; index < 30; index += 1) app.resize(40 + ((index * 17) % 80), 10 + ((index * 7) % 30));
    app.resize(100, 30);
    await app.waitFor((screen) => {
      const rows = screen.split('\n');
      return (
        (rows[0] ?? '').includes('e: details') &&
        /slide 1\/18 {2}\? help$/.test((rows[28] ?? '').trimEnd()) &&
        (rows[28] ?? '').trimEnd().length === 100
      );
    }, 5_000);
  }, 60_000);
});
