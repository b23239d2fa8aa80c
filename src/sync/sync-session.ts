import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, readdirSync, rmdirSync, unlinkSync } from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import type { Blank, Position } from '../navigation/deck-state.js';
import type { View } from '../navigation/key-bindings.js';
import { decodeMessage, encodeMessage, lineSplitter, type Message, type SharedTimer, type TalkPosition } from './protocol.js';
import {
  initialReplica,
  hasStaleViews,
  isPresenterConnected,
  isVersionMismatched,
  replicate,
  type Effect,
  type PeerId,
  type Replica,
  type ReplicationEvent,
} from './replication.js';
import { ensurePrivateDirectory } from './session-directory.js';
import type { SyncChannel } from './sync-channel.js';

/** Owner read/write only, for each view's socket. */
const SOCKET_MODE = 0o600;
/** How long a joining view waits for its peers to say where the talk is, in milliseconds. */
export const DEFAULT_JOIN_TIMEOUT_MS = 300;

/** Where and as what a view joins a session (see `SyncSession.join`). */
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
  /** The kind of this view, which the others learn from its messages; `audience` by default. */
  readonly view?: View;
}

/**
 * Keeps the position of every view of one deck, and the talk's timer, in sync over Unix domain
 * sockets; no network port is opened. This class is the transport: what each message means is
 * decided by `replicate` (replication.ts), and this class sends what it returns.
 *
 * Each view listens on its own socket (`<pid>-<random>.sock`, mode 0600) in the session
 * directory and, when it joins, connects to every socket already there, so the views form a
 * full mesh with no server to lose: any view may quit or crash while the others carry on. A
 * socket that refuses connections was left by a crashed view; it is deleted.
 *
 * Messages are newline-delimited JSON, validated on receipt; anything malformed, too long or of
 * another protocol version is ignored, and never throws.
 */
export class SyncSession implements SyncChannel {
  /** This view's id, unique per process start. */
  readonly id = `${process.pid}-${randomBytes(4).toString('hex')}`;
  private readonly socketPath: string;
  private readonly server: net.Server;
  private readonly peers = new Map<PeerId, net.Socket>();
  private nextPeer: PeerId = 0;
  private readonly listeners = new Listeners<TalkPosition>();
  private readonly timerListeners = new Listeners<SharedTimer>();
  private readonly mismatchListeners = new Listeners<boolean>();
  private readonly blankListeners = new Listeners<Blank>();
  private readonly presenterListeners = new Listeners<boolean>();
  private readonly staleListeners = new Listeners<boolean>();
  private replica: Replica;
  private isClosed = false;
  private onJoined: (() => void) | undefined;

