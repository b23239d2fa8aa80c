import { useEffect, useReducer, useRef, useState, type Dispatch } from 'react';
import type { DeckError } from '../deck/deck-error.js';
import { relocateRemembering, type LostSlide } from '../deck/relocate.js';
import type { Deck } from '../deck/schema.js';
import { buildSlides, stepCountOf, type Slide } from '../deck/slides.js';
import type { DeckUpdate } from '../deck/watch-deck.js';
import { deckReducer, initialDeckState, type Action, type DeckState, type Position } from '../navigation/deck-state.js';
import type { SyncChannel } from '../sync/sync-channel.js';
import { useLatest } from './use-latest.js';

/** The deck a view shows: the last good version of the file, laid out as slides. */
export interface ShownDeck {
  readonly deck: Deck;
  readonly slides: readonly Slide[];
  /** Its version (see `deckVersion`). */
  readonly version: string;
}

/** The problems of the last save, shown over the last good deck until a save fixes them. */
export interface DeckProblem {
  readonly error: DeckError;
  /** The saved text, for the source lines around each problem. */
  readonly text: string;
}

/** What useDeckDocument takes: the deck as loaded at start, the session, and the file's saves. */
export interface DeckDocumentOptions {
  readonly deck: Deck;
  readonly version: string;
  readonly sync: SyncChannel;
  /** Subscribes to new versions of the deck file (live reload); returns an unsubscribe function. */
  readonly subscribeToDeck?: (listener: (update: DeckUpdate) => void) => () => void;
  /** Where to start, for a view alone on a deck presented before; the session's position when not given. */
  readonly startPosition?: Position;
}

/** The shown deck, the problems of the last save if any, and the talk's position in the deck. */
export interface DeckDocument {
  readonly shown: ShownDeck;
  readonly problem: DeckProblem | undefined;
  readonly state: DeckState;
  readonly dispatch: Dispatch<Action>;
}

/**
 * The deck document of a view and where the talk is in it. A view that joins a running talk
 * starts where the other views are, from its first frame. Each valid save replaces the deck and
 * relocates the talk onto it (relocate.ts: same section and slide title, or the nearest, and back
 * to a slide a save took away when a later save restores it and nobody moved in between); an
 * invalid save keeps the last good deck and sets the problem, which the next valid save clears.
 */
export function useDeckDocument({ deck, version, sync, subscribeToDeck, startPosition }: DeckDocumentOptions): DeckDocument {
  const [shown, setShown] = useState<ShownDeck>(() => ({ deck, slides: buildSlides(deck), version }));
  const [problem, setProblem] = useState<DeckProblem | undefined>(undefined);
  const [state, dispatch] = useReducer(deckReducer, shown.slides, (initial) =>
    deckReducer(
      deckReducer(initialDeckState(initial.map(stepCountOf), { blank: sync.blank }), {
        type: 'sync',
        position: startPosition ?? sync.position,
      }),
      {
        type: 'shown',
      },
    ),
  );
  const latest = useLatest({ shown, state });
  // A slide the last reloads took away, to go back to if a reload brings it back (relocate.ts),
  // and the session's move clock then: a move in any view since, even one on another version of
  // the deck this view does not follow, means someone moved in between, and the slide is forgotten.
  const lostSlide = useRef<{ readonly slide: LostSlide; readonly movesBefore: number } | undefined>(undefined);
  useEffect(() => {
    if (subscribeToDeck === undefined) return undefined;
    return subscribeToDeck((update) => {
      if (update.kind === 'invalid') {
        setProblem({ error: update.error, text: update.text });
        return;
      }
      const previous = latest.current;
      const next = { deck: update.deck, slides: buildSlides(update.deck), version: update.version };
      const here = { slide: previous.state.slide, step: previous.state.step };
      const moves = sync.latestMoveClock;
      const remembered = lostSlide.current !== undefined && lostSlide.current.movesBefore === moves ? lostSlide.current.slide : undefined;
      const { position, isRestored, lost } = relocateRemembering(previous.shown.slides, next.slides, here, remembered);
      lostSlide.current = lost === undefined ? undefined : { slide: lost, movesBefore: moves };
      // Going back to a lost slide is news to a view started since it was lost.
      sync.setVersion(update.version, position, isRestored === true);
      setProblem(undefined);
      setShown(next);
      dispatch({ type: 'reload', stepCounts: next.slides.map(stepCountOf), position });
    });
  }, [subscribeToDeck, sync, latest]);
  return { shown, problem, state, dispatch };
}
