import { useApp } from 'ink';
import { useEffect, useReducer } from 'react';
import type { Slide } from '../deck/slides.js';
import { deckReducer, initialDeckState } from '../navigation/deck-state.js';
import { DeckFrame } from './DeckFrame.js';
import { frameRows } from './layout.js';
import { useDeckKeys } from './use-deck-keys.js';
import { useTerminalSize } from './use-terminal-size.js';

export interface AppProps {
  readonly slides: readonly Slide[];
}

/** The interactive audience view: the frame for the current state, sized to the terminal. */
export function App({ slides }: AppProps) {
  const { exit } = useApp();
  const { columns, rows } = useTerminalSize();
  const [state, dispatch] = useReducer(deckReducer, slides.length, initialDeckState);
  useDeckKeys(dispatch);

  useEffect(() => {
    if (state.isQuitting) exit();
  }, [state.isQuitting, exit]);

  return <DeckFrame slides={slides} state={state} columns={columns} rows={frameRows(rows)} />;
}
