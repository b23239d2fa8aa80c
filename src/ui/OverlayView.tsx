import type { Slide } from '../deck/slides.js';
import type { ScreenLayout } from '../layout/screen-layout.js';
import type { DeckState } from '../navigation/deck-state.js';
import { HelpOverlay } from './HelpOverlay.js';
import { Overview } from './Overview.js';
import { SearchOverlay } from './SearchOverlay.js';

export interface OverlayViewProps {
  readonly slides: readonly Slide[];
  readonly state: DeckState;
  /** The screen as layoutScreen lays it out: the open overlay's pane, lines and window. */
  readonly screen: ScreenLayout;
}

/** The help, the overview or the search results, whichever is open, for either view; `null` when none is. */
export function OverlayView({ slides, state, screen: { overlay } }: OverlayViewProps) {
  if (overlay?.kind === 'help') return <HelpOverlay pane={overlay.pane} lines={overlay.lines} window={overlay.window} />;
  if (overlay?.kind === 'overview') {
    return (
      <Overview slides={slides} currentSlide={state.slide} cursor={state.overviewCursor} pane={overlay.pane} window={overlay.window} />
    );
  }
  if (overlay?.kind === 'search') {
    return (
      <SearchOverlay
        pane={overlay.pane}
        results={overlay.results}
        numberWidth={overlay.numberWidth}
        cursor={state.search.cursor}
        window={overlay.window}
        hasQuery={state.search.query !== ''}
      />
    );
  }
  return null;
}
