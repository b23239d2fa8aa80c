import { Box } from 'ink';
import type { ReactNode } from 'react';
import type { PaneLayout } from '../layout/chrome.js';
import type { LineWindow } from '../layout/window.js';
import { WindowMarker } from './WindowMarker.js';
import { mutedBorder, useTheme } from './theme.js';

export interface ScrollPaneProps {
  /** The pane as layoutPane lays it out; it fills `pane.size`. */
  readonly pane: PaneLayout;
  /** The border's colour; dimmed instead when `isDim`. */
  readonly borderColor?: string;
  readonly isDim?: boolean;
  /** Whether the pane keeps its size when the column it stands in is short (the notes pane). */
  readonly isRigid?: boolean;
  /** The header row, inside the border, `pane.headerColumns` wide. */
  readonly header: ReactNode;
  /** The window onto the lines, when the pane marks the lines out of sight (WindowMarker); none for a pane that says so itself. */
  readonly window?: LineWindow;
  /** How its markers word the lines out of sight (WindowMarker's `noun` and `hasKeys`). */
  readonly marker?: { readonly noun: string; readonly hasKeys: boolean };
  /** The lines in sight. */
  readonly children: ReactNode;
}

/**
 * A pane of lines that may scroll: Ink's round border with a column of padding each side, a
 * header row, then the lines in sight, between markers for the lines out of sight when `window`
 * is given. Its chrome is the one src/layout/chrome.ts counts (layoutPane). The help, the error
 * list, the speaker notes and the overview are drawn in it.
 */
export function ScrollPane({ pane, borderColor, isDim = false, isRigid = false, header, window, marker, children }: ScrollPaneProps) {
  const theme = useTheme();
  return (
    <Box
      flexDirection="column"
      width={pane.size.columns}
      height={pane.size.rows}
      {...(isRigid ? { flexShrink: 0 } : {})}
      borderStyle="round"
      // Borders do not take the background of the box they are on (Ink): the theme's, given.
      borderBackgroundColor={theme.background}
      {...(isDim ? mutedBorder(theme) : { borderColor: borderColor ?? theme.border })}
      paddingX={1}
      overflow="hidden"
    >
      {header}
      {window === undefined ? null : <WindowMarker window={window} end="above" {...marker} />}
      {children}
      {window === undefined ? null : <WindowMarker window={window} end="below" {...marker} />}
    </Box>
  );
}
