import { Box } from 'ink';
import { Text } from './Text.js';

export interface NoticeBannerProps {
  /** What to say; truncated with `…` when the row is too short. */
  readonly text: string;
  /** Width, in columns; the banner is one row. */
  readonly columns: number;
}

/** One row over the frame about the state of this view (not an error in the deck). */
export function NoticeBanner({ text, columns }: NoticeBannerProps) {
  return (
    <Box width={columns} height={1} flexShrink={0}>
      <Text backgroundColor="yellow" color="black" wrap="truncate-end">
        {` ${text} `}
      </Text>
    </Box>
  );
}
