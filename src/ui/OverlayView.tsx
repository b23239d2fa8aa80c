import type { Slide } from '../deck/slides.js';
import { FOOTER_ROWS } from '../layout/frame-layout.js';
import type { ScreenLayout } from '../layout/screen-layout.js';
import type { DeckState } from '../navigation/deck-state.js';
import { HelpOverlay } from './HelpOverlay.js';
import { Overview } from './Overview.js';

export interface OverlayViewProps {
  readonly slides: readonly Slide[];
  readonly state: DeckState;
  /** The screen as layoutScreen lays it out: the overlay covers its frame less the footer, and draws the lines and window it gives. */
  readonly screen: ScreenLayout;
}

/** The help or the overview, whichever `state` has open, for either view; `null` when neither is. */
export function OverlayView({ slides, state, screen }: OverlayViewProps) {
  const { columns } = screen.frame;
  const rows = screen.frame.rows - FOOTER_ROWS;
  if (state.overlay === 'help' && screen.helpLines !== undefined && screen.overlayWindow !== undefined) {
    return <HelpOverlay columns={columns} rows={rows} lines={screen.helpLines} window={screen.overlayWindow} />;
  }
  if (state.overlay === 'overview' && screen.overviewWindow !== undefined) {
    return (
      <Overview
        slides={slides}
        currentSlide={state.slide}
        cursor={state.overviewCursor}
        columns={columns}
        rows={rows}
        window={screen.overviewWindow}
      />
    );
  }
  return null;
}
