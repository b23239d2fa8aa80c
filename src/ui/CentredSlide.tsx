import { Box } from 'ink';
import type { ReactNode } from 'react';
import type { Size } from '../layout/chrome.js';
import { TITLE_PADDING_X } from '../layout/frame-layout.js';

export interface CentredSlideProps {
  /** Size of the slide area, in columns and rows. */
  readonly size: Size;
  readonly children: ReactNode;
}

/**
 * The area of a title or section slide: its lines centred as a block, within TITLE_PADDING_X
 * columns of padding each side, clipped below rather than drawn over the footer.
 */
export function CentredSlide({ size, children }: CentredSlideProps) {
  return (
    <Box
      flexDirection="column"
      alignItems="center"
      justifyContent="center"
      width={size.columns}
      height={size.rows}
      paddingX={TITLE_PADDING_X}
      overflowY="hidden"
    >
      {children}
    </Box>
  );
}
