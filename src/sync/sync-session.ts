import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, readdirSync, rmdirSync, unlinkSync } from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import type { Position } from '../navigation/deck-state.js';
import { decodeMessage, encodeMessage, lineSplitter, PROTOCOL_VERSION, positionOf, timerOf, type Message, type SharedTimer, type TimerMessage } from './protocol.js';
import { ensurePrivateDirectory } from './session-directory.js';
import { UNSTARTED_TIMER, type SyncChannel } from './sync-channel.js';

/** Owner read/write only, for each view's socket. */
const SOCKET_MODE = 0o600;
/** How long a joining view waits for its peers to say where the talk is, in milliseconds. */
export const DEFAULT_JOIN_TIMEOUT_MS = 300;

export interface SyncSessionOptions {
  /** Directory of the session's sockets (see `sessionDirectory`); it must be private (0700). */
  readonly directory: string;
  /** Identity of the deck (its absolute path, or `session:<name>`); messages about another deck are ignored. */
  readonly deck: string;
  /** Version of the deck (see `deckVersion`); views sync only while they show the same. */
  readonly version: string;
  /** Position to start from when no other view is running. */
  readonly position: Position;
  /** Most time to wait for peers' answers when joining, in milliseconds. */
  readonly joinTimeoutMs?: number;
  /** Whether this view reloads the deck when its file is saved; `true` by default. */
  readonly reloads?: boolean;
}

/** A value with the Lamport stamp of the message that set it. */
interface Stamped<T> {
  readonly value: T;
  readonly clock: number;
  readonly from: string;
}

/**
 * Keeps the position of every view of one deck, and the talk's timer, in sync over Unix domain
 * sockets; no network port is opened.
 *
 * Each view listens on its own socket (`<pid>-<random>.sock`, mode 0600) in the session
 * directory and, when it joins, connects to every socket already there, so the views form a
 * full mesh with no server to lose: any view may quit or crash while the others carry on. A
 * socket that refuses connections was left by a crashed view; it is deleted. A joining view
 * says hello and adopts the newest position its peers report (Lamport clock, ties broken by
 * view id), so a view started late shows the current slide on its first frame.
 *
 * Messages are newline-delimited JSON, validated on receipt; anything malformed, too long, of
 * another version or about another deck is ignored, and never throws.
 */
export class SyncSession implements SyncChannel {
  /** This view's id, unique per process start. */
  readonly id = `${process.pid}-${randomBytes(4).toString('hex')}`;
  private readonly deck: string;
  private readonly reloads: boolean;
  private version: string;
  private readonly socketPath: string;
  private readonly server: net.Server;
  private readonly peers = new Set<net.Socket>();
  private readonly listeners = new Set<(position: Position) => void>();
  private readonly timerListeners = new Set<(timer: SharedTimer) => void>();
  private readonly mismatchListeners = new Set<(isMismatched: boolean) => void>();
  /**
   * Connections whose view reloads the deck and last spoke of another version of it. A connection, not a
   * message's `from`, says who spoke: `from` names the view that made the move, and a view
   * passes on moves of others (in its answers to a joining view, and after a reload).
   */
  private readonly peersOnOtherVersions = new Set<net.Socket>();
  private current: Stamped<Position>;
  private currentTimer: Stamped<SharedTimer>;
  /**
   * Highest position clock seen from any view of this deck file, whatever its version (Lamport's
   * rule: a clock never falls behind one it has heard of). Moves made on another version are not
   * followed, but they count, so this view's next move is newer than all of them when the views
   * are on one version again.
   */
  private highestClock = 0;
  private isClosed = false;
  private readonly pendingAnswers = new Set<net.Socket>();
  private onAllAnswered: (() => void) | undefined;

  private constructor(options: SyncSessionOptions) {
    this.deck = options.deck;
    this.reloads = options.reloads ?? true;
    this.version = options.version;
    this.socketPath = path.join(options.directory, `${this.id}.sock`);
    this.current = { value: options.position, clock: 0, from: this.id };
    this.currentTimer = { value: UNSTARTED_TIMER, clock: 0, from: this.id };
    this.server = net.createServer((socket) => this.adopt(socket));
    this.server.on('error', () => undefined);
  }

