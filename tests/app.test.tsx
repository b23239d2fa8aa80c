import { render } from 'ink-testing-library';
import { describe, expect, it, vi } from 'vitest';
import { readDeck } from '../src/deck/load-deck.js';
import { DeckError } from '../src/deck/deck-error.js';
import { NULL_CHANNEL, type SyncChannel } from '../src/sync/sync-channel.js';
import type { DeckUpdate } from '../src/deck/watch-deck.js';
import { App, DIVERGED_AFTER_MS, DIVERGED_NOTICE, STALE_NOTICE } from '../src/ui/App.js';
import { SLIDES_YAML } from './helpers/paths.js';

const deck = await readDeck(SLIDES_YAML);

/** A sync channel with no other views, whose version-mismatch events the test fires by hand. */
function fakeChannel() {
  const mismatchListeners = new Set<(isMismatched: boolean) => void>();
  const channel: SyncChannel = {
    ...NULL_CHANNEL,
    onVersionMismatch: (listener) => {
      mismatchListeners.add(listener);
      return () => mismatchListeners.delete(listener);
    },
  };
  const fire = (isMismatched: boolean) => {
    for (const listener of mismatchListeners) listener(isMismatched);
  };
  return { channel, fire };
}

describe('a view that does not reload, when the other views reload a changed deck', () => {
  it('says on screen that it stopped following, and stops saying so when versions agree again', async () => {
    const { channel, fire } = fakeChannel();
    const instance = render(<App deck={deck} version="v1" sync={channel} />);
    const firstRow = () => (instance.lastFrame() ?? '').split('\n')[0] ?? '';
    expect(firstRow()).not.toContain('stopped following');

    fire(true);
    await vi.waitFor(() => expect(firstRow().trim()).toBe(STALE_NOTICE));
    // The notice takes a row from the frame; the frame still fits the terminal.
    expect((instance.lastFrame() ?? '').split('\n')).toHaveLength(23);
    expect(instance.lastFrame()).toContain('slide 1/');

    fire(false);
    await vi.waitFor(() => expect(firstRow()).not.toContain('stopped following'));
    instance.unmount();
  });

  it('is shown from the first frame by a view started when the others are already on a changed deck', () => {
    const { channel } = fakeChannel();
    const instance = render(<App deck={deck} version="v1" sync={{ ...channel, isVersionMismatched: true }} />);
    expect((instance.lastFrame() ?? '').split('\n')[0]?.trim()).toBe(STALE_NOTICE);
    instance.unmount();
  });

  it('is not shown at once by a view that reloads, which catches up by itself', async () => {
    const { channel, fire } = fakeChannel();
    const instance = render(<App deck={deck} version="v1" sync={channel} subscribeToDeck={() => () => undefined} />);
    fire(true);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(instance.lastFrame()).not.toContain('stopped following');
    instance.unmount();
  });
});

describe('a view that reloads, when the others stay on another version', () => {
  it('waits three seconds by default, as the README says, before it says the views parted', () => {
    expect(DIVERGED_AFTER_MS).toBe(3000);
  });

  it('says so once the versions have differed for a while (two files in one named session), and stops when they agree', async () => {
    // The app's wait, shortened for the test from DIVERGED_AFTER_MS; every step below is a share of it.
    const WAIT = 600;
    const { channel, fire } = fakeChannel();
    const instance = render(<App deck={deck} version="v1" sync={channel} subscribeToDeck={() => () => undefined} divergedAfterMs={WAIT} />);
    const firstRow = () => (instance.lastFrame() ?? '').split('\n')[0]?.trim() ?? '';
    fire(true);
    await new Promise((resolve) => setTimeout(resolve, WAIT / 2));
    expect(firstRow()).not.toBe(DIVERGED_NOTICE);
    await vi.waitFor(() => expect(firstRow()).toBe(DIVERGED_NOTICE), { timeout: 5_000 });
    expect((instance.lastFrame() ?? '').split('\n')).toHaveLength(23);
    fire(false);
    await vi.waitFor(() => expect(firstRow()).not.toBe(DIVERGED_NOTICE));
    // A mismatch that ends before the wait does not show the notice.
    fire(true);
    await new Promise((resolve) => setTimeout(resolve, WAIT / 2));
    fire(false);
    await new Promise((resolve) => setTimeout(resolve, WAIT * 0.75));
    expect(firstRow()).not.toBe(DIVERGED_NOTICE);
    instance.unmount();
  });
});

