import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, statSync } from 'node:fs';
import net from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Position } from '../src/navigation/deck-state.js';
import { decodeMessage, encodeMessage, lineSplitter, MAX_MESSAGE_BYTES, PROTOCOL_VERSION } from '../src/sync/protocol.js';
import { sessionDirectory } from '../src/sync/session-directory.js';
import { SyncSession, type SyncSessionOptions } from '../src/sync/sync-session.js';

const DECK = '/decks/talk.yaml';
const START: Position = { slide: 0, step: 0 };
const sessions: SyncSession[] = [];
afterEach(() => {
  for (const session of sessions.splice(0)) session.close();
});

function freshDirectory(): string {
  return sessionDirectory('test', { XDG_RUNTIME_DIR: mkdtempSync(path.join(tmpdir(), 'inkdeck-sync-')) });
}

/** Joins a view of DECK at version v1 (unless `options` say otherwise) to the session in `directory`. */
async function join(directory: string, options: Partial<SyncSessionOptions> = {}): Promise<SyncSession> {
  const session = await SyncSession.join({ directory, deck: DECK, version: 'v1', position: START, joinTimeoutMs: 500, ...options });
  sessions.push(session);
  return session;
}

/** Resolves with the next position `session` receives from another view. */
function nextPosition(session: SyncSession, timeoutMs = 2_000): Promise<Position> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('no position arrived')), timeoutMs);
    const unsubscribe = session.onPosition((position) => {
      clearTimeout(timer);
      unsubscribe();
      resolve(position);
    });
  });
}

/** Connects to `socketPath`, writes `bytes`, and closes. */
function writeRaw(socketPath: string, bytes: string | Buffer): Promise<void> {
  return new Promise((resolve, reject) => {
    const socket = net.createConnection(socketPath, () => socket.end(bytes, () => resolve()));
    socket.on('error', reject);
  });
}

const socketsIn = (directory: string) => readdirSync(directory).filter((name) => name.endsWith('.sock'));

