import type { Blank, Position } from '../navigation/deck-state.js';
import type { SharedTimer, TalkPosition } from './protocol.js';

/** The timer before anyone has started it. */
export const UNSTARTED_TIMER: SharedTimer = { elapsedMs: 0, runningSince: null };

/**
 * What a view needs of the other views of its session: the position and timer they agree on,
 * and ways to tell them of this view's moves. `SyncSession` implements it over sockets;
 * {@link NULL_CHANNEL} is a view on its own (`--no-sync`, or a session that could not be joined).
 */
export interface SyncChannel {
  /** The position the views agree on (this view's own, or a newer one from another view), with where the talk was before its last jump. */
  readonly position: TalkPosition;
  /** The talk's timer the views agree on; {@link UNSTARTED_TIMER} until a view sets one. */
  readonly timer: SharedTimer;
  /**
   * The Lamport clock of the newest move made in any view of this deck, on any version (this
   * view's own included): it grows with every move, so a view can tell whether anyone moved
   * since it last looked.
   */
  readonly latestMoveClock: number;
  /** Whether a reloading view of the same deck was last heard on another version (see `onVersionMismatch`). */
  readonly isVersionMismatched: boolean;
  /** Whether the audience views are blanked, as the views agree; `none` until a view blanks them. */
  readonly blank: Blank;
  /** Whether a presenter view of the deck is connected (see `onPresenterConnected`). */
  readonly isPresenterConnected: boolean;
  /** Whether a connected `--no-watch` view shows another version of the deck (see `onStaleViews`). */
  readonly hasStaleViews: boolean;
  /** Number of other views connected now. */
  readonly peerCount: number;
  /** Tells every other view that this one moved to `position`; does nothing if it is unchanged. */
  publish(position: TalkPosition): void;
  /** Tells every other view the timer was started, paused or reset; does nothing if it is unchanged. */
  publishTimer(timer: SharedTimer): void;
  /** Tells every other view the audience views are blanked, or not; does nothing if it is unchanged. */
  publishBlank(blank: Blank): void;
  /**
   * Switches to another version of the deck (it was reloaded) at `position`, where the reload
   * moved this view; with `isMove`, that position is a move of this view's that the others
   * follow (the rules are the `setVersion` event's in replication.ts).
   */
  setVersion(version: string, position: Position, isMove: boolean): void;
  /** Calls `listener` with each position another view moves to. Returns an unsubscribe function. */
  onPosition(listener: (position: TalkPosition) => void): () => void;
  /** Calls `listener` with each timer another view sets. Returns an unsubscribe function. */
  onTimer(listener: (timer: SharedTimer) => void): () => void;
  /** Calls `listener` with each blank another view sets. Returns an unsubscribe function. */
  onBlank(listener: (blank: Blank) => void): () => void;
  /**
   * Calls `listener` with `true` when a presenter view connects and no other was, and with
   * `false` once none is left. Returns an unsubscribe function.
   */
  onPresenterConnected(listener: (isConnected: boolean) => void): () => void;
  /**
   * Calls `listener` with `true` when a connected view that does not reload is heard on another
   * version of the deck (it stopped following), and `false` once none is. Returns an unsubscribe function.
   */
  onStaleViews(listener: (hasStale: boolean) => void): () => void;
  /**
   * Calls `listener` with `true` when a view that reloads the same deck speaks about another
   * version of it, and with `false` once no such view is left. Returns an unsubscribe function.
   */
  onVersionMismatch(listener: (isMismatched: boolean) => void): () => void;
  /** Leaves the session; calling it again does nothing. */
  close(): void;
}

const unsubscribed = () => undefined;

/**
 * A channel with no other views: nothing is sent and nothing ever arrives. Its position is the
 * first slide and its move clock stays 0, as a view without sync has always assumed.
 */
export const NULL_CHANNEL: SyncChannel = Object.freeze({
  position: Object.freeze({ slide: 0, step: 0 }),
  timer: UNSTARTED_TIMER,
  latestMoveClock: 0,
  isVersionMismatched: false,
  blank: 'none',
  isPresenterConnected: false,
  hasStaleViews: false,
  peerCount: 0,
  publish: () => undefined,
  publishTimer: () => undefined,
  publishBlank: () => undefined,
  onBlank: () => unsubscribed,
  onPresenterConnected: () => unsubscribed,
  onStaleViews: () => unsubscribed,
  setVersion: () => undefined,
  onPosition: () => unsubscribed,
  onTimer: () => unsubscribed,
  onVersionMismatch: () => unsubscribed,
  close: () => undefined,
});
