import { Text } from './Text.js';
import type { Diagnostic } from '../deck/deck-error.js';
import type { PaneLayout } from '../layout/chrome.js';
import type { LineWindow } from '../layout/window.js';
import { ScrollPane } from './ScrollPane.js';
import { useTheme } from './theme.js';

export interface ErrorPanelProps {
  readonly diagnostics: readonly Diagnostic[];
  /** Its pane, over the whole frame (layoutPane). */
  readonly pane: PaneLayout;
  /** Its lines (errorLines) and its window onto them, as layoutScreen works them out (lineWindow). */
  readonly lines: readonly string[];
  readonly window: LineWindow;
}

/**
 * Every problem of an invalid save, each with the source lines around it (`e` or Esc closes);
 * once a save fixed the deck while it was open, it says so (green) until it is closed.
 * When the list is taller than the panel, the next and previous keys scroll it (App), and
 * markers say how many lines are out of sight (lineWindow).
 */
export function ErrorPanel({ diagnostics, pane, lines, window }: ErrorPanelProps) {
  const scrolls = window.above > 0 || window.below > 0;
  const isFixed = diagnostics.length === 0;
  const theme = useTheme();
  const color = isFixed ? theme.ok : theme.error;
  return (
    <ScrollPane
      pane={pane}
      borderColor={color}
      window={window}
      header={
        <Text bold color={color} wrap="truncate-end">
          {isFixed
            ? 'No problems in the deck · '
            : `${diagnostics.length} problem${diagnostics.length === 1 ? '' : 's'} in the deck · showing the last good version · `}
          {scrolls ? '↓ ↑ scroll, ' : ''}e/Esc close
        </Text>
      }
    >
      <Text>{lines.slice(window.start, window.end).join('\n')}</Text>
    </ScrollPane>
  );
}