describe('SyncSession', () => {
  it('moves every view when one moves, both ways', async () => {
    const directory = freshDirectory();
    const presenter = await join(directory);
    const audience = await join(directory);

    const seenByAudience = nextPosition(audience);
    presenter.publish({ slide: 3, step: 1 });
    expect(await seenByAudience).toEqual({ slide: 3, step: 1 });

    const seenByPresenter = nextPosition(presenter);
    audience.publish({ slide: 4, step: 0 });
    expect(await seenByPresenter).toEqual({ slide: 4, step: 0 });
  });

  it('gives a view that joins late the current position when it joins', async () => {
    const directory = freshDirectory();
    const first = await join(directory);
    first.publish({ slide: 7, step: 2 });
    const late = await join(directory);
    expect(late.position).toEqual({ slide: 7, step: 2 });
  });

  it('keeps any number of views together', async () => {
    const directory = freshDirectory();
    const views = [await join(directory), await join(directory), await join(directory), await join(directory)];
    const arrivals = views.slice(1).map((view) => nextPosition(view));
    views[0]?.publish({ slide: 5, step: 0 });
    expect(await Promise.all(arrivals)).toEqual([
      { slide: 5, step: 0 },
      { slide: 5, step: 0 },
      { slide: 5, step: 0 },
    ]);
  });

  it('keeps working when a view quits, and brings a view that comes back up to date', async () => {
    const directory = freshDirectory();
    const a = await join(directory);
    const b = await join(directory);
    const c = await join(directory);
    b.close();
    const seenByC = nextPosition(c);
    a.publish({ slide: 2, step: 0 });
    expect(await seenByC).toEqual({ slide: 2, step: 0 });
    const back = await join(directory);
    expect(back.position).toEqual({ slide: 2, step: 0 });
  });

  it('deletes a socket left by a crashed view and joins anyway', async () => {
    const directory = freshDirectory();
    // A Unix socket file with nobody listening: what a view killed with SIGKILL leaves.
    const stale = path.join(directory, '999999-dead.sock');
    const child = spawn(process.execPath, [
      '-e',
      `require('net').createServer().listen(${JSON.stringify(stale)}, () => console.log('up'))`,
    ]);
    await new Promise((resolve) => child.stdout.once('data', resolve));
    child.kill('SIGKILL');
    await new Promise((resolve) => child.once('exit', resolve));
    expect(statSync(stale).isSocket()).toBe(true);
    const view = await join(directory);
    expect(socketsIn(directory)).toEqual([path.basename(`${view.id}.sock`)]);
  });

  it('ignores garbage, foreign and malformed messages and keeps working', async () => {
    const directory = freshDirectory();
    const a = await join(directory);
    const b = await join(directory);
    const socketOfA = path.join(directory, `${a.id}.sock`);
    const received: Position[] = [];
    a.onPosition((position) => received.push(position));

    await writeRaw(socketOfA, Buffer.from([0, 255, 10, 13, 10, 0x1b, 0x5b, 0x32, 0x4a, 10]));
    await writeRaw(socketOfA, `{"not":"a message"}\n[1,2,3]\nnull\n{"inkdeck":${PROTOCOL_VERSION},"type":"position"}\n`);
    await writeRaw(
      socketOfA,
      encodeMessage({
        inkdeck: PROTOCOL_VERSION,
        type: 'position',
        deck: '/another/deck.yaml',
        version: 'v1',
        from: 'x',
        reloads: true,
        view: 'audience',
        clock: 99,
        slide: 9,
        step: 0,
      }),
    );
    // An older view's message: version 2 packed the deck's version into `deck`.
    await writeRaw(
      socketOfA,
      `{"inkdeck":2,"type":"position","deck":"${DECK}@v1","from":"x","reloads":true,"clock":99,"slide":9,"step":0}\n`,
    );
    await writeRaw(
      socketOfA,
      `{"inkdeck":${PROTOCOL_VERSION - 1},"type":"position","deck":"${DECK}","version":"v1","from":"x","reloads":true,"clock":99,"slide":9,"step":0}\n`,
    );
    await writeRaw(socketOfA, 'x'.repeat(MAX_MESSAGE_BYTES * 4));
    await writeRaw(
      socketOfA,
      `{"inkdeck":${PROTOCOL_VERSION},"type":"position","deck":"${DECK}","version":"v1","from":"x","reloads":true,"clock":99,"slide":-1,"step":0}\n`,
    );

    const seen = nextPosition(a);
    b.publish({ slide: 1, step: 0 });
    expect(await seen).toEqual({ slide: 1, step: 0 });
    expect(received).toEqual([{ slide: 1, step: 0 }]);
  });

  it('tells a view when another view of its deck moves on a changed version, and when that ends', async () => {
    const directory = freshDirectory();
    const stale = await join(directory);
    const reloaded = await join(directory);
    const heard: boolean[] = [];
    stale.onVersionMismatch((isMismatched) => heard.push(isMismatched));
    const mismatch = () =>
      new Promise<boolean>((resolve) => {
        const unsubscribe = stale.onVersionMismatch((isMismatched) => {
          unsubscribe();
          resolve(isMismatched);
        });
      });

    // The other view reloaded a changed file: it says so at once, and its moves no longer
    // reach this one.
    let flipped = mismatch();
    reloaded.setVersion('v2', START);
    expect(await flipped).toBe(true);
    reloaded.publish({ slide: 5, step: 0 });
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(stale.isVersionMismatched).toBe(true);
    expect(stale.position).toEqual(START);

    // The file went back to what this view shows: known at once, without waiting for a move,
    // and following resumes.
    flipped = mismatch();
    reloaded.setVersion('v1', START);
    expect(await flipped).toBe(false);
    const seen = nextPosition(stale);
    reloaded.publish({ slide: 6, step: 0 });
    expect(await seen).toEqual({ slide: 6, step: 0 });

    // A view on another version that quits no longer counts.
    flipped = mismatch();
    reloaded.setVersion('v3', START);
    expect(await flipped).toBe(true);
    flipped = mismatch();
    reloaded.close();
    expect(await flipped).toBe(false);
    expect(heard).toEqual([true, false, true, false]);
  });

  it('tells both sides when two reloading views part ways: the one that reloaded learns it too', async () => {
    // Two files in one named session: one is edited, so only its view reloads to v2.
    const directory = freshDirectory();
    const edited = await join(directory);
    const other = await join(directory);
    edited.setVersion('v2', START);
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(other.isVersionMismatched).toBe(true);
    expect(edited.isVersionMismatched).toBe(true);
    // The edit undone: the same version again on both sides.
    edited.setVersion('v1', START);
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(other.isVersionMismatched).toBe(false);
    expect(edited.isVersionMismatched).toBe(false);
  });

  it('makes a reload that goes back to a lost slide a move, which a view that reloaded without it follows', async () => {
    const directory = freshDirectory();
    const remembering = await join(directory);
    const started = await join(directory);
    const followed = nextPosition(started);
    // Both reload the restored file: the view started after the cut lands elsewhere.
    started.setVersion('v2', { slide: 13, step: 0 });
    remembering.setVersion('v2', { slide: 8, step: 0 }, true);
    expect(await followed).toEqual({ slide: 8, step: 0 });
    expect(started.position).toEqual({ slide: 8, step: 0 });
  });

  it('counts only views that reload: another view that does not says nothing of the file', async () => {
    const directory = freshDirectory();
    const a = await join(directory, { reloads: false });
    // Started after an edit, without reloading either: on v2, but not a sign that a is behind.
    const b = await join(directory, { version: 'v2', reloads: false });
    expect(a.isVersionMismatched).toBe(false);
    expect(b.isVersionMismatched).toBe(false);
    // A view that follows the file is on v2: a is behind it, b is not.
    await join(directory, { version: 'v2' });
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(a.isVersionMismatched).toBe(true);
    expect(b.isVersionMismatched).toBe(false);
  });

  it('keeps the views together again once they are back on one version, whoever moved meanwhile', async () => {
    const directory = freshDirectory();
    const watching = await join(directory);
    const stale = await join(directory, { reloads: false });
    // The file changes: the watching view reloads, the other does not and is moved on alone.
    watching.setVersion('v2', START);
    for (let slide = 1; slide <= 6; slide += 1) stale.publish({ slide, step: 0 });
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(watching.position).toEqual(START);

    // The file goes back: the views settle on the newest position at once, without a move...
    const settled = nextPosition(watching);
    watching.setVersion('v1', START);
    expect(await settled).toEqual({ slide: 6, step: 0 });
    // ...and a move in the view that reloaded reaches the other, though it moved less.
    const followed = nextPosition(stale);
    watching.publish({ slide: 2, step: 0 });
    expect(await followed).toEqual({ slide: 2, step: 0 });
  });

  it('shares the timer with a view on another version of the deck', async () => {
    const directory = freshDirectory();
    const stale = await join(directory);
    const reloaded = await join(directory);
    reloaded.setVersion('v2', START);
    const heard = new Promise((resolve) => stale.onTimer(resolve));
    reloaded.publishTimer({ elapsedMs: 7_000, runningSince: null });
    expect(await heard).toEqual({ elapsedMs: 7_000, runningSince: null });
  });

  it('tells a view that joins after a reload where the reload moved the talk', async () => {
    const directory = freshDirectory();
    const a = await join(directory);
    const b = await join(directory);
    a.publish({ slide: 3, step: 0 });
    await nextPosition(b);
    // A slide was inserted before the current one; both views moved to it without a word.
    for (const view of [a, b]) view.setVersion('v2', { slide: 4, step: 0 });
    const late = await join(directory, { version: 'v2' });
    expect(late.position).toEqual({ slide: 4, step: 0 });
  });

  it('answers a view that joins on another version, so it does not wait for its timeout', async () => {
    const directory = freshDirectory();
    const stale = await join(directory);
    stale.publishTimer({ elapsedMs: 3_000, runningSince: null });
    const started = performance.now();
    const newer = await join(directory, { version: 'v2', joinTimeoutMs: 5_000 });
    expect(performance.now() - started).toBeLessThan(2_000);
    expect(newer.timer).toEqual({ elapsedMs: 3_000, runningSince: null });
    expect(newer.position).toEqual(START);
  });

  it('does not count a view of another deck as a changed version', async () => {
    const directory = freshDirectory();
    const a = await join(directory);
    const other = await join(directory, { deck: '/decks/other.yaml' });
    const seenByA = nextPosition(a, 300).catch(() => 'nothing');
    other.publish({ slide: 2, step: 0 });
    expect(await seenByA).toBe('nothing');
    expect(a.isVersionMismatched).toBe(false);
  });

  it('shares the timer: a start reaches the others, and a view that joins later gets it', async () => {
    const directory = freshDirectory();
    const presenter = await join(directory);
    const audience = await join(directory);
    const heard = new Promise((resolve) => audience.onTimer(resolve));
    const started = { elapsedMs: 0, runningSince: 1_700_000_000_000 };
    presenter.publishTimer(started);
    expect(await heard).toEqual(started);

    // The presenter view crashed and is started again: it joins with the running timer.
    presenter.close();
    const restarted = await join(directory);
    expect(restarted.timer).toEqual(started);
    expect(restarted.position).toEqual(START);
  });

  it('keeps a timer key and a move made at the same moment in two views', async () => {
    const directory = freshDirectory();
    const a = await join(directory);
    const b = await join(directory);
    const paused = { elapsedMs: 5_000, runningSince: null };
    a.publishTimer(paused);
    b.publish({ slide: 4, step: 0 });
    await new Promise((resolve) => setTimeout(resolve, 100));
    for (const view of [a, b]) {
      expect(view.timer).toEqual(paused);
      expect(view.position).toEqual({ slide: 4, step: 0 });
    }
  });

  it('agrees on the newest move whatever the order messages arrive in', async () => {
    const directory = freshDirectory();
    const a = await join(directory);
    const b = await join(directory);
    a.publish({ slide: 1, step: 0 });
    b.publish({ slide: 2, step: 0 });
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(a.position).toEqual(b.position);
  });

  it('counts a move made on another version in its move clock, though it does not follow it', async () => {
    const directory = freshDirectory();
    const edited = await join(directory, { version: 'v2' });
    const other = await join(directory);
    const before = edited.latestMoveClock;
    other.publish({ slide: 4, step: 0 });
    await expect.poll(() => edited.latestMoveClock).toBeGreaterThan(before);
    expect(edited.position).toEqual(START);
  });

  it('keeps its sockets private: directory 0700, socket 0600', async () => {
    const directory = freshDirectory();
    const view = await join(directory);
    expect(statSync(directory).mode & 0o777).toBe(0o700);
    expect(statSync(path.dirname(directory)).mode & 0o777).toBe(0o700);
    expect(statSync(path.join(directory, `${view.id}.sock`)).mode & 0o777).toBe(0o600);
  });

  it('removes its socket when it closes, and the last view the session directory', async () => {
    const directory = freshDirectory();
    const first = await join(directory);
    const second = await join(directory);
    expect(socketsIn(directory)).toHaveLength(2);
    first.close();
    expect(socketsIn(directory)).toEqual([`${second.id}.sock`]);
    second.close();
    expect(existsSync(directory)).toBe(false);
    expect(existsSync(path.dirname(directory))).toBe(true);
  });

  it('makes the directory again when the last view left between sessionDirectory and joining', async () => {
    const directory = freshDirectory();
    (await join(directory)).close();
    expect(existsSync(directory)).toBe(false);
    const view = await join(directory);
    expect(statSync(directory).mode & 0o777).toBe(0o700);
    expect(socketsIn(directory)).toEqual([`${view.id}.sock`]);
    const other = await join(directory);
    const seen = nextPosition(other);
    view.publish({ slide: 2, step: 0 });
    expect(await seen).toEqual({ slide: 2, step: 0 });
  });
});

