import { describe, expect, it } from 'vitest';
import type { Position } from '../src/navigation/deck-state.js';
import { PROTOCOL_VERSION, type Message, type PositionMessage, type SharedTimer, type TimerMessage } from '../src/sync/protocol.js';
import {
  initialReplica,
  hasStaleViews,
  isVersionMismatched,
  replicate,
  type Effect,
  type PeerId,
  type Replica,
  type ReplicationEvent,
  type Stamped,
} from '../src/sync/replication.js';
import { UNSTARTED_TIMER } from '../src/sync/sync-channel.js';

const DECK = '/decks/talk.yaml';
/** This view's id. Ties between equal clocks go to the greater id: LOWER loses to it, HIGHER wins. */
const ME = 'b-me';
const LOWER = 'a-peer';
const HIGHER = 'c-peer';
const PEER: PeerId = 1;
const SECOND_PEER: PeerId = 2;
const START: Position = { slide: 0, step: 0 };
const PAUSED: SharedTimer = { elapsedMs: 5_000, runningSince: null };
const RUNNING: SharedTimer = { elapsedMs: 0, runningSince: 1_700_000_000_000 };

const at = (slide: number, step = 0): Position => ({ slide, step });
const stamp = <T>(value: T, clock: number, from = ME): Stamped<T> => ({ value, clock, from });

/** This view of DECK at version v1, which reloads, plus `overrides`. */
function replica(overrides: Partial<Replica> = {}): Replica {
  return { ...initialReplica({ id: ME, deck: DECK, version: 'v1', reloads: true, position: START }), ...overrides };
}

/** What a message from a peer's view starts with: LOWER, an audience view on v1 that reloads. */
const FROM_PEER = { inkdeck: PROTOCOL_VERSION, deck: DECK, version: 'v1', from: LOWER, reloads: true, view: 'audience' } as const;

/** A position message from a peer's view (LOWER, on v1, reloading) unless `fields` say otherwise. */
function position(clock: number, slide: number, fields: Partial<PositionMessage> = {}): PositionMessage {
  return {
    ...FROM_PEER,
    type: 'position',
    clock,
    slide,
    step: 0,
    ...fields,
  };
}

function timer(clock: number, value: SharedTimer, fields: Partial<TimerMessage> = {}): TimerMessage {
  return {
    ...FROM_PEER,
    type: 'timer',
    clock,
    ...value,
    ...fields,
  };
}

type HelloMessage = Extract<Message, { type: 'hello' }>;

function hello(fields: Partial<HelloMessage> = {}): HelloMessage {
  return { ...FROM_PEER, type: 'hello', ...fields };
}

/** The position message `state` sends: its own stamp, deck and version. */
function ownPosition(state: Replica): PositionMessage {
  const { value, clock, from } = state.position;
  return {
    ...ownEnvelope(state, from),
    type: 'position',
    clock,
    slide: value.slide,
    step: value.step,
    ...(value.back === undefined ? {} : { back: value.back }),
  };
}

/** What every message of `state` starts with, the value's setter in `from`. */
function ownEnvelope(state: Replica, from: string) {
  return { inkdeck: PROTOCOL_VERSION, deck: state.deck, version: state.version, from, reloads: state.reloads, view: state.view } as const;
}

function ownBlank(state: Replica): Message {
  const { value, clock, from } = state.blank;
  return {
    ...ownEnvelope(state, from),
    type: 'blank',
    clock,
    blank: value,
  };
}

function ownTimer(state: Replica): TimerMessage {
  const { value, clock, from } = state.timer;
  return {
    ...ownEnvelope(state, from),
    type: 'timer',
    clock,
    ...value,
  };
}

const receive = (message: Message, peer: PeerId = PEER): ReplicationEvent => ({ type: 'receive', peer, message });
const send = (message: Message, to: PeerId = PEER): Effect => ({ type: 'send', to, message });

interface Row {
  readonly name: string;
  readonly state: Replica;
  readonly event: ReplicationEvent;
  /** Fields the state has after the event, or `unchanged` for the very same object. */
  readonly expected: Partial<Replica> | 'unchanged';
  readonly effects: readonly Effect[];
}

