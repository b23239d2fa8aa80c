import { Box, Text } from 'ink';
import { formatDiagnostic, type Diagnostic } from '../deck/deck-error.js';
import { sourceExcerpt } from '../render/source-excerpt.js';
import { clipLines, moreLines } from '../render/slide-rows.js';
import { wrapText } from '../render/wrap.js';

export interface ErrorPanelProps {
  readonly diagnostics: readonly Diagnostic[];
  /** The invalid text, for the source lines around each problem. */
  readonly text: string;
  /** Size of the panel, in columns and rows. */
  readonly columns: number;
  readonly rows: number;
}

/** Every problem of an invalid save, each with the source lines around it (`e` or Esc closes). */
export function ErrorPanel({ diagnostics, text, columns, rows }: ErrorPanelProps) {
  const inner = Math.max(1, columns - 4);
  const lines = diagnostics.flatMap((diagnostic, index) => [
    ...(index > 0 ? [''] : []),
    ...wrapText(formatDiagnostic(diagnostic), inner).split('\n'),
    ...sourceExcerpt(text, diagnostic).map((line) => line.slice(0, inner)),
  ]);
  const visible = Math.max(0, rows - 3);
  const shown = clipLines(lines, visible, moreLines);
  return (
    <Box flexDirection="column" width={columns} height={rows} borderStyle="round" borderColor="red" paddingX={1} overflow="hidden">
      <Text bold color="red" wrap="truncate-end">
        {diagnostics.length} problem{diagnostics.length === 1 ? '' : 's'} in the deck · showing the last good version · e/Esc close
      </Text>
      <Text>{shown.join('\n')}</Text>
    </Box>
  );
}
