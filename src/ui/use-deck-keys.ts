import { useInput } from 'ink';
import type { Action } from '../navigation/deck-state.js';
import { actionForKey, keyNameOf, type View } from '../navigation/key-bindings.js';

/** Turns key presses into actions through the key map of `view`; unknown keys are ignored. */
export function useDeckKeys(view: View, onAction: (action: Action) => void): void {
  useInput((input, key) => {
    const action = actionForKey(keyNameOf(input, key), view);
    if (action !== undefined) onAction(action);
  });
}