function check({ state, event, expected, effects }: Row): void {
  const next = replicate(state, event);
  if (expected === 'unchanged') expect(next.state).toBe(state);
  else expect(next.state).toMatchObject(expected);
  expect(next.effects).toEqual(effects);
}

describe('initialReplica', () => {
  it('starts at its own position and an unstarted timer, at clock 0, hearing of nobody', () => {
    expect(replica()).toEqual({
      id: ME,
      deck: DECK,
      version: 'v1',
      reloads: true,
      view: 'audience',
      position: stamp(START, 0),
      timer: stamp(UNSTARTED_TIMER, 0),
      blank: stamp('none', 0),
      presenterPeers: new Set(),
      staticPeerVersions: new Map(),
      highestClock: 0,
      peersOnOtherVersions: new Set(),
      awaitingAnswers: new Set(),
    });
    expect(isVersionMismatched(replica())).toBe(false);
  });
});

describe('a move of this view', () => {
  const moved = (clock: number, slide: number, overrides: Partial<Replica> = {}) =>
    replica({ position: stamp(at(slide), clock), highestClock: clock, ...overrides });
  it.each<Row>([
    {
      name: 'takes the next Lamport clock and is told to every view',
      state: replica(),
      event: { type: 'publish', position: at(3, 1) },
      expected: { position: stamp(at(3, 1), 1), highestClock: 1 },
      effects: [{ type: 'broadcast', message: ownPosition(moved(1, 3, { position: stamp(at(3, 1), 1) })) }],
    },
    {
      name: 'is newer than a move heard on another version, though that one was not followed',
      state: replica({ position: stamp(at(2), 2), highestClock: 9 }),
      event: { type: 'publish', position: at(4) },
      expected: { position: stamp(at(4), 10), highestClock: 10 },
      effects: [{ type: 'broadcast', message: ownPosition(moved(10, 4)) }],
    },
    {
      name: 'is newer than the current position, which came from a peer',
      state: replica({ position: stamp(at(2), 6, HIGHER), highestClock: 6 }),
      event: { type: 'publish', position: at(3) },
      expected: { position: stamp(at(3), 7), highestClock: 7 },
      effects: [{ type: 'broadcast', message: ownPosition(moved(7, 3)) }],
    },
    {
      name: 'to where the talk already is changes nothing and says nothing',
      state: replica({ position: stamp(at(2), 4, HIGHER), highestClock: 4 }),
      event: { type: 'publish', position: at(2) },
      expected: 'unchanged',
      effects: [],
    },
  ])('$name', check);
});

