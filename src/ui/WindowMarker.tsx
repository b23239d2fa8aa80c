import { Text } from './Text.js';
import { moreLines } from '../layout/slide-rows.js';
import { sharedMarker, type LineWindow } from '../layout/window.js';

export interface WindowMarkerProps {
  readonly window: LineWindow;
  /** Which end of the pane's lines the marker stands at; a two-row window's marker for both ends stands below. */
  readonly end: 'above' | 'below';
  /** What the lines are, for the words: `line` (the help, the error list), `slide` (the overview). */
  readonly noun?: string;
  /** Whether the marker names the key that brings the lines (`: ↓`); the overview's keys move its highlight instead. */
  readonly hasKeys?: boolean;
}

/**
 * The row that says how many of a pane's lines are out of sight at one end, and the key that
 * brings them (`⋯ 9 more lines above: ↑`, `⋯ 4 more lines: ↓`, `⋯ 6 more slides`), or for both
 * ends in a window of two rows `⋯ ↑ 9 · ↓ 4`; nothing when the window has no marker there
 * (lineWindow).
 */
export function WindowMarker({ window, end, noun = 'line', hasKeys = true }: WindowMarkerProps) {
  const above = `${moreLines(window.above, noun)} above${hasKeys ? ': ↑' : ''}`;
  const below = `${moreLines(window.below, noun)}${hasKeys ? ': ↓' : ''}`;
  let text: string | undefined;
  if (end === 'above') text = window.hasTopMarker ? above : undefined;
  else if (window.hasBottomMarker || (window.hasSharedMarker && window.above === 0)) text = below;
  else if (window.hasSharedMarker) text = window.below === 0 ? above : sharedMarker(window);
  if (text === undefined) return null;
  return (
    <Text dimColor wrap="truncate-end">
      {text}
    </Text>
  );
}
