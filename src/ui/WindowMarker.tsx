import { Text } from 'ink';
import { moreLines } from '../layout/slide-rows.js';
import type { OverlayWindow } from '../layout/window.js';

export interface WindowMarkerProps {
  readonly window: OverlayWindow;
  /** Which end of the overlay's lines the marker stands at. */
  readonly end: 'above' | 'below';
}

/**
 * The row that says how many of an overlay's lines are out of sight at one end, and the key that
 * brings them (`⋯ 9 more lines above: ↑`, `⋯ 4 more lines: ↓`); nothing when none are, or, above,
 * when the window has no room for it (OverlayWindow.hasTopMarker).
 */
export function WindowMarker({ window, end }: WindowMarkerProps) {
  const isShown = end === 'above' ? window.hasTopMarker : window.below > 0;
  if (!isShown) return null;
  return (
    <Text dimColor wrap="truncate-end">
      {end === 'above' ? `${moreLines(window.above)} above: ↑` : `${moreLines(window.below)}: ↓`}
    </Text>
  );
}
