import { useInput } from 'ink';
import { useCallback, useRef } from 'react';
import type { Action } from '../navigation/deck-state.js';
import { actionForKey, keyNamesOf, PASTE_END, PASTE_START, type View } from '../navigation/key-bindings.js';
import { useLatest } from './use-latest.js';

/**
 * Turns key presses into actions through the key map of `view`, one per key; a key with no
 * binding becomes `unboundKey` (it only closes the help). Terminal reports are no keys and are
 * ignored, and so is everything between the bracketed-paste markers: a pasted URL with a `q`
 * in it must not quit the talk.
 */
export function useDeckKeys(view: View, onAction: (action: Action) => void): void {
  const isPasting = useRef(false);
  // Ink subscribes again whenever the handler changes, which a new function each render would
  // do after every key; the handler stays the same and reads the latest arguments instead.
  const latest = useLatest({ view, onAction });
  const handleInput = useCallback((input: string, key: Parameters<typeof keyNamesOf>[1]) => {
    if (input === PASTE_START || input === PASTE_END) {
      isPasting.current = input === PASTE_START;
      return;
    }
    if (isPasting.current) return;
    for (const name of keyNamesOf(input, key)) {
      // A key with no binding still closes the help, as the help says any key does.
      latest.current.onAction(actionForKey(name, latest.current.view) ?? { type: 'unboundKey' });
    }
  }, [latest]);
  useInput(handleInput);
}
