import { Text } from 'ink';
import { moreLines } from '../layout/slide-rows.js';
import { sharedMarker, type LineWindow } from '../layout/window.js';

export interface WindowMarkerProps {
  readonly window: LineWindow;
  /** Which end of the pane's lines the marker stands at; a two-row window's marker for both ends stands below. */
  readonly end: 'above' | 'below';
}

/**
 * The row that says how many of a pane's lines are out of sight at one end, and the key that
 * brings them (`⋯ 9 more lines above: ↑`, `⋯ 4 more lines: ↓`, or for both ends in a window of
 * two rows `⋯ ↑ 9 · ↓ 4`); nothing when the window has no marker there (lineWindow).
 */
export function WindowMarker({ window, end }: WindowMarkerProps) {
  const text = end === 'above' ? (window.hasTopMarker ? `${moreLines(window.above)} above: ↑` : undefined) : belowMarker(window);
  if (text === undefined) return null;
  return (
    <Text dimColor wrap="truncate-end">
      {text}
    </Text>
  );
}

function belowMarker(window: LineWindow): string | undefined {
  if (window.hasBottomMarker || (window.hasSharedMarker && window.above === 0)) return `${moreLines(window.below)}: ↓`;
  if (window.hasSharedMarker && window.below === 0) return `${moreLines(window.above)} above: ↑`;
  return window.hasSharedMarker ? sharedMarker(window) : undefined;
}
