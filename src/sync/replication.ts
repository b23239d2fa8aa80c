import type { Blank, Position } from '../navigation/deck-state.js';
import type { View } from '../navigation/key-bindings.js';
import {
  PROTOCOL_VERSION,
  positionOf,
  sameTalkPosition,
  timerOf,
  type TalkPosition,
  type BlankMessage,
  type Message,
  type PositionMessage,
  type SharedTimer,
  type TimerMessage,
} from './protocol.js';
import { UNSTARTED_TIMER } from './sync-channel.js';

/** One connection to another view, numbered by the transport. */
export type PeerId = number;

/** A value with the Lamport stamp of the message that set it: its clock and the view that set it. */
export interface Stamped<T> {
  readonly value: T;
  readonly clock: number;
  readonly from: string;
}

/** What one view knows of its session. */
export interface Replica {
  /** This view's id (see `SyncSession.id`); it breaks ties between equal clocks. */
  readonly id: string;
  /** The deck (its absolute path, or `session:<name>`); messages about another deck are ignored. */
  readonly deck: string;
  /** The version of the deck this view shows (see `deckVersion`); positions sync only within one. */
  readonly version: string;
  /** Whether this view reloads the deck when its file is saved. */
  readonly reloads: boolean;
  /** The kind of this view. */
  readonly view: View;
  /** The position the session agrees on, and where the talk was before its last jump. */
  readonly position: Stamped<TalkPosition>;
  /** The talk's timer the session agrees on; its clock counts timer changes only. */
  readonly timer: Stamped<SharedTimer>;
  /** Whether the audience views are blanked, as the session agrees; its clock counts blank changes only. */
  readonly blank: Stamped<Blank>;
  /** Connections whose view is a presenter view (see isPresenterConnected). */
  readonly presenterPeers: ReadonlySet<PeerId>;
  /**
   * The version each connected view that does not reload the deck (`--no-watch`) was last heard
   * on: one on another version than this view's stopped following (see hasStaleViews).
   */
  readonly staticPeerVersions: ReadonlyMap<PeerId, string>;
  /**
   * Highest position clock seen from any view of this deck, whatever its version (Lamport's
   * rule: a clock never falls behind one it has heard of). Moves made on another version are not
   * followed, but they count, so this view's next move is newer than all of them when the views
   * are on one version again.
   */
  readonly highestClock: number;
  /**
   * Connections whose view reloads the deck and last spoke of another version of it. A
   * connection, not a message's `from`, says who spoke: `from` names the view that made the move,
   * and a view passes on moves of others (in its answers to a joining view, and after a reload).
   */
  readonly peersOnOtherVersions: ReadonlySet<PeerId>;
  /** Connections a joining view said hello to and that have not yet told it their position. */
  readonly awaitingAnswers: ReadonlySet<PeerId>;
}

/** What a view starts from before it hears of any other. */
export interface ReplicaOptions {
  readonly id: string;
  readonly deck: string;
  readonly version: string;
  readonly reloads: boolean;
  /** The kind of this view; `audience` when not given. */
  readonly view?: View;
  /** Position to start from when no other view is running. */
  readonly position: Position;
}

