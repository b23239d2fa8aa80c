import { useInput, usePaste } from 'ink';
import { useCallback, useEffect, useRef } from 'react';
import type { Action } from '../navigation/deck-state.js';
import {
  actionForKey,
  continueSequence,
  ESCAPE_DELAY_MS,
  keyNamesOf,
  NO_KEY_FLAGS,
  pendingSequenceOf,
  type KeyName,
  type PendingSequence,
  type View,
} from '../navigation/key-bindings.js';
import { useLatest } from './use-latest.js';

function ignorePaste(): void {}

/**
 * Turns key presses into actions through the key map of `view`, one per key; a key with no
 * binding becomes `unboundKey` (it only closes the help). Terminal reports are no keys and are
 * ignored, and so is pasted text (Ink's usePaste): a pasted URL with a `q` in it must not quit
 * the talk. Ink collects a paste whose markers or text arrive in separate reads itself (tested
 * with each split), so the key layer sees no part of it.
 *
 * An escape sequence can arrive in parts (a slow link, a loaded machine): Ink then hands over a
 * lone Esc, or an unfinished `[1`, and the rest as text. So a lone Esc acts ESCAPE_DELAY_MS
 * (50 ms) after it is pressed, unless the rest of a sequence comes first, and the parts are put
 * together again: `ESC` then `[C` is Right, `[` then `6~` Page Down. Split, an arrow never quits
 * the talk and a sequence's digits never start a jump.
 */
export function useDeckKeys(view: View, onAction: (action: Action) => void): void {
  const pending = useRef<{ readonly sequence: PendingSequence; readonly timer: ReturnType<typeof setTimeout> } | undefined>(undefined);
  // Ink subscribes again whenever the handler changes, which a new function each render would
  // do after every key; the handler stays the same and reads the latest arguments instead.
  const latest = useLatest({ view, onAction });
  const act = useCallback(
    (name: KeyName) => {
      // A key with no binding still closes the help, as the help says any key does.
      latest.current.onAction(actionForKey(name, latest.current.view) ?? { type: 'unboundKey' });
    },
    [latest],
  );
  const wait = useCallback(
    (sequence: PendingSequence) => {
      const timer = setTimeout(() => {
        pending.current = undefined;
        // Nothing followed: a lone Esc was the Esc key; an unfinished sequence is dropped.
        if (sequence.isLoneEscape) act('escape');
      }, ESCAPE_DELAY_MS);
      pending.current = { sequence, timer };
    },
    [act],
  );
  const handleInput = useCallback(
    (input: string, key: Parameters<typeof keyNamesOf>[1]) => {
      let text = input;
      let flags = key;
      const waiting = pending.current;
      if (waiting !== undefined) {
        clearTimeout(waiting.timer);
        pending.current = undefined;
        const meaning = continueSequence(waiting.sequence, input);
        if (meaning.kind === 'pending') return wait(meaning.pending);
        if (meaning.kind === 'sequence') {
          if (meaning.key !== undefined) act(meaning.key);
          if (meaning.rest === '') return;
          text = meaning.rest;
          flags = NO_KEY_FLAGS;
        } else if (waiting.sequence.isLoneEscape) {
          act('escape');
        }
      }
      const sequence = pendingSequenceOf(text, flags);
      if (sequence !== undefined) return wait(sequence);
      for (const name of keyNamesOf(text, flags)) act(name);
    },
    [act, wait],
  );
  useEffect(() => () => clearTimeout(pending.current?.timer), []);
  useInput(handleInput);
  // With a paste listener, Ink 8 collects a bracketed paste, split markers included, and hands it
  // here instead of to useInput, where it would act as keys; without one it passes it on as typed
  // text. Pasted text does nothing in a talk.
  usePaste(ignorePaste);
}
