import { useEffect, useRef, type Dispatch } from 'react';
import type { Action, DeckState } from '../navigation/deck-state.js';
import type { SyncChannel } from '../sync/sync-channel.js';
import { sameTalkPosition, type TalkPosition } from '../sync/protocol.js';

/**
 * How long a move from another view is on the screen before a key press counts as made at it,
 * in milliseconds. Nobody reacts to what they see faster than 100 ms: athletics counts a start
 * within 100 ms of the gun as a false start, a reaction to something else (World Athletics
 * Technical Rules, rule 16.6). A key pressed sooner was pressed at the slide shown before, so
 * two presenters pressing next at the same moment move the talk once (issue 16: 4 of 12 tries
 * moved it twice when the other view's move was drawn first).
 */
export const SEEN_AFTER_MS = 100;

/**
 * Keeps this view's position and the other views' in step, with where the talk was before its
 * last jump (so the jump-back key works in any view) and, from a presenter view, the talk time
 * it reached the slide at (`arrivedAtMs`, so one started again counts the slide's time left
 * from there): local moves are published, moves
 * from other views are applied with a `sync` action. A position that came from another view is
 * not published back, so two views never echo a move between them, and neither is a move
 * caused by reloading the deck (`version` changed).
 */
export function usePositionSync(
  channel: SyncChannel,
  state: DeckState,
  dispatch: Dispatch<Action>,
  version: string,
  arrivedAtMs?: number,
): void {
  // Read when a move is published, not a reason to publish: it changes with the slide.
  const arrival = useRef(arrivedAtMs);
  arrival.current = arrivedAtMs;
  const shared = useRef<TalkPosition>(channel.position);
  const sharedVersion = useRef(version);

  useEffect(() => {
    const adopt = (position: TalkPosition) => {
      shared.current = position;
      dispatch({ type: 'sync', position, jumpedFrom: position.back ?? null });
    };
    const unsubscribe = channel.onPosition(adopt);
    // A move that arrived between joining and this subscription must not be lost.
    if (!sameTalkPosition(channel.position, shared.current)) adopt(channel.position);
    return unsubscribe;
  }, [channel, dispatch]);

  // A move from another view is drawn by the time effects run (the app draws up to 1000 frames a
  // second), but a key pressed within a human reaction time of it was not pressed at it: from
  // SEEN_AFTER_MS on, a key moves from it.
  const isSeen = state.seenSlide === state.slide && state.seenStep === state.step;
  // After the poll phase of the loop the timer fires in: timers run before input is read, so a
  // starved process (a CI run under load) took a key pressed in time for one pressed after the
  // move was seen, and moved the talk twice. Keys already in stdin are read first this way.
  useEffect(() => {
    if (isSeen) return undefined;
    let immediate: NodeJS.Immediate | undefined;
    const timer = setTimeout(() => {
      immediate = setImmediate(() => dispatch({ type: 'shown' }));
    }, SEEN_AFTER_MS);
    return () => {
      clearTimeout(timer);
      if (immediate !== undefined) clearImmediate(immediate);
    };
  }, [isSeen, state.slide, state.step, dispatch]);

  useEffect(() => {
    const position: TalkPosition = {
      slide: state.slide,
      step: state.step,
      ...(state.jumpedFrom === undefined ? {} : { back: state.jumpedFrom }),
      ...(arrival.current === undefined ? {} : { arrivedAtMs: arrival.current }),
    };
    if (version !== sharedVersion.current) {
      // A reload moved this view onto the new deck; every view that reloads moves the same way,
      // so this is not a move to tell the others about.
      sharedVersion.current = version;
      shared.current = position;
      return;
    }
    if (sameTalkPosition(position, shared.current)) return;
    shared.current = position;
    channel.publish(position);
  }, [channel, state.slide, state.step, state.jumpedFrom, version]);
}