/** Something that happened to a view: one of its own changes, or something on a connection. */
export type ReplicationEvent =
  /** This view moved. */
  | { readonly type: 'publish'; readonly position: TalkPosition }
  /** This view started, paused or reset the timer. */
  | { readonly type: 'publishTimer'; readonly timer: SharedTimer }
  /** This view blanked the audience views, or brought them back. */
  | { readonly type: 'publishBlank'; readonly blank: Blank }
  /**
   * This view reloaded the deck and now shows `version`, at `position`. Every view that reloads
   * moves the same way, so this is no move: the position keeps its stamp, and a view that joins
   * later is told the new position. The others are told of the new version with that same stamp,
   * so views still on the old one learn they no longer match, and views already on the new one
   * that they match again. Until the others reload the same deck, positions about either version
   * are ignored on the other side, since slide numbers of two versions need not match; the timer
   * is shared whatever the version. With `isMove`, the position is a move of this view's (a
   * reload that went back to a slide an earlier reload took away, which a view started in
   * between knows nothing of): it gets a new stamp, so the other views on this version follow it.
   */
  | { readonly type: 'setVersion'; readonly version: string; readonly position: Position; readonly isMove: boolean }
  /** This view joined a session and is connected to `peers`, the views already in it. */
  | { readonly type: 'join'; readonly peers: readonly PeerId[] }
  /** This view stopped waiting for its peers' answers (all came, or it gave up). */
  | { readonly type: 'joinEnded' }
  /** A valid message arrived on a connection. */
  | { readonly type: 'receive'; readonly peer: PeerId; readonly message: Message }
  /** A connection closed. */
  | { readonly type: 'drop'; readonly peer: PeerId };

/** What the transport must do after an event, in order. */
export type Effect =
  /** Send `message` on one connection. */
  | { readonly type: 'send'; readonly to: PeerId; readonly message: Message }
  /** Send `message` on every connection. */
  | { readonly type: 'broadcast'; readonly message: Message }
  /** Another view moved the talk to `position`. */
  | { readonly type: 'position'; readonly position: TalkPosition }
  /** Another view set the timer. */
  | { readonly type: 'timer'; readonly timer: SharedTimer }
  /** Another view blanked the audience views, or brought them back. */
  | { readonly type: 'blank'; readonly blank: Blank }
  /** Whether a presenter view is connected flipped (see {@link isPresenterConnected}). */
  | { readonly type: 'presenterConnected'; readonly isConnected: boolean }
  /** Whether a view that does not reload is on another version flipped (see {@link hasStaleViews}). */
  | { readonly type: 'staleViews'; readonly hasStale: boolean }
  /** Whether a reloading view is on another version flipped (see {@link isVersionMismatched}). */
  | { readonly type: 'versionMismatch'; readonly isMismatched: boolean }
  /** Every peer a joining view said hello to has answered. */
  | { readonly type: 'joined' };

/** The state after an event, and what to do about it; `state` is the same object when nothing changed. */
export interface Transition {
  readonly state: Replica;
  readonly effects: readonly Effect[];
}

const NO_EFFECTS: readonly Effect[] = Object.freeze([]);
const NO_PEERS: ReadonlySet<PeerId> = new Set();
const NO_VERSIONS: ReadonlyMap<PeerId, string> = new Map();

/** The state of a view that has heard of no other: its own position and an unstarted timer, at clock 0. */
export function initialReplica(options: ReplicaOptions): Replica {
  const { id, deck, version, reloads, position, view = 'audience' } = options;
  return {
    id,
    deck,
    version,
    reloads,
    view,
    position: { value: position, clock: 0, from: id },
    timer: { value: UNSTARTED_TIMER, clock: 0, from: id },
    blank: { value: 'none', clock: 0, from: id },
    presenterPeers: NO_PEERS,
    staticPeerVersions: NO_VERSIONS,
    highestClock: 0,
    peersOnOtherVersions: NO_PEERS,
    awaitingAnswers: NO_PEERS,
  };
}

/**
 * Whether a view that reloads the same deck was last heard on another version of it (it reloaded
 * a change this view has not, or this view one it has not), so positions are not followed
 * between them. Views that do not reload are left out: being on another version than those says
 * nothing of the file.
 */
export function isVersionMismatched(state: Replica): boolean {
  return state.peersOnOtherVersions.size > 0;
}

/**
 * Whether a presenter view of this deck is connected: the audience views then leave the banners
 * of a broken save and of views that stopped following to it, since the audience should not see
 * an editing mistake (issue 18).
 */
export function isPresenterConnected(state: Replica): boolean {
  return state.presenterPeers.size > 0;
}

