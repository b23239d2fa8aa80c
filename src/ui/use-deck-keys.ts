import { useInput } from 'ink';
import type { Dispatch } from 'react';
import type { Action } from '../navigation/deck-state.js';
import { actionForKey, keyNameOf } from '../navigation/key-bindings.js';

/** Turns key presses into deck actions through the key map; unknown keys are ignored. */
export function useDeckKeys(dispatch: Dispatch<Action>): void {
  useInput((input, key) => {
    const action = actionForKey(keyNameOf(input, key));
    if (action !== undefined) dispatch(action);
  });
}
