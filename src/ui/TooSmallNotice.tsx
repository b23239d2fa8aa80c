import { Box, Text } from 'ink';
import { wrapText } from '../text/wrap.js';
import { MIN_COLUMNS, MIN_ROWS, RESERVED_ROWS } from '../layout/frame-layout.js';

export interface TooSmallNoticeProps {
  /** Size of the frame, in columns and rows. */
  readonly columns: number;
  readonly rows: number;
}

/** Shown instead of the deck when the frame is below {@link MIN_COLUMNS} x {@link MIN_ROWS}; names the terminal size needed. */
export function TooSmallNotice({ columns, rows }: TooSmallNoticeProps) {
  const need = `${MIN_COLUMNS}x${MIN_ROWS + RESERVED_ROWS}`;
  // The size needed is the point of the notice, so the wording shrinks before it is cut.
  const notice =
    columns >= 38
      ? `terminal too small: need at least ${need}`
      : columns >= 10
        ? `too small, need ${need}`
        : columns >= need.length
          ? need
          : '';
  return (
    <Box width={columns} height={rows} alignItems="center" justifyContent="center" overflow="hidden">
      <Text>{notice === '' ? '' : wrapText(notice, columns)}</Text>
    </Box>
  );
}
