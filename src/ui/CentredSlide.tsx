import { Box } from 'ink';
import type { ReactNode } from 'react';
import { TITLE_PADDING_X } from '../layout/frame-layout.js';

export interface CentredSlideProps {
  /** Size of the slide area, in columns and rows. */
  readonly columns: number;
  readonly rows: number;
  readonly children: ReactNode;
}

/**
 * The area of a title or section slide: its lines centred as a block, within TITLE_PADDING_X
 * columns of padding each side, clipped below rather than drawn over the footer.
 */
export function CentredSlide({ columns, rows, children }: CentredSlideProps) {
  return (
    <Box
      flexDirection="column"
      alignItems="center"
      justifyContent="center"
      width={columns}
      height={rows}
      paddingX={TITLE_PADDING_X}
      overflowY="hidden"
    >
      {children}
    </Box>
  );
}
