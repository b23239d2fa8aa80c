import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DeckError } from '../src/deck/deck-error.js';
import { parseKeyFile } from '../src/keys/key-file.js';
import { keyTableMarkdown } from '../src/keys/key-table.js';
import { actionForKey, DEFAULT_KEY_MAP } from '../src/navigation/key-bindings.js';
import { ROOT } from './helpers/paths.js';

const readme = readFileSync(path.join(ROOT, 'README.md'), 'utf8');

/** The messages of key file `text`, as `present` and `inkdeck keys` print them. */
function messagesOf(text: string): string[] {
  try {
    parseKeyFile(text, 'keys.yaml');
    return [];
  } catch (error) {
    if (error instanceof DeckError) return error.message.split('\n');
    throw error;
  }
}

describe("the README's keys", () => {
  it('has the key table of the default bindings, as `inkdeck keys --format markdown` prints it', () => {
    expect(readme).toContain(keyTableMarkdown(DEFAULT_KEY_MAP));
  });

  it('has a key file example that loads and does what its comments say', () => {
    const example = /```yaml\n(# For your editor[\s\S]*?)```/.exec(readme)?.[1];
    expect(example).toBeDefined();
    const keyMap = parseKeyFile(example ?? '', 'keys.yaml');
    expect(actionForKey('x', 'audience', keyMap)).toEqual({ type: 'next' });
    expect(actionForKey('B', 'audience', keyMap)).toEqual({ type: 'blank', screen: 'black' });
    expect(actionForKey('Q', 'audience', keyMap)).toEqual({ type: 'quit' });
    expect(actionForKey('q', 'audience', keyMap)).toBeUndefined();
    expect(actionForKey('j', 'audience', keyMap)).toBeUndefined();
  });

  it('shows the messages inkdeck gives for the broken key files it names', () => {
    const shown = [...messagesOf('add:\n  next: [x, pgdn]\n  blnak: B\n'), ...messagesOf('add:\n  next: [x, n]\n')];
    expect(shown).toHaveLength(3);
    for (const message of shown) expect(readme).toContain(message);
  });
});