describe('protocol', () => {
  it.each([
    '',
    'nonsense',
    '{}',
    `{"inkdeck":${PROTOCOL_VERSION},"type":"hello"}`,
    `{"inkdeck":${PROTOCOL_VERSION},"type":"hello","deck":"d","version":"v","from":"f","reloads":true,"extra":1}`,
    // The deck's version is a field of its own, not packed into `deck` as version 2 did.
    `{"inkdeck":${PROTOCOL_VERSION},"type":"hello","deck":"d@v","from":"f","reloads":true}`,
  ])('rejects %j', (line) => {
    expect(decodeMessage(line)).toBeUndefined();
  });

  it('round-trips a position', () => {
    const message = {
      inkdeck: PROTOCOL_VERSION,
      type: 'position',
      deck: 'd',
      version: 'v',
      from: 'f',
      reloads: true,
      view: 'presenter',
      clock: 3,
      slide: 2,
      step: 1,
    } as const;
    expect(decodeMessage(encodeMessage(message).trimEnd())).toEqual(message);
  });

  it('splits lines across chunks and gives up on a line that never ends', () => {
    const lines: string[] = [];
    const feed = lineSplitter((line) => lines.push(line));
    expect(feed('ab')).toBe(true);
    expect(feed('c\nde')).toBe(true);
    expect(feed('f\n')).toBe(true);
    expect(lines).toEqual(['abc', 'def']);
    expect(feed('x'.repeat(MAX_MESSAGE_BYTES + 1))).toBe(false);
  });
});