describe('a position from another view of the same version (Lamport merge)', () => {
  const current = replica({ position: stamp(at(2), 5), highestClock: 5 });
  it.each<Row>([
    {
      name: 'with a newer clock is followed and reported',
      state: current,
      event: receive(position(6, 4)),
      expected: { position: stamp(at(4), 6, LOWER), highestClock: 6 },
      effects: [{ type: 'position', position: at(4) }],
    },
    {
      name: 'with an equal clock from a greater view id wins the tie',
      state: current,
      event: receive(position(5, 4, { from: HIGHER })),
      expected: { position: stamp(at(4), 5, HIGHER), highestClock: 5 },
      effects: [{ type: 'position', position: at(4) }],
    },
    {
      name: 'with an equal clock from a smaller view id loses the tie, and is no news to send back',
      state: current,
      event: receive(position(5, 4, { from: LOWER })),
      expected: 'unchanged',
      effects: [],
    },
    {
      name: 'with an older clock is not followed: the peer, a whole move behind, is told the newer one',
      state: current,
      event: receive(position(3, 4)),
      expected: 'unchanged',
      effects: [send(ownPosition(current))],
    },
    {
      name: 'with a newer clock at the slide already shown takes the stamp and reports nothing',
      state: current,
      event: receive(position(7, 2)),
      expected: { position: stamp(at(2), 7, LOWER), highestClock: 7 },
      effects: [],
    },
    {
      name: 'made by this view and passed back by a peer changes nothing',
      state: current,
      event: receive(position(5, 2, { from: ME })),
      expected: 'unchanged',
      effects: [],
    },
    {
      name: 'from a view that does not reload is followed all the same',
      state: current,
      event: receive(position(6, 4, { reloads: false })),
      expected: { position: stamp(at(4), 6, LOWER) },
      effects: [{ type: 'position', position: at(4) }],
    },
    {
      name: 'about another deck is ignored',
      state: current,
      event: receive(position(9, 4, { deck: '/decks/other.yaml' })),
      expected: 'unchanged',
      effects: [],
    },
  ])('$name', check);

  it.each([
    ['the smaller id first', [0, 1]],
    ['the greater id first', [1, 0]],
  ])('settles every view on one of two moves made at the same moment, whichever arrives first (%s)', (_name, order) => {
    // Views LOWER and HIGHER each move from clock 0: equal clocks, and the tie goes by view id.
    const movers = [LOWER, HIGHER].map((id, slide) =>
      replicate(initialReplica({ id, deck: DECK, version: 'v1', reloads: true, position: START }), {
        type: 'publish',
        position: at(slide + 1),
      }),
    );
    const sent = movers.map(({ effects }) => (effects[0] as Extract<Effect, { type: 'broadcast' }>).message);
    const heard = (state: Replica, messages: readonly Message[]) =>
      messages.reduce((view, message) => replicate(view, receive(message)).state, state);
    const inOrder = order.map((index) => sent[index] as Message);
    const settled = [
      heard(movers[0]?.state as Replica, [sent[1] as Message]),
      heard(movers[1]?.state as Replica, [sent[0] as Message]),
      heard(replica(), inOrder),
    ];
    for (const view of settled) expect(view.position).toEqual(stamp(at(2), 1, HIGHER));
  });

  describe('two views pressing next at the same moment, each from slide 3 as it saw it, move the talk once (issue 16)', () => {
    // Both agreed on slide 3 at clock 5. A press is a move from the position that view saw
    // (deckReducer's seen position), so each press publishes slide 4, whatever arrived first.
    const onThree = replica({ position: stamp(at(3), 5, LOWER), highestClock: 5 });
    const theirs = position(6, 4);

    it('their move arrives first: this view follows it, and its own press then publishes nothing', () => {
      const followed = replicate(onThree, receive(theirs));
      expect(followed.effects).toEqual([{ type: 'position', position: at(4) }]);
      const pressed = replicate(followed.state, { type: 'publish', position: at(4) });
      expect(pressed.state).toBe(followed.state);
      expect(pressed.effects).toEqual([]);
    });

    it('the presses cross: both views settle on slide 4, and neither moves again', () => {
      const mine = replicate(onThree, { type: 'publish', position: at(4) });
      expect(mine.state.position).toEqual(stamp(at(4), 6, ME));
      // Equal clocks: the tie goes to the greater id (ME over LOWER); the position is the same either way.
      const settled = replicate(mine.state, receive(theirs));
      expect(settled.state.position.value).toEqual(at(4));
      expect(settled.effects.filter((effect) => effect.type === 'position')).toEqual([]);
      const other = replicate(replicate(onThree, receive(ownPosition(mine.state))).state, { type: 'publish', position: at(4) });
      expect(other.state.position.value).toEqual(at(4));
      expect(other.effects).toEqual([]);
    });
  });
});