  /**
   * Joins the session in `options.directory`: listens, connects to every view already there and
   * waits (at most `joinTimeoutMs`) for their positions.
   *
   * @throws {Error} If this view's socket cannot be created.
   */
  static async join(options: SyncSessionOptions): Promise<SyncSession> {
    const session = new SyncSession(options);
    await session.listen();
    await session.connectToPeers(options.directory, options.joinTimeoutMs ?? DEFAULT_JOIN_TIMEOUT_MS);
    return session;
  }

  /** The position the session agrees on: this view's own, or a newer one from a peer. */
  get position(): Position {
    return this.current.value;
  }

  /** The timer the session agrees on; {@link UNSTARTED_TIMER} until a view sets one. */
  get timer(): SharedTimer {
    return this.currentTimer.value;
  }

  /**
   * The Lamport clock of the newest move made in any view of this deck, on any version (this
   * view's own included): it grows with every move, so a view can tell whether anyone moved
   * since it last looked.
   */
  get latestMoveClock(): number {
    return this.highestClock;
  }

  /** Number of other views connected now. */
  get peerCount(): number {
    return this.peers.size;
  }

  /** Tells every other view that this one moved to `position`; does nothing if it is unchanged. */
  publish(position: Position): void {
    if (this.isClosed || samePosition(position, this.current.value)) return;
    this.moveTo(position);
    this.broadcast(this.positionMessage());
  }

  /** Tells every other view the timer was started, paused or reset; does nothing if it is unchanged. */
  publishTimer(timer: SharedTimer): void {
    if (this.isClosed || sameTimer(timer, this.currentTimer.value)) return;
    this.currentTimer = { value: timer, clock: this.currentTimer.clock + 1, from: this.id };
    this.broadcast(this.timerMessage());
  }

  /** Calls `listener` with each timer another view sets. Returns an unsubscribe function. */
  onTimer(listener: (timer: SharedTimer) => void): () => void {
    this.timerListeners.add(listener);
    return () => this.timerListeners.delete(listener);
  }