/**
 * Whether a connected view that does not reload the deck (`--no-watch`) shows another version
 * of it, and so stopped following the talk. That view says so itself, in its notice row; while
 * a presenter view is connected an audience view leaves that row to the presenter view, which
 * says it from this (issue 18).
 */
export function hasStaleViews(state: Replica): boolean {
  for (const version of state.staticPeerVersions.values()) if (version !== state.version) return true;
  return false;
}

/**
 * The replication rules of a sync session, as a pure function: what one of this view's own
 * changes, or something on a connection, does to what the view knows of the session, and what
 * the transport must send and report in turn (`SyncSession` carries the bytes). Never throws.
 *
 * Positions and the timer are each ordered by a Lamport clock (Lamport, "Time, Clocks, and the
 * Ordering of Events in a Distributed System", 1978): a value replaces the current one only if
 * its `(clock, from)` pair is greater, so every view settles on the same value whatever order
 * messages arrive in. A joining view says hello and every peer answers with the timer and the
 * position, whatever version of the deck it shows, so a view started late shows the current
 * slide on its first frame.
 */
export function replicate(state: Replica, event: ReplicationEvent): Transition {
  const effects: Effect[] = [];
  const next = apply(state, event, effects);
  // Flips with a peer's message, its leaving, or this view's own reload: said once, after the rest.
  if (next !== state && hasStaleViews(next) !== hasStaleViews(state)) effects.push({ type: 'staleViews', hasStale: hasStaleViews(next) });
  return { state: next, effects: effects.length === 0 ? NO_EFFECTS : effects };
}

/** {@link replicate}, appending to `effects` in the order they must happen. */
function apply(state: Replica, event: ReplicationEvent, effects: Effect[]): Replica {
  switch (event.type) {
    case 'publish': {
      if (sameTalkPosition(event.position, state.position.value)) return state;
      const moved = moveTo(state, event.position);
      effects.push({ type: 'broadcast', message: positionMessage(moved) });
      return moved;
    }
    case 'publishTimer': {
      if (sameTimer(event.timer, state.timer.value)) return state;
      const next = { ...state, timer: { value: event.timer, clock: state.timer.clock + 1, from: state.id } };
      effects.push({ type: 'broadcast', message: timerMessage(next) });
      return next;
    }
    case 'publishBlank': {
      if (event.blank === state.blank.value) return state;
      const next = { ...state, blank: { value: event.blank, clock: state.blank.clock + 1, from: state.id } };
      effects.push({ type: 'broadcast', message: blankMessage(next) });
      return next;
    }
    case 'setVersion': {
      const reloaded = { ...state, version: event.version };
      const placed = event.isMove
        ? moveTo(reloaded, event.position)
        : { ...reloaded, position: { ...reloaded.position, value: event.position } };
      // What the others were on is no longer known to differ; their messages tell.
      const next = withPeersOnOtherVersions(placed, NO_PEERS, effects);
      effects.push({ type: 'broadcast', message: positionMessage(next) });
      return next;
    }
    case 'join': {
      if (event.peers.length === 0) {
        effects.push({ type: 'joined' });
        return state;
      }
      const hello: Message = { ...envelope(state, state.id), type: 'hello' };
      for (const peer of event.peers) effects.push({ type: 'send', to: peer, message: hello });
      return { ...state, awaitingAnswers: new Set(event.peers) };
    }
    case 'joinEnded':
      return state.awaitingAnswers.size === 0 ? state : { ...state, awaitingAnswers: NO_PEERS };
    case 'receive':
      return receive(state, event.peer, event.message, effects);
    case 'drop':
      return withStaticPeerVersion(
        markPeerView(markPeerVersion(answered(state, event.peer, effects), event.peer, false, effects), event.peer, false, effects),
        event.peer,
        undefined,
      );
  }
}

