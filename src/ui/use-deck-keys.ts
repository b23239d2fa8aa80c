import { useInput } from 'ink';
import type { Action } from '../navigation/deck-state.js';
import { actionForKey, keyNamesOf, type View } from '../navigation/key-bindings.js';

/** Turns key presses into actions through the key map of `view`, one per key; unknown keys are ignored. */
export function useDeckKeys(view: View, onAction: (action: Action) => void): void {
  useInput((input, key) => {
    for (const name of keyNamesOf(input, key)) {
      const action = actionForKey(name, view);
      if (action !== undefined) onAction(action);
    }
  });
}
