import type { Slide } from '../deck/slides.js';
import type { DeckState } from '../navigation/deck-state.js';
import type { View } from '../navigation/key-bindings.js';
import type { OverlayWindow, OverviewPaneWindow } from '../layout/window.js';
import { HelpOverlay } from './HelpOverlay.js';
import { Overview } from './Overview.js';

export interface OverlayViewProps {
  readonly view: View;
  readonly slides: readonly Slide[];
  readonly state: DeckState;
  /** Size of the area the overlay covers, in columns and rows. */
  readonly columns: number;
  readonly rows: number;
  /** The help's window onto its lines, when the help is open (layoutScreen). */
  readonly window: OverlayWindow | undefined;
  /** The overview's window onto the slides, when the overview is open (layoutScreen). */
  readonly overviewWindow: OverviewPaneWindow | undefined;
}

/** The help or the overview, whichever `state` has open, for either view; `null` when neither is. */
export function OverlayView({ view, slides, state, columns, rows, window, overviewWindow }: OverlayViewProps) {
  if (state.overlay === 'help' && window !== undefined) return <HelpOverlay view={view} columns={columns} rows={rows} window={window} />;
  if (state.overlay === 'overview' && overviewWindow !== undefined) {
    return (
      <Overview
        slides={slides}
        currentSlide={state.slide}
        cursor={state.overviewCursor}
        columns={columns}
        rows={rows}
        window={overviewWindow}
      />
    );
  }
  return null;
}
