import { Box, Text } from 'ink';
import BigText from 'ink-big-text';
import { BIG_TEXT_OPTIONS, fitBigText } from '../render/big-text.js';

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
 * characters cfonts cannot draw.
 */
export function BigTitle({ text, columns, rows, color }: BigTitleProps) {
  const layout = fitBigText(text, columns, rows);
  if (layout === undefined) {
    return (
      <Text bold color={color} wrap="wrap">
        {text}
      </Text>
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
}