describe('the shared timer', () => {
  const started = replica({ timer: stamp(RUNNING, 2), position: stamp(at(3), 8), highestClock: 8 });
  it.each<Row>([
    {
      name: 'set by this view takes the next timer clock, whatever the position clock, and is told to every view',
      state: started,
      event: { type: 'publishTimer', timer: PAUSED },
      expected: { timer: stamp(PAUSED, 3), position: started.position, highestClock: 8 },
      effects: [{ type: 'broadcast', message: ownTimer({ ...started, timer: stamp(PAUSED, 3) }) }],
    },
    {
      name: 'set by this view to what it is changes nothing and says nothing',
      state: started,
      event: { type: 'publishTimer', timer: RUNNING },
      expected: 'unchanged',
      effects: [],
    },
    {
      name: 'from another view with a newer clock is followed and reported, and moves no position clock',
      state: started,
      event: receive(timer(3, PAUSED)),
      expected: { timer: stamp(PAUSED, 3, LOWER), highestClock: 8 },
      effects: [{ type: 'timer', timer: PAUSED }],
    },
    {
      name: 'from another view with an older clock is ignored',
      state: started,
      event: receive(timer(1, PAUSED)),
      expected: 'unchanged',
      effects: [],
    },
    {
      name: 'from another view with an equal clock follows the tie by view id',
      state: started,
      event: receive(timer(2, PAUSED, { from: HIGHER })),
      expected: { timer: stamp(PAUSED, 2, HIGHER) },
      effects: [{ type: 'timer', timer: PAUSED }],
    },
    {
      name: 'from another view with a newer clock and the same value takes the stamp and reports nothing',
      state: started,
      event: receive(timer(4, RUNNING)),
      expected: { timer: stamp(RUNNING, 4, LOWER) },
      effects: [],
    },
    {
      name: 'from a view on another version that does not reload is followed: the time does not depend on slides',
      state: started,
      event: receive(timer(3, PAUSED, { version: 'v2', reloads: false })),
      expected: { timer: stamp(PAUSED, 3, LOWER), staticPeerVersions: new Map([[PEER, 'v2']]) },
      effects: [
        { type: 'timer', timer: PAUSED },
        { type: 'staleViews', hasStale: true },
      ],
    },
    {
      name: 'from a reloading view on another version is followed, after the two tell each other they differ',
      state: started,
      event: receive(timer(3, PAUSED, { version: 'v2' })),
      expected: { timer: stamp(PAUSED, 3, LOWER), peersOnOtherVersions: new Set([PEER]) },
      effects: [{ type: 'versionMismatch', isMismatched: true }, send(ownPosition(started)), { type: 'timer', timer: PAUSED }],
    },
    {
      name: 'about another deck is ignored',
      state: started,
      event: receive(timer(9, PAUSED, { deck: '/decks/other.yaml' })),
      expected: 'unchanged',
      effects: [],
    },
  ])('$name', check);
});

describe('versions of the deck', () => {
  const here = replica({ position: stamp(at(2), 5), highestClock: 5 });
  const apart = replica({ position: stamp(at(2), 5), highestClock: 5, peersOnOtherVersions: new Set([PEER]) });
  const twoApart = replica({ position: stamp(at(2), 5), highestClock: 5, peersOnOtherVersions: new Set([PEER, SECOND_PEER]) });
  it.each<Row>([
    {
      name: 'a reloading view first heard on another version: not followed, but counted in the clock; both learn they differ',
      state: here,
      event: receive(position(9, 4, { version: 'v2' })),
      expected: { position: here.position, highestClock: 9, peersOnOtherVersions: new Set([PEER]) },
      effects: [{ type: 'versionMismatch', isMismatched: true }, send(ownPosition(here))],
    },
    {
      name: 'the same view heard again on that version: nothing more to tell it',
      state: apart,
      event: receive(position(10, 5, { version: 'v2' })),
      expected: { position: apart.position, highestClock: 10, peersOnOtherVersions: new Set([PEER]) },
      effects: [],
    },
    {
      name: 'an older move on another version leaves the clock where it is',
      state: apart,
      event: receive(position(3, 5, { version: 'v2' })),
      expected: 'unchanged',
      effects: [],
    },
    {
      name: 'a view that does not reload, on another version: not followed, counted in the clock, no mismatch (it says nothing of the file)',
      state: here,
      event: receive(position(9, 4, { version: 'v2', reloads: false })),
      expected: { position: here.position, highestClock: 9, peersOnOtherVersions: new Set(), staticPeerVersions: new Map([[PEER, 'v2']]) },
      effects: [{ type: 'staleViews', hasStale: true }],
    },
    {
      name: 'a view that was apart speaks on this version again: the mismatch ends, and its move is followed',
      state: apart,
      event: receive(position(6, 4)),
      expected: { position: stamp(at(4), 6, LOWER), peersOnOtherVersions: new Set() },
      effects: [
        { type: 'versionMismatch', isMismatched: false },
        { type: 'position', position: at(4) },
      ],
    },
    {
      name: 'one of two views apart comes back: still mismatched, nothing to report',
      state: twoApart,
      event: receive(position(5, 2, { from: ME })),
      expected: { peersOnOtherVersions: new Set([SECOND_PEER]) },
      effects: [],
    },
    {
      name: 'a view that was apart quits: it no longer counts',
      state: apart,
      event: { type: 'drop', peer: PEER },
      expected: { peersOnOtherVersions: new Set() },
      effects: [{ type: 'versionMismatch', isMismatched: false }],
    },
    {
      name: 'a view on this version quits: nothing changes',
      state: here,
      event: { type: 'drop', peer: PEER },
      expected: 'unchanged',
      effects: [],
    },
    {
      name: 'a view of another deck is not a changed version',
      state: here,
      event: receive(position(9, 4, { deck: '/decks/other.yaml', version: 'v2' })),
      expected: 'unchanged',
      effects: [],
    },
  ])('$name', check);

  it('reports a mismatch while a reloading view is apart', () => {
    expect(isVersionMismatched(here)).toBe(false);
    expect(isVersionMismatched(apart)).toBe(true);
  });
});

