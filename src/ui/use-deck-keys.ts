import { useInput } from 'ink';
import { useRef } from 'react';
import type { Action } from '../navigation/deck-state.js';
import { actionForKey, keyNamesOf, PASTE_END, PASTE_START, type View } from '../navigation/key-bindings.js';

/**
 * Turns key presses into actions through the key map of `view`, one per key; unknown keys are
 * ignored, and so is everything between the bracketed-paste markers: a pasted URL with a `q`
 * in it must not quit the talk.
 */
export function useDeckKeys(view: View, onAction: (action: Action) => void): void {
  const isPasting = useRef(false);
  useInput((input, key) => {
    if (input === PASTE_START || input === PASTE_END) {
      isPasting.current = input === PASTE_START;
      return;
    }
    if (isPasting.current) return;
    for (const name of keyNamesOf(input, key)) {
      const action = actionForKey(name, view);
      if (action !== undefined) onAction(action);
    }
  });
}
