import { useInput } from 'ink';
import { useCallback, useEffect, useRef } from 'react';
import type { Action } from '../navigation/deck-state.js';
import { actionForKey, ESCAPE_DELAY_MS, keyNamesOf, PASTE_END, PASTE_START, sequenceTailOf, type KeyName, type View } from '../navigation/key-bindings.js';
import { useLatest } from './use-latest.js';

/**
 * Turns key presses into actions through the key map of `view`, one per key; a key with no
 * binding becomes `unboundKey` (it only closes the help). Terminal reports are no keys and are
 * ignored, and so is everything between the bracketed-paste markers: a pasted URL with a `q`
 * in it must not quit the talk.
 *
 * Esc acts ESCAPE_DELAY_MS (50 ms) after it is pressed, unless the rest of an escape sequence
 * comes first: then the two are the one key they name (`ESC` then `[C` is Right), and an arrow
 * whose bytes were split on the way never quits the talk.
 */
export function useDeckKeys(view: View, onAction: (action: Action) => void): void {
  const isPasting = useRef(false);
  const pendingEscape = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  // Ink subscribes again whenever the handler changes, which a new function each render would
  // do after every key; the handler stays the same and reads the latest arguments instead.
  const latest = useLatest({ view, onAction });
  const act = useCallback((name: KeyName) => {
    // A key with no binding still closes the help, as the help says any key does.
    latest.current.onAction(actionForKey(name, latest.current.view) ?? { type: 'unboundKey' });
  }, [latest]);
  const handleInput = useCallback((input: string, key: Parameters<typeof keyNamesOf>[1]) => {
    if (pendingEscape.current !== undefined) {
      clearTimeout(pendingEscape.current);
      pendingEscape.current = undefined;
      const tail = sequenceTailOf(input);
      if (tail.isTail && input !== PASTE_START) {
        if (tail.key !== undefined) act(tail.key);
        return;
      }
      act('escape');
    }
    if (input === PASTE_START || input === PASTE_END) {
      isPasting.current = input === PASTE_START;
      return;
    }
    if (isPasting.current) return;
    const names = keyNamesOf(input, key);
    for (const [index, name] of names.entries()) {
      // Only an Esc that ends what was read can be the start of a sequence still on its way.
      if (name === 'escape' && index === names.length - 1) {
        pendingEscape.current = setTimeout(() => {
          pendingEscape.current = undefined;
          act('escape');
        }, ESCAPE_DELAY_MS);
        continue;
      }
      act(name);
    }
  }, [act]);
  useEffect(() => () => clearTimeout(pendingEscape.current), []);
  useInput(handleInput);
}
