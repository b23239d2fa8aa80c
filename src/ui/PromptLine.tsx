import { Box } from 'ink';
import stringWidth from 'string-width';
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
  // The short form where the sentence would be cut: the question must be read whole.
  const shown = stringWidth(text) <= columns ? text : (SHORT_PROMPTS[text] ?? text);
  return (
    <Box width={columns} height={1} flexShrink={0}>
      <Text bold color={theme.accent}>
        {truncateToWidth(shown, columns)}
      </Text>
    </Box>
  );
}

/** What Esc with nothing open asks. */
export const QUIT_PROMPT = 'press Esc again to quit';

const SHORT_PROMPTS: Readonly<Record<string, string>> = { [QUIT_PROMPT]: 'Esc again: quit' };