function receive(state: Replica, peer: PeerId, message: Message, effects: Effect[]): Replica {
  if (message.deck !== state.deck) return state;
  const isSameVersion = message.version === state.version;
  const wasOnOtherVersion = state.peersOnOtherVersions.has(peer);
  let next = markPeerView(
    markPeerVersion(state, peer, !isSameVersion && message.reloads, effects),
    peer,
    message.view === 'presenter',
    effects,
  );
  next = withStaticPeerVersion(next, peer, message.reloads ? undefined : message.version);
  // A view that reloaded a change announces its new version, but only the others learn from
  // that that they differ; the first time a reloading peer is heard on another version, tell
  // it this view's, so both know (two files in one named session, one edited). The peer, now
  // knowing, does not answer again.
  if (!isSameVersion && message.reloads && !wasOnOtherVersion && message.type !== 'hello') {
    effects.push({ type: 'send', to: peer, message: positionMessage(next) });
  }
  // Moves and timers this view made itself may come back from a peer passing them on; their
  // Lamport stamps are never newer than this view's own, so they change nothing below.
  if (message.type === 'hello') {
    // Answered whatever its version, so it need not wait for this view: the timer first, as
    // the joining view counts itself answered on the position.
    effects.push(
      { type: 'send', to: peer, message: timerMessage(next) },
      { type: 'send', to: peer, message: blankMessage(next) },
      { type: 'send', to: peer, message: positionMessage(next) },
    );
    return next;
  }
  // The talk's time, and a blanked screen, do not depend on slide numbers: shared across versions.
  if (message.type === 'timer') return receiveTimer(next, message, effects);
  if (message.type === 'blank') return receiveBlank(next, message, effects);
  next = answered(next, peer, effects);
  if (message.clock > next.highestClock) next = { ...next, highestClock: message.clock };
  if (!isSameVersion) return next;
  return receivePosition(next, peer, message, effects);
}

function receivePosition(state: Replica, peer: PeerId, message: PositionMessage, effects: Effect[]): Replica {
  const incoming: Stamped<TalkPosition> = { value: positionOf(message), clock: message.clock, from: message.from };
  if (!isNewer(incoming, state.position)) {
    // The peer is a whole move behind (it missed moves made while the two were on different
    // versions): tell it the newer position, so both settle on it at once rather than at the
    // next move. Equal clocks (two views that have not moved) are no news to pass on.
    if (state.position.clock > incoming.clock) effects.push({ type: 'send', to: peer, message: positionMessage(state) });
    return state;
  }
  if (!sameTalkPosition(incoming.value, state.position.value)) effects.push({ type: 'position', position: incoming.value });
  return { ...state, position: incoming };
}

function receiveTimer(state: Replica, message: TimerMessage, effects: Effect[]): Replica {
  const incoming: Stamped<SharedTimer> = { value: timerOf(message), clock: message.clock, from: message.from };
  if (!isNewer(incoming, state.timer)) return state;
  if (!sameTimer(incoming.value, state.timer.value)) effects.push({ type: 'timer', timer: incoming.value });
  return { ...state, timer: incoming };
}

function receiveBlank(state: Replica, message: BlankMessage, effects: Effect[]): Replica {
  const incoming: Stamped<Blank> = { value: message.blank, clock: message.clock, from: message.from };
  if (!isNewer(incoming, state.blank)) return state;
  if (incoming.value !== state.blank.value) effects.push({ type: 'blank', blank: incoming.value });
  return { ...state, blank: incoming };
}

/** Records whether the view on `peer` is a presenter view, and reports it if that flips isPresenterConnected. */
function markPeerView(state: Replica, peer: PeerId, isPresenter: boolean, effects: Effect[]): Replica {
  const peers = withMembership(state.presenterPeers, peer, isPresenter);
  if (peers === state.presenterPeers) return state;
  const next = { ...state, presenterPeers: peers };
  if (isPresenterConnected(next) !== isPresenterConnected(state)) {
    effects.push({ type: 'presenterConnected', isConnected: isPresenterConnected(next) });
  }
  return next;
}