  /** Calls `listener` with each position another view moves to. Returns an unsubscribe function. */
  onPosition(listener: (position: Position) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /**
   * Calls `listener` with `true` when a view of the same deck file that reloads it on every save
   * speaks about another version of it (it reloaded a change this view has not), so its moves
   * are no longer followed, and with `false` once every such view is back on this version or
   * gone. Views that do not reload are left out: being on another version than those says
   * nothing of the file. Returns an unsubscribe function.
   */
  onVersionMismatch(listener: (isMismatched: boolean) => void): () => void {
    this.mismatchListeners.add(listener);
    return () => this.mismatchListeners.delete(listener);
  }

  /** Whether a reloading view of the same deck file was last heard on another version (see `onVersionMismatch`). */
  get isVersionMismatched(): boolean {
    return this.peersOnOtherVersions.size > 0;
  }

  /**
   * Switches to another version of the deck (it was reloaded) at `position`, where the reload
   * moved this view. Every view that reloads moves the same way, so this is no move to publish:
   * the position keeps its Lamport stamp, and a view that joins later is told the new position.
   * The others are told of the new version with that same stamp, so views still on the old one
   * learn they no longer match, and views already on the new one that they match again. Until
   * the others reload the same deck, positions about either version are ignored on the other
   * side, since slide numbers of two versions need not match; the timer is shared whatever the
   * version. With `isMove`, the position is a move of this view's (a reload that went back to a
   * slide an earlier reload took away, which a view started in between knows nothing of): it
   * gets a new stamp, so the other views on this version follow it.
   */
  setVersion(version: string, position: Position, isMove = false): void {
    this.version = version;
    if (isMove) this.moveTo(position);
    else this.current = { ...this.current, value: position };
    // What the others were on is no longer known to differ; their messages tell.
    this.updatingMismatch(() => this.peersOnOtherVersions.clear());
    if (!this.isClosed) this.broadcast(this.positionMessage());
  }

  /**
   * Leaves the session: closes every connection and removes this view's socket, and the
   * session's directory when it was the last view in it, so no empty directory is left per deck.
   */
  close(): void {
    if (this.isClosed) return;
    this.isClosed = true;
    for (const peer of this.peers) peer.destroy();
    this.peers.clear();
    this.server.close();
    try {
      unlinkSync(this.socketPath);
    } catch {
      // Already gone; nothing to clean up.
    }
    try {
      rmdirSync(path.dirname(this.socketPath));
    } catch {
      // Other views' sockets are still there (ENOTEMPTY), or another view removed it first.
    }
  }

  /**
   * Listens on this view's socket. The last view to leave removes the session's directory
   * (`close`): one that left after this view made the directory and before it listened took
   * the directory away, so it is made again, private as `sessionDirectory` makes it.
   */
  private async listen(): Promise<void> {
    const directory = path.dirname(this.socketPath);
    try {
      await this.listenOnce();
    } catch (error) {
      // Node reports a missing directory as EACCES here, as it does a forbidden one; ask.
      if (existsSync(directory)) throw error;
      ensurePrivateDirectory(directory);
      await this.listenOnce();
    }
  }

  private listenOnce(): Promise<void> {
    return new Promise((resolve, reject) => {
      const onError = (error: Error) => reject(error);
      this.server.once('error', onError);
      this.server.listen(this.socketPath, () => {
        this.server.off('error', onError);
        chmodSync(this.socketPath, SOCKET_MODE);
        resolve();
      });
    });
  }

  private async connectToPeers(directory: string, timeoutMs: number): Promise<void> {
    const own = path.basename(this.socketPath);
    const names = readdirSync(directory).filter((name) => name.endsWith('.sock') && name !== own);
    const connected = await Promise.all(names.map((name) => this.connect(path.join(directory, name))));
    const sockets = connected.filter((socket): socket is net.Socket => socket !== undefined);
    if (sockets.length === 0) return;

    const answered = new Promise<void>((resolve) => {
      for (const socket of sockets) this.pendingAnswers.add(socket);
      this.onAllAnswered = resolve;
    });
    const hello: Message = { inkdeck: PROTOCOL_VERSION, type: 'hello', deck: this.deck, version: this.version, from: this.id, reloads: this.reloads };
    for (const socket of sockets) this.send(socket, hello);
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([answered, new Promise<void>((resolve) => (timer = setTimeout(resolve, timeoutMs)))]);
    clearTimeout(timer);
    this.pendingAnswers.clear();
    this.onAllAnswered = undefined;
  }

  /** Connects to a peer's socket; deletes it if nobody listens there any more (a crashed view). */
  private connect(socketPath: string): Promise<net.Socket | undefined> {
    return new Promise((resolve) => {
      const socket = net.createConnection(socketPath);
      socket.once('connect', () => {
        socket.removeAllListeners('error');
        this.adopt(socket);
        resolve(socket);
      });
      socket.once('error', (error: NodeJS.ErrnoException) => {
        if (error.code === 'ECONNREFUSED') {
          try {
            unlinkSync(socketPath);
          } catch {
            // Another view removed it first.
          }
        }
        resolve(undefined);
      });
    });
  }

  private adopt(socket: net.Socket): void {
    if (this.isClosed) {
      socket.destroy();
      return;
    }
    this.peers.add(socket);
    socket.setEncoding('utf8');
    const feed = lineSplitter((line) => this.receive(socket, line));
    socket.on('data', (chunk: string) => {
      if (!feed(chunk)) socket.destroy();
    });
    const drop = () => {
      this.peers.delete(socket);
      this.answered(socket);
      this.markPeerVersion(socket, false);
    };
    socket.on('error', drop);
    socket.on('close', drop);
  }

  private receive(socket: net.Socket, line: string): void {
    const message = decodeMessage(line);
    if (message === undefined || message.deck !== this.deck) return;
    const isSameVersion = message.version === this.version;
    const wasOnOtherVersion = this.peersOnOtherVersions.has(socket);
    this.markPeerVersion(socket, !isSameVersion && message.reloads);
    // A view that reloaded a change announces its new version, but only the others learn from
    // that that they differ; the first time a reloading peer is heard on another version, tell
    // it this view's, so both know (two files in one named session, one edited). The peer, now
    // knowing, does not answer again.
    if (!isSameVersion && message.reloads && !wasOnOtherVersion && message.type !== 'hello') this.send(socket, this.positionMessage());
    // Moves and timers this view made itself may come back from a peer passing them on; their
    // Lamport stamps are never newer than this view's own, so they change nothing below.
    if (message.type === 'hello') {
      // Answered whatever its version, so it need not wait for this view: the timer first, as
      // the joining view counts itself answered on the position.
      this.send(socket, this.timerMessage());
      this.send(socket, this.positionMessage());
      return;
    }
    // The talk's time does not depend on slide numbers: it is shared across versions.
    if (message.type === 'timer') {
      this.receiveTimer(message);
      return;
    }
    this.answered(socket);
    this.highestClock = Math.max(this.highestClock, message.clock);
    if (!isSameVersion) return;
    const incoming: Stamped<Position> = { value: positionOf(message), clock: message.clock, from: message.from };
    if (!isNewer(incoming, this.current)) {
      // The peer is a whole move behind (it missed moves made while the two were on different
      // versions): tell it the newer position, so both settle on it at once rather than at the
      // next move. Equal clocks (two views that have not moved) are no news to pass on.
      if (this.current.clock > incoming.clock) this.send(socket, this.positionMessage());
      return;
    }
    const hasMoved = !samePosition(incoming.value, this.current.value);
    this.current = incoming;
    if (hasMoved) for (const listener of this.listeners) listener(incoming.value);
  }

  private receiveTimer(message: TimerMessage): void {
    const incoming: Stamped<SharedTimer> = { value: timerOf(message), clock: message.clock, from: message.from };
    if (!isNewer(incoming, this.currentTimer)) return;
    const hasChanged = !sameTimer(incoming.value, this.currentTimer.value);
    this.currentTimer = incoming;
    if (hasChanged) for (const listener of this.timerListeners) listener(incoming.value);
  }

  /** Makes `position` a move of this view's: the next Lamport stamp, newer than any heard. */
  private moveTo(position: Position): void {
    this.highestClock = Math.max(this.highestClock, this.current.clock) + 1;
    this.current = { value: position, clock: this.highestClock, from: this.id };
  }

  /** Records whether the view on `socket` was last heard on another version of the deck. */
  private markPeerVersion(socket: net.Socket, isOnOtherVersion: boolean): void {
    this.updatingMismatch(() => (isOnOtherVersion ? this.peersOnOtherVersions.add(socket) : this.peersOnOtherVersions.delete(socket)));
  }

  /** Runs `change` on the set of views on other versions and tells listeners if that flips. */
  private updatingMismatch(change: () => unknown): void {
    const wasMismatched = this.isVersionMismatched;
    change();
    if (this.isVersionMismatched !== wasMismatched) for (const listener of this.mismatchListeners) listener(this.isVersionMismatched);
  }

  private answered(socket: net.Socket): void {
    if (!this.pendingAnswers.delete(socket)) return;
    if (this.pendingAnswers.size === 0) this.onAllAnswered?.();
  }

  private positionMessage(): Message {
    const { value: position, clock, from } = this.current;
    return { inkdeck: PROTOCOL_VERSION, type: 'position', deck: this.deck, version: this.version, from, reloads: this.reloads, clock, slide: position.slide, step: position.step };
  }

  private timerMessage(): Message {
    const { value: timer, clock, from } = this.currentTimer;
    return { inkdeck: PROTOCOL_VERSION, type: 'timer', deck: this.deck, version: this.version, from, reloads: this.reloads, clock, elapsedMs: timer.elapsedMs, runningSince: timer.runningSince };
  }

  private broadcast(message: Message): void {
    for (const peer of this.peers) this.send(peer, message);
  }

  private send(socket: net.Socket, message: Message): void {
    if (!socket.destroyed) socket.write(encodeMessage(message));
  }
}

function isNewer<T>(a: Stamped<T>, b: Stamped<T>): boolean {
  return a.clock > b.clock || (a.clock === b.clock && a.from > b.from);
}

function samePosition(a: Position, b: Position): boolean {
  return a.slide === b.slide && a.step === b.step;
}

function sameTimer(a: SharedTimer, b: SharedTimer): boolean {
  return a.elapsedMs === b.elapsedMs && a.runningSince === b.runningSince;
}
