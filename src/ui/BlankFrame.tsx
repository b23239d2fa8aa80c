import { Box } from 'ink';
import type { Blank } from '../navigation/deck-state.js';
import type { Size } from '../layout/chrome.js';
import { useTheme, type Theme } from './theme.js';
import { relativeLuminance } from '../terminal/background.js';

export interface BlankFrameProps {
  /** Black or white. */
  readonly blank: Exclude<Blank, 'none'>;
  /** The area to cover, in columns and rows. */
  readonly size: Size;
}

/**
 * The audience view while the speaker has blanked it: every cell of `size` black, or white, and
 * nothing else, no footer either. Where the theme paints its colours, black is the darker of its
 * background and text colours and white the lighter (a light theme's background is its white:
 * a black screen must darken the room in every theme); the terminal's black and white otherwise
 * (mono).
 */
export function BlankFrame({ blank, size }: BlankFrameProps) {
  return <Box width={size.columns} height={size.rows} flexShrink={0} backgroundColor={blankColour(useTheme(), blank)} />;
}

/** The colour of a blanked screen in `theme` (see BlankFrame): a `#rrggbb` of the theme's, or the terminal's `black` or `white`. */
export function blankColour({ background, text }: Theme, blank: Exclude<Blank, 'none'>): string {
  if (background === undefined || text === undefined) return blank;
  const [darker, lighter] = luminance(background) <= luminance(text) ? [background, text] : [text, background];
  return blank === 'black' ? darker : lighter;
}

/** Relative luminance of a `#rrggbb` colour, 0 to 1. */
function luminance(hex: string): number {
  const [red, green, blue] = [1, 3, 5].map((offset) => Number.parseInt(hex.slice(offset, offset + 2), 16) / 255);
  return relativeLuminance(red ?? 0, green ?? 0, blue ?? 0);
}