describe('the help overlay in the app', () => {
  const TITLE = 'Keys · any key closes this';

  /** The app with its help open. */
  async function withHelp() {
    const instance = render(<App deck={deck} version="v1" />);
    const frame = () => instance.lastFrame() ?? '';
    instance.stdin.write('?');
    await vi.waitFor(() => expect(frame()).toContain(TITLE));
    return { instance, frame };
  }

  it.each([
    ['x, a letter with no binding', 'x'],
    ['F1', '\u001BOP'],
    ['F5', '\u001B[15~'],
    ['Insert', '\u001B[2~'],
    ['Ctrl+Right', '\u001B[1;5C'],
    ['Alt+q, which does not quit', '\u001Bq'],
  ])('closes on %s, as it says any key does', async (_name, sequence) => {
    const { instance, frame } = await withHelp();
    instance.stdin.write(sequence);
    await vi.waitFor(() => expect(frame()).not.toContain(TITLE));
    expect(frame()).toContain('slide 1/');
    instance.unmount();
  });

  it('is not closed by a terminal report, which is no key', async () => {
    const { instance, frame } = await withHelp();
    instance.stdin.write('\u001B[12;40R');
    instance.stdin.write('\u001B[I');
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(frame()).toContain(TITLE);
    instance.unmount();
  });
});

describe('the notes pane of the audience view', () => {
  it('scrolls long notes a page at a time with d and u, and says which lines it shows', async () => {
    const { parseDeck } = await import('../src/deck/load-deck.js');
    const notes = Array.from({ length: 60 }, (_, index) => `Sentence ${index + 1} of the notes.`).join(' ');
    const long = parseDeck(
      `title: T\nsections:\n  - id: a\n    title: A\n    slides:\n      - title: S\n        bullets: [x]\n        notes: ${notes}\n`,
      'long.yaml',
    );
    const instance = render(<App deck={long} version="v1" />);
    const frame = () => instance.lastFrame() ?? '';
    instance.stdin.write('G');
    instance.stdin.write('n');
    await vi.waitFor(() => expect(frame()).toMatch(/lines 1–\d+ of \d+ · d\/u scroll/));
    expect(frame()).toContain('Sentence 1 of');

    instance.stdin.write('d');
    await vi.waitFor(() => expect(frame()).toMatch(/lines ([2-9]|\d\d)–\d+ of \d+/));
    expect(frame()).not.toContain('Sentence 1 of');

    instance.stdin.write('u');
    await vi.waitFor(() => expect(frame()).toMatch(/lines 1–\d+ of \d+/));
    instance.unmount();
  });
});

describe('keys with Alt', () => {
  it.each([
    ['Alt+Right (xterm)', '\u001B[1;3C'],
    ['Alt+Right (ESC prefix)', '\u001B\u001B[C'],
    ['Alt+End', '\u001B[1;3F'],
    ['Alt+q', '\u001Bq'],
  ])('do nothing: %s', async (_name, sequence) => {
    const instance = render(<App deck={deck} version="v1" />);
    const frame = () => instance.lastFrame() ?? '';
    await vi.waitFor(() => expect(frame()).toContain('slide 1/'));
    instance.stdin.write(sequence);
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(frame()).toContain('slide 1/');
    instance.stdin.write('l');
    await vi.waitFor(() => expect(frame()).toContain('slide 2/'));
    instance.unmount();
  });
});

