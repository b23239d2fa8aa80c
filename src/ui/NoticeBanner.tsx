import { Box } from 'ink';
import { Text } from './Text.js';
import { useTheme } from './theme.js';

export interface NoticeBannerProps {
  /** What to say; truncated with `…` when the row is too short. */
  readonly text: string;
  /** Width, in columns; the banner is one row. */
  readonly columns: number;
}

/** One row over the frame about the state of this view (not an error in the deck). */
export function NoticeBanner({ text, columns }: NoticeBannerProps) {
  const theme = useTheme();
  // In a theme without colours (mono), in inverse video.
  const style = theme.notice === undefined ? { inverse: true } : { backgroundColor: theme.notice, color: theme.noticeText };
  return (
    <Box width={columns} height={1} flexShrink={0}>
      <Text {...style} wrap="truncate-end">
        {` ${text} `}
      </Text>
    </Box>
  );
}
