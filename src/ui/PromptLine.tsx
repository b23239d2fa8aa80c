import { Box } from 'ink';
import { truncateToWidth } from '../text/truncate.js';
import { Text } from './Text.js';
import { useTheme } from './theme.js';

export interface PromptLineProps {
  /** What to ask. */
  readonly text: string;
  /** Width, in columns; the line is one row. */
  readonly columns: number;
}

/** A question to the speaker, in place of the footer or the status row (`press Esc again to quit`). */
export function PromptLine({ text, columns }: PromptLineProps) {
  const theme = useTheme();
  return (
    <Box width={columns} height={1} flexShrink={0}>
      <Text bold color={theme.accent}>
        {truncateToWidth(text, columns)}
      </Text>
    </Box>
  );
}

/** What Esc with nothing open asks. */
export const QUIT_PROMPT = 'press Esc again to quit';
