import { Box } from 'ink';
import type { ReactNode } from 'react';
import type { LineWindow } from '../layout/window.js';
import { WindowMarker } from './WindowMarker.js';

export interface ScrollPaneProps {
  /** Size of the pane, border included, in columns and rows. */
  readonly columns: number;
  readonly rows: number;
  /** The border's colour; dimmed instead when `isDim`. */
  readonly borderColor?: string;
  readonly isDim?: boolean;
  /** Whether the pane keeps its size when the column it stands in is short (the notes pane). */
  readonly isRigid?: boolean;
  /** The header row, inside the border. */
  readonly header: ReactNode;
  /** The window onto the lines, when the pane marks the lines out of sight (WindowMarker); none for a pane that says so itself. */
  readonly window?: LineWindow;
  /** The lines in sight. */
  readonly children: ReactNode;
}

/**
 * A pane of lines that may scroll: Ink's round border with a column of padding each side, a
 * header row, then the lines in sight, between markers for the lines out of sight when `window`
 * is given. Its chrome is the one src/layout/chrome.ts counts (PANE_CHROME_ROWS,
 * PANE_CHROME_COLUMNS). The help, the error list, the speaker notes and the overview are drawn in it.
 */
export function ScrollPane({ columns, rows, borderColor, isDim = false, isRigid = false, header, window, children }: ScrollPaneProps) {
  return (
    <Box
      flexDirection="column"
      width={columns}
      height={rows}
      {...(isRigid ? { flexShrink: 0 } : {})}
      borderStyle="round"
      {...(isDim ? { borderDimColor: true } : { borderColor })}
      paddingX={1}
      overflow="hidden"
    >
      {header}
      {window === undefined ? null : <WindowMarker window={window} end="above" />}
      {children}
      {window === undefined ? null : <WindowMarker window={window} end="below" />}
    </Box>
  );
}
