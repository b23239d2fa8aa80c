import path from 'node:path';
import { Box } from 'ink';
import { Text } from './Text.js';
import { useTheme } from './theme.js';
import stringWidth from 'string-width';
import { escapeControls } from '../deck/sanitize.js';
import type { Diagnostic } from '../deck/deck-error.js';
import { truncateOutsideNumbers } from '../text/truncate.js';

export interface ErrorBannerProps {
  readonly diagnostics: readonly Diagnostic[];
  /** Width, in columns; the banner is one row. */
  readonly columns: number;
}

/** Columns the problem keeps, at least, beside its place, before the hint is shortened. */
const MIN_MESSAGE_COLUMNS = 8;

/**
 * One red row over the last good deck after an invalid save: where the first problem is and
 * what it is, how many more there are, and the key that lists them all. The place is the
 * file's name with line and column (`slides.yaml:12:7`) when the whole problem fits with it,
 * else line and column alone, which always show; the hint shortens (`(+12 more) · e: details`,
 * `(+12) · e`, `e`) before the problem loses its last columns, and the problem is cut with `…`,
 * never inside a number (truncateOutsideNumbers). The field path and the full file path are in
 * the list `e` opens.
 */
export function ErrorBanner({ diagnostics, columns }: ErrorBannerProps) {
  const theme = useTheme();
  const [first] = diagnostics;
  if (first === undefined) return null;
  const more = diagnostics.length - 1;
  const position = first.line === 0 ? '' : `${first.line}:${first.column}`;
  const file = escapeControls(path.basename(first.file));
  const message = escapeControls(first.message);
  const place = ` ${position === '' ? file : position}: `;
  const hints = [`${more > 0 ? ` (+${more} more)` : ''} · e: details `, `${more > 0 ? ` (+${more})` : ''} · e `, ' e '];
  const hint = hints.find((candidate) => stringWidth(place) + MIN_MESSAGE_COLUMNS + stringWidth(candidate) <= columns) ?? '';
  const room = Math.max(0, columns - stringWidth(hint));
  const withFile = ` ${[file, position].filter((part) => part !== '').join(':')}: ${message}`;
  const text = stringWidth(withFile) <= room ? withFile : truncateOutsideNumbers(`${place}${message}`, room);
  // Padded to its room, so the whole row is the error colour, with no gap before the hint. In
  // a theme without colours (mono), in inverse video.
  const style = theme.error === undefined ? { inverse: true } : { backgroundColor: theme.error, color: theme.background };
  return (
    <Box width={columns} height={1} flexShrink={0}>
      <Text {...style} bold wrap="truncate-end">
        {text + ' '.repeat(Math.max(0, room - stringWidth(text)))}
      </Text>
      <Text {...style} wrap="truncate-end">
        {hint}
      </Text>
    </Box>
  );
}
