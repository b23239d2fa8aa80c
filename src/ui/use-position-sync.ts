import { useEffect, useRef, type Dispatch } from 'react';
import type { Action, DeckState, Position } from '../navigation/deck-state.js';
import type { SyncChannel } from '../sync/sync-channel.js';

/**
 * Keeps this view's position and the other views' in step: local moves are published, moves
 * from other views are applied with a `sync` action. A position that came from another view is
 * not published back, so two views never echo a move between them, and neither is a move
 * caused by reloading the deck (`version` changed).
 */
export function usePositionSync(channel: SyncChannel, state: DeckState, dispatch: Dispatch<Action>, version: string): void {
  const shared = useRef<Position>(channel.position);
  const sharedVersion = useRef(version);

  useEffect(() => {
    const adopt = (position: Position) => {
      shared.current = position;
      dispatch({ type: 'sync', position });
    };
    const unsubscribe = channel.onPosition(adopt);
    // A move that arrived between joining and this subscription must not be lost.
    if (!samePosition(channel.position, shared.current)) adopt(channel.position);
    return unsubscribe;
  }, [channel, dispatch]);

  useEffect(() => {
    const position = { slide: state.slide, step: state.step };
    if (version !== sharedVersion.current) {
      // A reload moved this view onto the new deck; every view that reloads moves the same way,
      // so this is not a move to tell the others about.
      sharedVersion.current = version;
      shared.current = position;
      return;
    }
    if (samePosition(position, shared.current)) return;
    shared.current = position;
    channel.publish(position);
  }, [channel, state.slide, state.step, version]);
}

function samePosition(a: Position, b: Position): boolean {
  return a.slide === b.slide && a.step === b.step;
}