describe('Esc and escape sequences split on the way', () => {
  /** The app, sent `head` and 5 ms later `tail`: an escape sequence split on the way. */
  async function splitSequence(tail: string, head = '\u001B') {
    const instance = render(<App deck={deck} version="v1" />);
    const frame = () => instance.lastFrame() ?? '';
    instance.stdin.write(head);
    await new Promise((resolve) => setTimeout(resolve, 5));
    instance.stdin.write(tail);
    return { instance, frame };
  }

  /** Checks that nothing moved, quit or was typed, and that keys still act. */
  async function expectUnmovedAndListening({ instance, frame }: Awaited<ReturnType<typeof splitSequence>>) {
    await new Promise((resolve) => setTimeout(resolve, 150));
    expect(frame()).toContain('slide 1/');
    expect(frame()).not.toContain('go to');
    instance.stdin.write('l');
    await vi.waitFor(() => expect(frame()).toContain('slide 2/'));
    instance.unmount();
  }

  it.each([
    ['Page Down split after ESC [', '\u001B[', '6~'],
    ['Right split after ESC [', '\u001B[', 'C'],
    ['Page Down split after ESC [6', '\u001B[6', '~'],
  ])('puts %s back together', async (_name, head, tail) => {
    const { instance, frame } = await splitSequence(tail, head);
    await vi.waitFor(() => expect(frame()).toContain('slide 2/'));
    expect(frame()).not.toContain('go to');
    instance.unmount();
  });

  it.each([
    ['F5 split after ESC [1', '\u001B[1', '5~'],
    ['a cursor report split after ESC [12;', '\u001B[12;', '40R'],
    ['Ctrl+Right split after ESC [', '\u001B[', '1;5C'],
    ['an OSC colour reply after a lone ESC', '\u001B', ']11;rgb:0000/0000/0000\u0007'],
  ])('neither types the digits of nor quits on %s', async (_name, head, tail) => {
    await expectUnmovedAndListening(await splitSequence(tail, head));
  });

  it('ignores a paste whose start marker came split, and whose end marker came split too', async () => {
    const app = await splitSequence('[200~q 3', '\u001B');
    app.instance.stdin.write('\u001B[');
    await new Promise((resolve) => setTimeout(resolve, 5));
    app.instance.stdin.write('201~');
    // The paste is over: keys act again.
    await expectUnmovedAndListening(app);
  });

  it.each([
    ['its markers and its text in separate reads', ['\u001B[200~', 'q 3', '\u001B[201~']],
    ['its start marker split after ESC [2', ['\u001B[2', '00~q 3\u001B[201~']],
    ['its end marker split after ESC', ['\u001B[200~q 3\u001B', '[201~']],
  ])('ignores a paste that arrives in parts: %s', async (_name, parts) => {
    const instance = render(<App deck={deck} version="v1" />);
    const frame = () => instance.lastFrame() ?? '';
    for (const part of parts) {
      instance.stdin.write(part);
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
    await expectUnmovedAndListening({ instance, frame });
  });

  it('takes an ESC followed soon by the rest of an arrow as the arrow, not as Esc, which would quit', async () => {
    const { instance, frame } = await splitSequence('[C');
    await vi.waitFor(() => expect(frame()).toContain('slide 2/'));
    // Well past the Esc delay: nothing quit, nothing moved again.
    await new Promise((resolve) => setTimeout(resolve, 150));
    expect(frame()).toContain('slide 2/');
    instance.unmount();
  });

  it('ignores the rest of a sequence it does not bind, arriving after a lone ESC', async () => {
    // Ctrl+Right's tail: its digits must not start a jump, its ESC must not quit.
    const { instance, frame } = await splitSequence('[1;5C');
    instance.stdin.write('\r');
    await vi.waitFor(() => expect(frame()).toContain('slide 2/'));
    instance.unmount();
  });

  it('still acts on a lone Esc once nothing follows: it closes the overview', async () => {
    const instance = render(<App deck={deck} version="v1" />);
    const frame = () => instance.lastFrame() ?? '';
    instance.stdin.write('o');
    await vi.waitFor(() => expect(frame()).toMatch(/overview/i));
    const overview = frame();
    instance.stdin.write('\u001B');
    await vi.waitFor(() => expect(frame()).not.toBe(overview));
    expect(frame()).toContain('slide 1/');
    instance.unmount();
  });
});

describe('Ctrl-Z', () => {
  // The frame drawn again after `fg` is checked in a real terminal (terminal-restore.e2e.test.ts):
  // ink-testing-library runs Ink in debug mode, which does not keep a last frame to draw again.
  it('suspends through the view, and the talk goes on where it was', async () => {
    const suspend = vi.fn((redraw: () => void) => redraw());
    const instance = render(<App deck={deck} version="v1" suspend={suspend} />);
    const frame = () => instance.lastFrame() ?? '';
    instance.stdin.write('l');
    await vi.waitFor(() => expect(frame()).toContain('slide 2/'));
    instance.stdin.write('\u001A');
    await vi.waitFor(() => expect(suspend).toHaveBeenCalledTimes(1));
    instance.stdin.write('l');
    await vi.waitFor(() => expect(frame()).toContain('slide 3/'));
    instance.unmount();
  });

  it.each([
    ['a view whose suspend asks for no redraw (not suspended, or resized)', () => undefined],
    ['a view without a terminal of its own', undefined],
  ])('changes nothing in %s', async (_name, suspend) => {
    const instance = render(<App deck={deck} version="v1" suspend={suspend} />);
    const frame = () => instance.lastFrame() ?? '';
    await vi.waitFor(() => expect(frame()).toContain('slide 1/'));
    // Ink's useWindowSize reads the size again once mounted and draws the same frame a second
    // time; count from after that.
    await new Promise((resolve) => setTimeout(resolve, 50));
    const framesBefore = instance.frames.length;
    instance.stdin.write('\u001A');
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(instance.frames.length).toBe(framesBefore);
    instance.stdin.write('l');
    await vi.waitFor(() => expect(frame()).toContain('slide 2/'));
    instance.unmount();
  });
});

describe('a slide a save took away, and the save that brings it back', () => {
  const retitled = structuredClone(deck) as typeof deck;
  const drivers = retitled.sections[0];
  if (drivers?.slides[0] !== undefined) drivers.slides[0] = { ...drivers.slides[0], title: 'Retitled for a moment' };

  it.each([
    ['nobody moved in between: the talk goes back to it, as a move', 0, true],
    ['a view on another version moved in between: the talk stays, and follows that move', 1, false],
  ])('%s', async (_name, movesElsewhere, isRestored) => {
    let listener: ((update: DeckUpdate) => void) | undefined;
    const setVersion = vi.fn();
    const channel = { ...fakeChannel().channel, setVersion, latestMoveClock: 0 };
    const instance = render(
      <App deck={deck} version="v1" sync={channel} subscribeToDeck={(next) => ((listener = next), () => undefined)} />,
    );
    const frame = () => instance.lastFrame() ?? '';
    instance.stdin.write('l');
    instance.stdin.write('l');
    await vi.waitFor(() => expect(frame()).toContain('slide 3/'));

    listener?.({ kind: 'loaded', deck: retitled, version: 'v2' });
    await vi.waitFor(() => expect(frame()).toContain('Retitled for a moment'));
    channel.latestMoveClock += movesElsewhere;
    listener?.({ kind: 'loaded', deck, version: 'v1' });
    await vi.waitFor(() => expect(setVersion).toHaveBeenCalledTimes(2));
    expect(setVersion.mock.lastCall?.[2]).toBe(isRestored);
    instance.unmount();
  });
});

describe('the error list, when a save fixes the deck while it is open', () => {
  it('stays open saying so, and the Esc pressed to close it closes it rather than quitting the talk', async () => {
    let listener: ((update: DeckUpdate) => void) | undefined;
    const instance = render(
      <App deck={deck} version="v1" sync={fakeChannel().channel} subscribeToDeck={(next) => ((listener = next), () => undefined)} />,
    );
    const frame = () => instance.lastFrame() ?? '';
    const problem = new DeckError([{ file: 'slides.yaml', line: 3, column: 1, path: 'note', message: 'unknown key "note"' }]);
    listener?.({ kind: 'invalid', error: problem, text: 'title: x\nsections: []\nnote: 1\n' });
    await vi.waitFor(() => expect(frame()).toContain('e: details'));
    instance.stdin.write('e');
    await vi.waitFor(() => expect(frame()).toContain('1 problem in the deck'));

    listener?.({ kind: 'loaded', deck, version: 'v2' });
    await vi.waitFor(() => expect(frame()).toContain('No problems in the deck'));
    expect(frame()).toContain('The deck loads again');
    instance.stdin.write('\u001B');
    await vi.waitFor(() => expect(frame()).toContain('slide 1/'));
    expect(frame()).not.toContain('No problems in the deck');
    // Still presenting: a key moves the talk.
    instance.stdin.write('l');
    await vi.waitFor(() => expect(frame()).toContain('slide 2/'));
    instance.unmount();
  });
});
