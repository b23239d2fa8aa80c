import path from 'node:path';
import { Box, Text } from 'ink';
import stringWidth from 'string-width';
import { escapeControls } from '../deck/sanitize.js';
import type { Diagnostic } from '../deck/deck-error.js';
import { truncateAtWord } from '../text/truncate.js';

export interface ErrorBannerProps {
  readonly diagnostics: readonly Diagnostic[];
  /** Width, in columns; the banner is one row. */
  readonly columns: number;
}

/** Columns the problem keeps, at least, once its place is shown: below, the file name goes. */
const MIN_MESSAGE_COLUMNS = 12;

/**
 * One row over the last good deck after an invalid save: where the first problem is and what it
 * is, how many more there are, and the key that lists them all. The hint always shows whole; the
 * place is the file's name with line and column (`slides.yaml:12:7`), or only `12:7` when the
 * row is too short for the name and some of the problem; the problem is cut with `…` (between
 * words where that wastes little, see truncateAtWord). The field path and the full file path are
 * in the list `e` opens.
 */
export function ErrorBanner({ diagnostics, columns }: ErrorBannerProps) {
  const [first] = diagnostics;
  if (first === undefined) return null;
  const hint = `${diagnostics.length > 1 ? ` (+${diagnostics.length - 1} more)` : ''} · e: details `;
  const room = Math.max(0, columns - stringWidth(hint));
  const position = first.line === 0 ? '' : `${first.line}:${first.column}`;
  const file = escapeControls(path.basename(first.file));
  const withFile = ` ${[file, position].filter((part) => part !== '').join(':')}: `;
  const place = stringWidth(withFile) + MIN_MESSAGE_COLUMNS <= room || position === '' ? withFile : ` ${position}: `;
  return (
    <Box width={columns} height={1} flexShrink={0}>
      <Box flexGrow={1} flexShrink={1}>
        <Text backgroundColor="red" color="white" bold wrap="truncate-end">
          {truncateAtWord(`${place}${escapeControls(first.message)}`, room)}
        </Text>
      </Box>
      <Box flexShrink={0}>
        <Text backgroundColor="red" color="white">{hint}</Text>
      </Box>
    </Box>
  );
}