describe('a reload of this view (setVersion)', () => {
  const behindBy = replica({ position: stamp(at(3), 5, HIGHER), highestClock: 9 });
  const reloaded = (state: Replica, fields: Partial<Replica>) => ({ ...state, ...fields });
  it.each<Row>([
    {
      name: 'moves without a new stamp, and tells every view the new version at that stamp',
      state: behindBy,
      event: { type: 'setVersion', version: 'v2', position: at(4), isMove: false },
      expected: { version: 'v2', position: stamp(at(4), 5, HIGHER), highestClock: 9 },
      effects: [{ type: 'broadcast', message: ownPosition(reloaded(behindBy, { version: 'v2', position: stamp(at(4), 5, HIGHER) })) }],
    },
    {
      name: 'back to a slide a reload took away is a move: a new stamp, newer than any heard',
      state: behindBy,
      event: { type: 'setVersion', version: 'v2', position: at(8), isMove: true },
      expected: { version: 'v2', position: stamp(at(8), 10), highestClock: 10 },
      effects: [{ type: 'broadcast', message: ownPosition(reloaded(behindBy, { version: 'v2', position: stamp(at(8), 10) })) }],
    },
    {
      name: 'forgets which views were apart (their messages tell again), and says so first',
      state: reloaded(behindBy, { peersOnOtherVersions: new Set([PEER]) }),
      event: { type: 'setVersion', version: 'v2', position: at(3), isMove: false },
      expected: { version: 'v2', peersOnOtherVersions: new Set() },
      effects: [
        { type: 'versionMismatch', isMismatched: false },
        { type: 'broadcast', message: ownPosition(reloaded(behindBy, { version: 'v2' })) },
      ],
    },
    {
      name: 'to the same version and position still tells every view',
      state: behindBy,
      event: { type: 'setVersion', version: 'v1', position: at(3), isMove: false },
      expected: { version: 'v1', position: behindBy.position },
      effects: [{ type: 'broadcast', message: ownPosition(behindBy) }],
    },
  ])('$name', check);
});

