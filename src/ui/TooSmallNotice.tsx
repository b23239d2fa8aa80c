import { Box } from 'ink';
import { Text } from './Text.js';
import { wrapText } from '../text/wrap.js';
import { SMALLEST_TERMINAL } from '../layout/frame-layout.js';

export interface TooSmallNoticeProps {
  /** Size of the frame, in columns and rows. */
  readonly columns: number;
  readonly rows: number;
}

/** Shown instead of the deck when the frame is below MIN_COLUMNS x MIN_ROWS (frame-layout.ts); names the terminal size needed. */
export function TooSmallNotice({ columns, rows }: TooSmallNoticeProps) {
  const need = SMALLEST_TERMINAL;
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
