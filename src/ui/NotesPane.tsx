import { Box, Text } from 'ink';
import { reflowParagraphs, wrapText } from '../render/wrap.js';

export interface NotesPaneProps {
  /** The speaker notes of the current slide; `undefined` when it has none. */
  readonly notes: string | undefined;
  /** Size of the pane including its border, in columns and rows. */
  readonly columns: number;
  readonly rows: number;
}

/** Columns and rows the border and padding take from the pane. */
const CHROME_COLUMNS = 4;
const CHROME_ROWS = 3;

/**
 * The speaker-notes pane: a bordered box with the notes reflowed to its width. Notes longer than
 * the pane end with a `⋯ N more lines` marker rather than being cut silently.
 */
export function NotesPane({ notes, columns, rows }: NotesPaneProps) {
  const text = notes === undefined ? '' : reflowParagraphs(notes);
  const available = Math.max(0, rows - CHROME_ROWS);
  let lines = text === '' ? [] : wrapText(text, columns - CHROME_COLUMNS).split('\n');
  let more = '';
  if (lines.length > available && available > 0) {
    const hidden = lines.length - (available - 1);
    lines = lines.slice(0, available - 1);
    more = `⋯ ${hidden} more line${hidden === 1 ? '' : 's'}`;
  }
  return (
    <Box flexDirection="column" width={columns} height={rows} flexShrink={0} borderStyle="round" borderDimColor paddingX={1} overflow="hidden">
      <Text bold dimColor>
        Speaker notes
      </Text>
      {text === '' ? <Text dimColor>(no notes for this slide)</Text> : <Text>{lines.join('\n')}</Text>}
      {more === '' ? null : <Text dimColor>{more}</Text>}
    </Box>
  );
}