describe('joining: hello and the answers', () => {
  const running = replica({ position: stamp(at(7, 2), 4, HIGHER), highestClock: 6, timer: stamp(RUNNING, 3, HIGHER) });
  const joining = replica({ awaitingAnswers: new Set([PEER, SECOND_PEER]) });
  const lastAwaited = replica({ awaitingAnswers: new Set([PEER]) });
  const helloFromMe = hello({ from: ME });
  it.each<Row>([
    {
      name: 'a joining view says hello to every view already there, and awaits them',
      state: replica(),
      event: { type: 'join', peers: [PEER, SECOND_PEER] },
      expected: { awaitingAnswers: new Set([PEER, SECOND_PEER]) },
      effects: [send(helloFromMe, PEER), send(helloFromMe, SECOND_PEER)],
    },
    {
      name: 'a view that finds nobody has joined at once',
      state: replica(),
      event: { type: 'join', peers: [] },
      expected: 'unchanged',
      effects: [{ type: 'joined' }],
    },
    {
      name: 'a hello is answered with the timer and the blank first, then the position (the answer the joining view waits for)',
      state: running,
      event: receive(hello()),
      expected: 'unchanged',
      effects: [send(ownTimer(running)), send(ownBlank(running)), send(ownPosition(running))],
    },
    {
      name: 'a hello on another version is answered too, so it does not wait; a reloading one is apart',
      state: running,
      event: receive(hello({ version: 'v2' })),
      expected: { peersOnOtherVersions: new Set([PEER]) },
      effects: [
        { type: 'versionMismatch', isMismatched: true },
        send(ownTimer(running)),
        send(ownBlank(running)),
        send(ownPosition(running)),
      ],
    },
    {
      name: 'a hello on another version from a view that does not reload is answered, and not apart, but stopped following',
      state: running,
      event: receive(hello({ version: 'v2', reloads: false })),
      expected: { peersOnOtherVersions: new Set(), staticPeerVersions: new Map([[PEER, 'v2']]) },
      effects: [send(ownTimer(running)), send(ownBlank(running)), send(ownPosition(running)), { type: 'staleViews', hasStale: true }],
    },
    {
      name: 'a hello about another deck is not answered',
      state: running,
      event: receive(hello({ deck: '/decks/other.yaml' })),
      expected: 'unchanged',
      effects: [],
    },
    {
      name: 'a position answers for its peer; others are still awaited',
      state: joining,
      event: receive(position(4, 7)),
      expected: { awaitingAnswers: new Set([SECOND_PEER]), position: stamp(at(7), 4, LOWER) },
      effects: [{ type: 'position', position: at(7) }],
    },
    {
      name: 'the last answer ends the wait, before the position it carries is reported',
      state: lastAwaited,
      event: receive(position(4, 7)),
      expected: { awaitingAnswers: new Set(), position: stamp(at(7), 4, LOWER) },
      effects: [{ type: 'joined' }, { type: 'position', position: at(7) }],
    },
    {
      name: 'a position on another version answers too',
      state: lastAwaited,
      event: receive(position(4, 7, { version: 'v2', reloads: false })),
      expected: { awaitingAnswers: new Set(), position: stamp(START, 0), highestClock: 4 },
      effects: [{ type: 'joined' }, { type: 'staleViews', hasStale: true }],
    },
    {
      name: 'a timer is no answer: the position follows it',
      state: lastAwaited,
      event: receive(timer(1, PAUSED)),
      expected: { awaitingAnswers: new Set([PEER]), timer: stamp(PAUSED, 1, LOWER) },
      effects: [{ type: 'timer', timer: PAUSED }],
    },
    {
      name: 'a hello is no answer',
      state: lastAwaited,
      event: receive(hello()),
      expected: { awaitingAnswers: new Set([PEER]) },
      effects: [send(ownTimer(lastAwaited)), send(ownBlank(lastAwaited)), send(ownPosition(lastAwaited))],
    },
    {
      name: 'a position about another deck is no answer',
      state: lastAwaited,
      event: receive(position(4, 7, { deck: '/decks/other.yaml' })),
      expected: 'unchanged',
      effects: [],
    },
    {
      name: 'an awaited view that quits counts as answered',
      state: lastAwaited,
      event: { type: 'drop', peer: PEER },
      expected: { awaitingAnswers: new Set() },
      effects: [{ type: 'joined' }],
    },
    {
      name: 'once the wait ended (all answered, or it timed out), no one is awaited',
      state: joining,
      event: { type: 'joinEnded' },
      expected: { awaitingAnswers: new Set() },
      effects: [],
    },
    {
      name: 'an answer after the wait ended ends nothing',
      state: replica(),
      event: receive(position(4, 7)),
      expected: { position: stamp(at(7), 4, LOWER) },
      effects: [{ type: 'position', position: at(7) }],
    },
    {
      name: 'the end of a wait that nobody is in changes nothing',
      state: replica(),
      event: { type: 'joinEnded' },
      expected: 'unchanged',
      effects: [],
    },
  ])('$name', check);
});

