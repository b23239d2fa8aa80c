import {
  closeSync,
  copyFileSync,
  mkdtempSync,
  openSync,
  readFileSync,
  renameSync,
  rmSync,
  truncateSync,
  writeFileSync,
  writeSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { parseDeck } from '../src/deck/load-deck.js';
import { deckVersion, watchDeck, type DeckUpdate } from '../src/deck/watch-deck.js';
import { SLIDES_YAML } from './helpers/paths.js';

const ORIGINAL = readFileSync(SLIDES_YAML, 'utf8');
const EDITED = ORIGINAL.replace('Signs of a warming partnership', 'Signs of a closer partnership');
const BROKEN = ORIGINAL.replace('        bullets:\n          - CICA', '        bullets: 7\n        oops:\n          - CICA');

let stop: (() => Promise<void>) | undefined;
afterEach(async () => {
  await stop?.();
  stop = undefined;
});

/** A temporary copy of the deck, watched; resolves updates as they come. */
async function watchedCopy(options: { debounceMs?: number; checkEveryMs?: number } = {}) {
  const directory = mkdtempSync(path.join(tmpdir(), 'inkdeck-watch-'));
  const file = path.join(directory, 'slides.yaml');
  copyFileSync(SLIDES_YAML, file);
  const updates: DeckUpdate[] = [];
  stop = watchDeck(file, (update) => updates.push(update), { initialText: ORIGINAL, ...options });
  // chokidar needs a moment to set up its watches before the first edit.
  await new Promise((resolve) => setTimeout(resolve, 200));
  const waitForUpdates = async (count: number, timeoutMs = 3_000) => {
    const deadline = Date.now() + timeoutMs;
    while (updates.length < count && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 10));
    // A little longer, to catch anything reported twice or late.
    await new Promise((resolve) => setTimeout(resolve, 300));
    return updates;
  };
  return { file, directory, updates, waitForUpdates };
}

const titlesOf = (update: DeckUpdate | undefined) => (update?.kind === 'loaded' ? update.deck.sections[0]?.slides[0]?.title : update?.kind);

describe('watchDeck follows every way editors save', () => {
  it('writing in place', async () => {
    const { file, waitForUpdates } = await watchedCopy();
    writeFileSync(file, EDITED);
    const updates = await waitForUpdates(1);
    expect(updates.map(titlesOf)).toEqual(['Signs of a closer partnership']);
  });

  it('a second save right after the first (format on save), for which chokidar gives no event', async () => {
    // chokidar drops a change less than 50 ms after the one before; with a 10 ms debounce the
    // second save lands in that window, and with the periodic check off only the look after
    // each event can find it.
    const { file, updates, waitForUpdates } = await watchedCopy({ debounceMs: 10, checkEveryMs: 600_000 });
    writeFileSync(file, EDITED);
    while (updates.length === 0) await new Promise((resolve) => setTimeout(resolve, 1));
    writeFileSync(file, EDITED.replace('Signs of a closer partnership', 'Formatted on save'));
    expect((await waitForUpdates(2)).map(titlesOf)).toEqual(['Signs of a closer partnership', 'Formatted on save']);
  });

  it('writing a temporary file and renaming it over (vim backupcopy=no, JetBrains safe write)', async () => {
    const { file, directory, waitForUpdates } = await watchedCopy();
    const temporary = path.join(directory, '.slides.yaml.tmp');
    writeFileSync(temporary, EDITED);
    renameSync(temporary, file);
    const updates = await waitForUpdates(1);
    expect(updates.map(titlesOf)).toEqual(['Signs of a closer partnership']);
  });

  it('truncating, then writing in pieces', async () => {
    const { file, waitForUpdates } = await watchedCopy();
    truncateSync(file, 0);
    await new Promise((resolve) => setTimeout(resolve, 15));
    const descriptor = openSync(file, 'w');
    writeSync(descriptor, EDITED.slice(0, 300));
    await new Promise((resolve) => setTimeout(resolve, 15));
    writeSync(descriptor, EDITED.slice(300));
    closeSync(descriptor);
    const updates = await waitForUpdates(1);
    // Neither the empty file nor the half-written one was ever reported.
    expect(updates.map(titlesOf)).toEqual(['Signs of a closer partnership']);
  });

  it('deleting, then creating', async () => {
    const { file, waitForUpdates } = await watchedCopy();
    rmSync(file);
    await new Promise((resolve) => setTimeout(resolve, 20));
    writeFileSync(file, EDITED);
    const updates = await waitForUpdates(1);
    expect(updates.map(titlesOf)).toEqual(['Signs of a closer partnership']);
  });

  it('reports an invalid save once it has settled, then the fix', async () => {
    const { file, waitForUpdates } = await watchedCopy();
    writeFileSync(file, BROKEN);
    const invalid = await waitForUpdates(1);
    expect(invalid).toHaveLength(1);
    const [update] = invalid;
    expect(update?.kind).toBe('invalid');
    if (update?.kind !== 'invalid') return;
    expect(update.error.diagnostics.map((diagnostic) => diagnostic.message)).toEqual([
      'expected a list of strings',
      'unknown key "oops"; expected one of: title, layout, bullets, columns, quote, by, statement, events, notes, reveal, duration, optional',
    ]);

    writeFileSync(file, EDITED);
    const both = await waitForUpdates(2);
    expect(both.map(titlesOf)).toEqual(['invalid', 'Signs of a closer partnership']);
  });

  it('reports nothing when the same text is saved again', async () => {
    const { file, waitForUpdates } = await watchedCopy();
    writeFileSync(file, ORIGINAL);
    expect(await waitForUpdates(1, 500)).toEqual([]);
  });
});

describe('watchDeck at start', () => {
  it('sees a save made before its watcher was ready', async () => {
    const directory = mkdtempSync(path.join(tmpdir(), 'inkdeck-watch-'));
    const file = path.join(directory, 'slides.yaml');
    copyFileSync(SLIDES_YAML, file);
    const updates: DeckUpdate[] = [];
    stop = watchDeck(file, (update) => updates.push(update), { initialText: ORIGINAL });
    writeFileSync(file, EDITED);
    const deadline = Date.now() + 3_000;
    while (updates.length === 0 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 10));
    expect(updates.map(titlesOf)).toEqual(['Signs of a closer partnership']);
  });
});

describe('deckVersion', () => {
  it('changes with the deck, not with comments or formatting of its YAML', () => {
    const text = readFileSync(SLIDES_YAML, 'utf8');
    const version = deckVersion(parseDeck(text, 'slides.yaml'));
    expect(version).toMatch(/^[0-9a-f]{16}$/);
    const reformatted = `# a comment at the top\n${text.replace(/^title: "(.*)"$/m, "title: '$1'")}\n# and one at the end\n`;
    expect(reformatted).toContain("title: 'Russia");
    expect(deckVersion(parseDeck(reformatted, 'slides.yaml'))).toBe(version);
    const retitled = text.replace(/^title: .*$/m, 'title: Another title');
    expect(deckVersion(parseDeck(retitled, 'slides.yaml'))).not.toBe(version);
  });
});
