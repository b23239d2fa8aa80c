import { Box, Text } from 'ink';
import { memo } from 'react';
import BigText from 'ink-big-text';
import { BIG_TEXT_OPTIONS, fitBigText } from '../render/big-text.js';
import { wrapText } from '../render/wrap.js';

export interface BigTitleProps {
  readonly text: string;
  /** Width available, in columns. */
  readonly columns: number;
  /** Height available, in rows. */
  readonly rows: number;
  readonly color?: string;
}

/**
 * A title drawn big, each line centred, with ink-big-text in the largest cfonts font that fits `columns` x `rows`,
 * or as plain bold text (wrapped, nothing dropped) when no font fits or the title has
 * characters cfonts cannot draw; a plain title taller than `rows` ends its last row with `…`.
 * Memoised: cfonts draws a title on every render otherwise, and frames re-render on each key.
 */
export const BigTitle = memo(function BigTitle({ text, columns, rows, color }: BigTitleProps) {
  const layout = fitBigText(text, columns, rows);
  if (layout === undefined) {
    const lines = wrapText(text, columns).split('\n');
    const shown = lines.length > rows ? [...lines.slice(0, Math.max(0, rows - 1)), `${lines[Math.max(0, rows - 1)] ?? ''}…`] : lines;
    return (
      <Box flexShrink={0}>
        <Text bold color={color}>
          {shown.join('\n')}
        </Text>
      </Box>
    );
  }
  // One drawing per line, so that each line is centred on its own.
  return (
    <Box flexDirection="column" alignItems="center" gap={BIG_TEXT_OPTIONS.lineHeight} flexShrink={0}>
      {layout.lines.map((line, index) => (
        <Text key={index} color={color}>
          <BigText {...{ ...BIG_TEXT_OPTIONS, colors: [...BIG_TEXT_OPTIONS.colors], font: layout.font }} text={line} />
        </Text>
      ))}
    </Box>
  );
});