describe('the blanked screen and the presenter views (issue 18)', () => {
  type BlankMessage = Extract<Message, { type: 'blank' }>;
  const blankFrom = (clock: number, value: BlankMessage['blank'], fields: Partial<BlankMessage> = {}): BlankMessage => ({
    ...FROM_PEER,
    type: 'blank',
    clock,
    blank: value,
    ...fields,
  });
  const blanked = replica({ blank: stamp('black', 2) });

  it.each<Row>([
    {
      name: 'blanked by this view takes the next blank clock and is told to every view',
      state: replica(),
      event: { type: 'publishBlank', blank: 'black' },
      expected: { blank: stamp('black', 1) },
      effects: [{ type: 'broadcast', message: ownBlank(replica({ blank: stamp('black', 1) })) }],
    },
    {
      name: 'the same blank again is no news',
      state: blanked,
      event: { type: 'publishBlank', blank: 'black' },
      expected: 'unchanged',
      effects: [],
    },
    {
      name: 'a newer blank from another view is followed and reported',
      state: blanked,
      event: receive(blankFrom(3, 'none')),
      expected: { blank: stamp('none', 3, LOWER) },
      effects: [{ type: 'blank', blank: 'none' }],
    },
    {
      name: 'an older one is not',
      state: blanked,
      event: receive(blankFrom(1, 'white')),
      expected: 'unchanged',
      effects: [],
    },
    {
      name: 'is shared across versions of the deck, as the timer is',
      state: blanked,
      event: receive(blankFrom(3, 'white', { version: 'v2', reloads: false })),
      expected: { blank: stamp('white', 3, LOWER) },
      effects: [
        { type: 'blank', blank: 'white' },
        { type: 'staleViews', hasStale: true },
      ],
    },
    {
      name: 'a presenter view heard from is connected',
      state: replica(),
      event: receive(position(0, 0, { view: 'presenter' })),
      expected: { presenterPeers: new Set([PEER]) },
      effects: [{ type: 'presenterConnected', isConnected: true }],
    },
    {
      name: 'and gone when its connection closes',
      state: replica({ presenterPeers: new Set([PEER]) }),
      event: { type: 'drop', peer: PEER },
      expected: { presenterPeers: new Set() },
      effects: [{ type: 'presenterConnected', isConnected: false }],
    },
    {
      name: 'a second presenter view changes nothing the app sees',
      state: replica({ presenterPeers: new Set([PEER]) }),
      event: receive(hello({ view: 'presenter' }), SECOND_PEER),
      expected: { presenterPeers: new Set([PEER, SECOND_PEER]) },
      effects: [send(ownTimer(replica()), SECOND_PEER), send(ownBlank(replica()), SECOND_PEER), send(ownPosition(replica()), SECOND_PEER)],
    },
  ])('$name', check);

  it('a view that joins a blanked talk is told so before the position it waits for', () => {
    const { effects } = replicate(blanked, receive(hello()));
    expect(effects.map((effect) => (effect.type === 'send' ? effect.message.type : effect.type))).toEqual(['timer', 'blank', 'position']);
  });
});

describe('the jump-back place and the views that stopped following (issue 18, fresh-eyes trial)', () => {
  it('a move carries where the talk was before its last jump, to every view', () => {
    const { state, effects } = replicate(replica(), { type: 'publish', position: { slide: 9, step: 0, back: at(4) } });
    expect(effects).toEqual([{ type: 'broadcast', message: ownPosition(state) }]);
    expect(ownPosition(state).back).toEqual(at(4));
    const received = replicate(replica(), receive(position(3, 9, { back: { slide: 4, step: 0 } })));
    expect(received.effects).toEqual([{ type: 'position', position: { slide: 9, step: 0, back: at(4) } }]);
  });

  it('a --no-watch view heard on another version has stopped following, until it is back or gone', () => {
    const stale = replicate(replica(), receive(position(0, 0, { version: 'v0', reloads: false })));
    expect(stale.effects).toContainEqual({ type: 'staleViews', hasStale: true });
    expect(hasStaleViews(stale.state)).toBe(true);
    // This view reloading to the version that view shows: it follows again.
    const same = replicate(stale.state, { type: 'setVersion', version: 'v0', position: START, isMove: false });
    expect(same.effects).toContainEqual({ type: 'staleViews', hasStale: false });
    const gone = replicate(stale.state, { type: 'drop', peer: PEER });
    expect(gone.effects).toContainEqual({ type: 'staleViews', hasStale: false });
  });

  it('a view that reloads, on another version, is no stale view (it is a version mismatch)', () => {
    expect(hasStaleViews(replicate(replica(), receive(position(0, 0, { version: 'v0' }))).state)).toBe(false);
  });
});
