import { Box } from 'ink';
import type { Blank } from '../navigation/deck-state.js';
import type { Size } from '../layout/chrome.js';
import { useTheme } from './theme.js';

export interface BlankFrameProps {
  /** Black or white. */
  readonly blank: Exclude<Blank, 'none'>;
  /** The area to cover, in columns and rows. */
  readonly size: Size;
}

/**
 * The audience view while the speaker has blanked it: every cell of `size` black, or white, and
 * nothing else, no footer either. Black is the theme's background and white its text colour when
 * the theme paints them; the terminal's black and white otherwise (mono).
 */
export function BlankFrame({ blank, size }: BlankFrameProps) {
  const theme = useTheme();
  const colour = blank === 'black' ? (theme.background ?? 'black') : (theme.text ?? 'white');
  return <Box width={size.columns} height={size.rows} flexShrink={0} backgroundColor={colour} />;
}