/** Records the version the view on `peer` was last heard on, when it does not reload (`undefined`: it reloads, or left). */
function withStaticPeerVersion(state: Replica, peer: PeerId, version: string | undefined): Replica {
  if (state.staticPeerVersions.get(peer) === version) return state;
  const versions = new Map(state.staticPeerVersions);
  if (version === undefined) versions.delete(peer);
  else versions.set(peer, version);
  return { ...state, staticPeerVersions: versions };
}

/** `peers` with `peer` in it or not, as `isIn` says: the very same set when that is so already. */
function withMembership(peers: ReadonlySet<PeerId>, peer: PeerId, isIn: boolean): ReadonlySet<PeerId> {
  if (peers.has(peer) === isIn) return peers;
  const next = new Set(peers);
  if (isIn) next.add(peer);
  else next.delete(peer);
  return next;
}

/** Makes `position` a move of this view's: the next Lamport stamp, newer than any heard. */
function moveTo(state: Replica, position: TalkPosition): Replica {
  const clock = Math.max(state.highestClock, state.position.clock) + 1;
  return { ...state, highestClock: clock, position: { value: position, clock, from: state.id } };
}

/** Counts `peer` as having answered a joining view; the last answer ends the wait. */
function answered(state: Replica, peer: PeerId, effects: Effect[]): Replica {
  if (!state.awaitingAnswers.has(peer)) return state;
  const awaiting = new Set(state.awaitingAnswers);
  awaiting.delete(peer);
  if (awaiting.size === 0) effects.push({ type: 'joined' });
  return { ...state, awaitingAnswers: awaiting };
}

/** Records whether the view on `peer` was last heard on another version of the deck. */
function markPeerVersion(state: Replica, peer: PeerId, isOnOtherVersion: boolean, effects: Effect[]): Replica {
  const peers = withMembership(state.peersOnOtherVersions, peer, isOnOtherVersion);
  return peers === state.peersOnOtherVersions ? state : withPeersOnOtherVersions(state, peers, effects);
}

/** Replaces the set of views on other versions, and reports it if that flips the mismatch. */
function withPeersOnOtherVersions(state: Replica, peers: ReadonlySet<PeerId>, effects: Effect[]): Replica {
  if (peers === state.peersOnOtherVersions) return state;
  const next = { ...state, peersOnOtherVersions: peers };
  if (isVersionMismatched(next) !== isVersionMismatched(state))
    effects.push({ type: 'versionMismatch', isMismatched: isVersionMismatched(next) });
  return next;
}

/** What every message of `state` starts with: the protocol, the deck and its version, and who set the value. */
function envelope(state: Replica, from: string) {
  return { inkdeck: PROTOCOL_VERSION, deck: state.deck, version: state.version, from, reloads: state.reloads, view: state.view } as const;
}

function blankMessage(state: Replica): Message {
  const { value: blank, clock, from } = state.blank;
  return { ...envelope(state, from), type: 'blank', clock, blank };
}

function positionMessage(state: Replica): Message {
  const { value: position, clock, from } = state.position;
  const back = position.back === undefined ? {} : { back: { slide: position.back.slide, step: position.back.step } };
  const arrived = position.arrivedAtMs === undefined ? {} : { arrivedAtMs: Math.round(position.arrivedAtMs) };
  return { ...envelope(state, from), type: 'position', clock, slide: position.slide, step: position.step, ...back, ...arrived };
}

function timerMessage(state: Replica): Message {
  const { value: timer, clock, from } = state.timer;
  return { ...envelope(state, from), type: 'timer', clock, elapsedMs: timer.elapsedMs, runningSince: timer.runningSince };
}

function isNewer<T>(a: Stamped<T>, b: Stamped<T>): boolean {
  return a.clock > b.clock || (a.clock === b.clock && a.from > b.from);
}

function sameTimer(a: SharedTimer, b: SharedTimer): boolean {
  return a.elapsedMs === b.elapsedMs && a.runningSince === b.runningSince;
}
