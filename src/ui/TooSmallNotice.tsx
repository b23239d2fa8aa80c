import { Box, Text } from 'ink';
import { MIN_COLUMNS, MIN_ROWS } from './layout.js';

export interface TooSmallNoticeProps {
  /** Size of the frame, in columns and rows. */
  readonly columns: number;
  readonly rows: number;
}

/** Shown instead of the deck when the frame is below {@link MIN_COLUMNS} x {@link MIN_ROWS}. */
export function TooSmallNotice({ columns, rows }: TooSmallNoticeProps) {
  return (
    <Box width={columns} height={rows} alignItems="center" justifyContent="center" overflow="hidden">
      <Text wrap="wrap">
        terminal too small: need at least {MIN_COLUMNS}x{MIN_ROWS + 1}
      </Text>
    </Box>
  );
}
