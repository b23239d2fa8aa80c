import { Box, Text } from 'ink';
import stringWidth from 'string-width';
import { formatDiagnostic, type Diagnostic } from '../deck/deck-error.js';
import { truncateAtWord } from '../text/truncate.js';

export interface ErrorBannerProps {
  readonly diagnostics: readonly Diagnostic[];
  /** Width, in columns; the banner is one row. */
  readonly columns: number;
}

/**
 * One row over the last good deck after an invalid save: the first problem with its place, how
 * many more there are, and the key that lists them all (always shown; the problem is truncated
 * with `…` when the row is too short).
 */
export function ErrorBanner({ diagnostics, columns }: ErrorBannerProps) {
  const [first] = diagnostics;
  if (first === undefined) return null;
  const hint = `${diagnostics.length > 1 ? ` (+${diagnostics.length - 1} more)` : ''} · e: details `;
  // The hint stays whole; the problem is cut between words when the row is too short, so a cut
  // never leaves part of a number that reads as another.
  return (
    <Box width={columns} height={1} flexShrink={0}>
      <Box flexGrow={1} flexShrink={1}>
        <Text backgroundColor="red" color="white" bold wrap="truncate-end">
          {truncateAtWord(` ${formatDiagnostic(first)}`, Math.max(0, columns - stringWidth(hint)))}
        </Text>
      </Box>
      <Box flexShrink={0}>
        <Text backgroundColor="red" color="white">{hint}</Text>
      </Box>
    </Box>
  );
}
