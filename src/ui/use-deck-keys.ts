import { useInput, usePaste, useStdin } from 'ink';
import type { EventEmitter } from 'node:events';
import { useCallback, useEffect, useRef } from 'react';
import type { Action } from '../navigation/deck-state.js';
import {
  actionForKey,
  continueSequence,
  DEFAULT_KEY_MAP,
  type KeyMap,
  ESCAPE_DELAY_MS,
  keyNamesOf,
  NO_KEY_FLAGS,
  pendingSequenceOf,
  type KeyName,
  type PendingSequence,
  type View,
} from '../navigation/key-bindings.js';
import { useLatest } from './use-latest.js';

/**
 * What a key does while the search line is open, where keys are typing: a character is added to
 * the query, Backspace erases, Enter jumps, Esc cancels, ↑ ↓ (and Tab, Page Up/Down) move the
 * highlight; Ctrl-C still quits and Ctrl-Z suspends. Other keys do nothing.
 */
export function searchActionForKey(name: KeyName): Action | undefined {
  if (name === 'space') return { type: 'searchType', text: ' ' };
  if ([...name].length === 1) return { type: 'searchType', text: name };
  const moves: Readonly<Record<string, number>> = { up: -1, 'shift+tab': -1, down: 1, tab: 1, pageup: -5, pagedown: 5 };
  const by = moves[name];
  if (by !== undefined) return { type: 'searchMove', by, count: 0 };
  switch (name) {
    case 'backspace':
      return { type: 'searchErase' };
    // Ctrl-U erases the line, as in a shell (readline's unix-line-discard).
    case 'ctrl+u':
      return { type: 'searchErase', all: true };
    case 'enter':
      return { type: 'confirm' };
    case 'escape':
      return { type: 'back' };
    case 'ctrl+c':
      return { type: 'quit', status: 130 };
    case 'ctrl+z':
      return { type: 'suspend' };
    default:
      return undefined;
  }
}

/** How keys are read: as bound actions, or as typing (the search line). */
export type KeyMode = 'keys' | 'text';

/**
 * Turns key presses into actions through `keyMap` (the defaults unless a key file changed them)
 * in `view`, one per key; a key with no binding becomes `unboundKey` (it only closes the help).
 * In `text` mode (the search line) keys are typing instead (searchActionForKey). Terminal
 * reports are no keys and are ignored, and so is pasted text (Ink's usePaste) except in the
 * search line: a pasted URL with a `q` in it must not quit the talk. Ink collects a paste whose markers or text arrive in separate reads itself (tested
 * with each split), so the key layer sees no part of it.
 *
 * An escape sequence can arrive in parts (a slow link, a loaded machine): Ink then hands over a
 * lone Esc, or an unfinished `[1`, and the rest as text. So a lone Esc acts ESCAPE_DELAY_MS
 * (50 ms) after it is pressed, unless the rest of a sequence comes first, and the parts are put
 * together again: `ESC` then `[C` is Right, `[` then `6~` Page Down. Split, an arrow never quits
 * the talk and a sequence's digits never start a jump.
 */
export function useDeckKeys(
  view: View,
  onAction: (action: Action) => void,
  { keyMap = DEFAULT_KEY_MAP, mode = 'keys' }: { readonly keyMap?: KeyMap; readonly mode?: KeyMode } = {},
): void {
  const pending = useRef<{ readonly sequence: PendingSequence; readonly timer: ReturnType<typeof setTimeout> } | undefined>(undefined);
  // Ink subscribes again whenever the handler changes, which a new function each render would
  // do after every key; the handler stays the same and reads the latest arguments instead.
  const latest = useLatest({ view, onAction, keyMap, mode });
  const act = useCallback(
    (name: KeyName) => {
      const { current } = latest;
      if (current.mode === 'text') {
        const action = searchActionForKey(name);
        if (action !== undefined) current.onAction(action);
        return;
      }
      // A key with no binding still closes the help, as the help says any key does.
      current.onAction(actionForKey(name, current.view, current.keyMap) ?? { type: 'unboundKey' });
    },
    [latest],
  );
  // Ink hands a function key over as an empty input with no flag; the sequence it came as, which
  // Ink emits to its input listeners just before, names it (F5, Shift-F5 from a remote). Ink's
  // stdin context carries that emitter at run time, though its public type leaves it out.
  const { internal_eventEmitter: inputEvents } = useStdin() as ReturnType<typeof useStdin> & {
    readonly internal_eventEmitter?: EventEmitter;
  };
  const lastSequence = useRef<string | undefined>(undefined);
  useEffect(() => {
    if (inputEvents === undefined) return undefined;
    const remember = (data: string) => {
      lastSequence.current = data;
    };
    // First of the listeners, so it is set before useInput's handler runs.
    inputEvents.prependListener('input', remember);
    return () => {
      inputEvents.removeListener('input', remember);
    };
  }, [inputEvents]);
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
      for (const name of keyNamesOf(text, flags, lastSequence.current)) act(name);
    },
    [act, wait],
  );
  useEffect(() => () => clearTimeout(pending.current?.timer), []);
  useInput(handleInput);
  // With a paste listener, Ink 8 collects a bracketed paste, split markers included, and hands it
  // here instead of to useInput, where it would act as keys; without one it passes it on as typed
  // text. Pasted text does nothing in a talk.
  // Pasted into the search line, it is typed there, on one line.
  usePaste(
    useCallback(
      (text: string) => {
        if (latest.current.mode !== 'text') return;
        // eslint-disable-next-line no-control-regex -- control characters are what is removed.
        const typed = text.replace(/[\u0000-\u001F\u007F-\u009F]+/g, ' ');
        if (typed !== '') latest.current.onAction({ type: 'searchType', text: typed });
      },
      [latest],
    ),
  );
}
