import { Box } from 'ink';
import { Text } from './Text.js';
import stringWidth from 'string-width';
import type { PaneLayout } from '../layout/chrome.js';
import type { LineWindow } from '../layout/window.js';
import type { HelpLine } from '../layout/help-lines.js';
import { useTheme } from './theme.js';
import { ScrollPane } from './ScrollPane.js';

export interface HelpOverlayProps {
  /** Its pane, over the frame less its footer (layoutPane). */
  readonly pane: PaneLayout;
  /** Its lines (helpLines) and its window onto them, as layoutScreen works them out (lineWindow). */
  readonly lines: readonly HelpLine[];
  readonly window: LineWindow;
}

/**
 * What the help's header says after "Keys", in at most `columns` columns: the longest of its
 * wordings that fits, so that a narrow help still says how to close it, rather than a cut sentence.
 */
export function helpHint(scrolls: boolean, columns: number): string {
  const wordings = scrolls
    ? [' · ↓ ↑ scroll, other keys close this', ' · ↓ ↑ scroll, q closes', ' · ↓↑, q closes', ' · q closes']
    : [' · any key closes this', ' · any key closes', ' · q closes'];
  return wordings.find((wording) => stringWidth(wording) <= columns) ?? '';
}

/**
 * The key help of a view, generated from the key map (`KEY_BINDINGS`) so the two never drift.
 * When it is taller than its area, ↓ and ↑ (any key bound to next or previous) scroll it, and
 * markers say how many lines are out of sight.
 */
export function HelpOverlay({ pane, lines, window }: HelpOverlayProps) {
  const theme = useTheme();
  const scrolls = window.above > 0 || window.below > 0;
  return (
    <ScrollPane
      pane={pane}
      borderColor={theme.accent}
      window={window}
      header={
        <Text wrap="truncate-end">
          <Text bold color={theme.accent}>
            Keys
          </Text>
          <Text dimColor>{helpHint(scrolls, pane.headerColumns - stringWidth('Keys'))}</Text>
        </Text>
      }
    >
      <Box flexDirection="column" flexShrink={0}>
        {lines.slice(window.start, window.end).map((line, index) => (
          <Text key={index}>
            <Text bold>{line.keys}</Text>
            {line.text}
          </Text>
        ))}
      </Box>
    </ScrollPane>
  );
}