describe('sessionDirectory', () => {
  it('uses XDG_RUNTIME_DIR when it is an existing absolute directory, and makes it private', () => {
    const runtime = mkdtempSync(path.join(tmpdir(), 'inkdeck-xdg-'));
    const directory = sessionDirectory('talk', { XDG_RUNTIME_DIR: runtime });
    expect(path.dirname(path.dirname(directory))).toBe(runtime);
    expect(statSync(directory).mode & 0o777).toBe(0o700);
  });

  it.each([
    ['a directory that does not exist', path.join(tmpdir(), 'inkdeck-missing-runtime', 'dir')],
    ['a relative path', 'relative/runtime'],
  ])('falls back to the temporary directory for %s, creating nothing there', (_name, runtime) => {
    const directory = sessionDirectory('talk', { XDG_RUNTIME_DIR: runtime });
    expect(directory.startsWith(path.join(tmpdir(), 'inkdeck-'))).toBe(true);
    expect(existsSync(runtime)).toBe(false);
  });
});

describe('the jump-back place over sockets', () => {
  it('reaches the other view with the move', async () => {
    const directory = mkdtempSync(path.join(tmpdir(), 'inkdeck-sync-'));
    const a = await join(directory);
    const b = await join(directory);
    const received = nextPosition(b);
    a.publish({ slide: 3, step: 0, back: { slide: 11, step: 0 } });
    expect(await received).toEqual({ slide: 3, step: 0, back: { slide: 11, step: 0 } });
    expect(b.position).toEqual({ slide: 3, step: 0, back: { slide: 11, step: 0 } });
  });
});

describe('the arrival on a slide over sockets', () => {
  it('reaches a view that joins later, with the position', async () => {
    const directory = mkdtempSync(path.join(tmpdir(), 'inkdeck-sync-'));
    const a = await join(directory);
    a.publish({ slide: 4, step: 0, arrivedAtMs: 61_234 });
    const late = await join(directory);
    expect(late.position).toEqual({ slide: 4, step: 0, arrivedAtMs: 61_234 });
  });
});