  private constructor(options: SyncSessionOptions) {
    this.socketPath = path.join(options.directory, `${this.id}.sock`);
    this.replica = initialReplica({
      id: this.id,
      deck: options.deck,
      version: options.version,
      reloads: options.reloads ?? true,
      position: options.position,
      ...(options.view === undefined ? {} : { view: options.view }),
    });
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
  get position(): TalkPosition {
    return this.replica.position.value;
  }

  /** The timer the session agrees on; `UNSTARTED_TIMER` until a view sets one. */
  get timer(): SharedTimer {
    return this.replica.timer.value;
  }

  /**
   * The Lamport clock of the newest move made in any view of this deck, on any version (this
   * view's own included): it grows with every move, so a view can tell whether anyone moved
   * since it last looked.
   */
  get latestMoveClock(): number {
    return this.replica.highestClock;
  }

  /** Number of other views connected now. */
  get peerCount(): number {
    return this.peers.size;
  }

  /** Tells every other view that this one moved to `position`; does nothing if it is unchanged. */
  publish(position: TalkPosition): void {
    if (!this.isClosed) this.dispatch({ type: 'publish', position });
  }

  /** Tells every other view the timer was started, paused or reset; does nothing if it is unchanged. */
  publishTimer(timer: SharedTimer): void {
    if (!this.isClosed) this.dispatch({ type: 'publishTimer', timer });
  }

  /** Calls `listener` with each timer another view sets. Returns an unsubscribe function. */
  onTimer(listener: (timer: SharedTimer) => void): () => void {
    return this.timerListeners.add(listener);
  }

  /** Whether the audience views are blanked, as the session agrees. */
  get blank(): Blank {
    return this.replica.blank.value;
  }

  /** Tells every other view the audience views are blanked, or not; does nothing if it is unchanged. */
  publishBlank(blank: Blank): void {
    if (!this.isClosed) this.dispatch({ type: 'publishBlank', blank });
  }

  /** Calls `listener` with each blank another view sets. Returns an unsubscribe function. */
  onBlank(listener: (blank: Blank) => void): () => void {
    return this.blankListeners.add(listener);
  }

  /** Whether a connected `--no-watch` view shows another version of the deck (hasStaleViews in replication.ts). */
  get hasStaleViews(): boolean {
    return hasStaleViews(this.replica);
  }

  /** Calls `listener` when whether a `--no-watch` view shows another version flips. Returns an unsubscribe function. */
  onStaleViews(listener: (hasStale: boolean) => void): () => void {
    return this.staleListeners.add(listener);
  }

  /** Whether a presenter view of this deck is connected (isPresenterConnected in replication.ts). */
  get isPresenterConnected(): boolean {
    return isPresenterConnected(this.replica);
  }

  /** Calls `listener` when whether a presenter view is connected flips. Returns an unsubscribe function. */
  onPresenterConnected(listener: (isConnected: boolean) => void): () => void {
    return this.presenterListeners.add(listener);
  }

  /** Calls `listener` with each position another view moves to. Returns an unsubscribe function. */
  onPosition(listener: (position: TalkPosition) => void): () => void {
    return this.listeners.add(listener);
  }

  /**
   * Calls `listener` with `true` when a view of the same deck that reloads it on every save
   * speaks about another version of it (it reloaded a change this view has not), so its moves
   * are no longer followed, and with `false` once every such view is back on this version or
   * gone (see `isVersionMismatched` in replication.ts). Returns an unsubscribe function.
   */
  onVersionMismatch(listener: (isMismatched: boolean) => void): () => void {
    return this.mismatchListeners.add(listener);
  }

  /** Whether a reloading view of the same deck was last heard on another version (see `onVersionMismatch`). */
  get isVersionMismatched(): boolean {
    return isVersionMismatched(this.replica);
  }

  /**
   * Switches to another version of the deck (it was reloaded) at `position`, where the reload
   * moved this view, and tells the others; with `isMove`, the position is a move of this view's
   * that the others on this version follow. The rules are those of the `setVersion` event in
   * replication.ts.
   */
  setVersion(version: string, position: Position, isMove = false): void {
    this.dispatch({ type: 'setVersion', version, position, isMove });
  }

  /**
   * Leaves the session: closes every connection and removes this view's socket, and the
   * session's directory when it was the last view in it, so no empty directory is left per deck.
   */
  close(): void {
    if (this.isClosed) return;
    this.isClosed = true;
    for (const peer of this.peers.values()) peer.destroy();
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
    const peers = connected.filter((peer): peer is PeerId => peer !== undefined);
    const joined = new Promise<void>((resolve) => (this.onJoined = resolve));
    this.dispatch({ type: 'join', peers });
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([joined, new Promise<void>((resolve) => (timer = setTimeout(resolve, timeoutMs)))]);
    clearTimeout(timer);
    this.onJoined = undefined;
    this.dispatch({ type: 'joinEnded' });
  }

  /** Connects to a peer's socket; deletes it if nobody listens there any more (a crashed view). */
  private connect(socketPath: string): Promise<PeerId | undefined> {
    return new Promise((resolve) => {
      const socket = net.createConnection(socketPath);
      socket.once('connect', () => {
        socket.removeAllListeners('error');
        resolve(this.adopt(socket));
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

  /** Takes `socket` on as a connection to another view; `undefined` once this view has left. */
  private adopt(socket: net.Socket): PeerId | undefined {
    if (this.isClosed) {
      socket.destroy();
      return undefined;
    }
    const peer = this.nextPeer++;
    this.peers.set(peer, socket);
    socket.setEncoding('utf8');
    const feed = lineSplitter((line) => {
      const message = decodeMessage(line);
      if (message !== undefined) this.dispatch({ type: 'receive', peer, message });
    });
    socket.on('data', (chunk: string) => {
      if (!feed(chunk)) socket.destroy();
    });
    const drop = () => {
      this.peers.delete(peer);
      this.dispatch({ type: 'drop', peer });
    };
    socket.on('error', drop);
    socket.on('close', drop);
    return peer;
  }

  /** Runs `event` through the replication rules, then does what they say. */
  private dispatch(event: ReplicationEvent): void {
    const { state, effects } = replicate(this.replica, event);
    // Set first: a listener may read this session, or publish, while the effects run.
    this.replica = state;
    for (const effect of effects) this.perform(effect);
  }

  private perform(effect: Effect): void {
    switch (effect.type) {
      case 'send': {
        const socket = this.peers.get(effect.to);
        if (socket !== undefined) send(socket, effect.message);
        return;
      }
      case 'broadcast':
        for (const socket of this.peers.values()) send(socket, effect.message);
        return;
      case 'position':
        this.listeners.emit(effect.position);
        return;
      case 'timer':
        this.timerListeners.emit(effect.timer);
        return;
      case 'versionMismatch':
        this.mismatchListeners.emit(effect.isMismatched);
        return;
      case 'blank':
        this.blankListeners.emit(effect.blank);
        return;
      case 'presenterConnected':
        this.presenterListeners.emit(effect.isConnected);
        return;
      case 'staleViews':
        this.staleListeners.emit(effect.hasStale);
        return;
      case 'joined':
        this.onJoined?.();
        return;
    }
  }
}

/** Listeners of one kind of news: `add` returns the unsubscribe function the channel's `on…` methods give. */
class Listeners<T> {
  private readonly listeners = new Set<(value: T) => void>();

  add(listener: (value: T) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  emit(value: T): void {
    for (const listener of this.listeners) listener(value);
  }
}

function send(socket: net.Socket, message: Message): void {
  if (!socket.destroyed) socket.write(encodeMessage(message));
}
