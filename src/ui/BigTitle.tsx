import { Box } from 'ink';
import { Text } from './Text.js';
import { memo } from 'react';
import BigText from 'ink-big-text';
import { BIG_TEXT_FONTS, BIG_TEXT_OPTIONS, cfontsDrawsOnOneLine, drawBigText, fitBigText, type BigTextFont } from '../layout/big-text.js';
import { wrapText } from '../text/wrap.js';

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
          <BigTextLine text={line} font={layout.font} width={layout.width} />
        </Text>
      ))}
    </Box>
  );
});

/** Options for ink-big-text, one object per font, so a line's props are equal between frames. */
const BIG_TEXT_PROPS = Object.fromEntries(
  BIG_TEXT_FONTS.map((font) => [font, { ...BIG_TEXT_OPTIONS, colors: [...BIG_TEXT_OPTIONS.colors], font }]),
) as Record<BigTextFont, typeof BIG_TEXT_OPTIONS & { font: BigTextFont; colors: string[] }>;

interface BigTextLineProps {
  readonly text: string;
  readonly font: BigTextFont;
  /** Width of the widest line of the title, in columns, as laid out by fitBigText. */
  readonly width: number;
}

/**
 * One line of a big title, drawn by ink-big-text. Memoised, so cfonts draws it again only when
 * the line or its font changes. Where cfonts would break the line at the width of the terminal
 * it measured when first imported (a frame laid out for a wider terminal than the real one, as
 * `render --columns 200` does), the same drawing is taken from drawBigText, which passes cfonts
 * the size instead, so a frame depends only on its own size.
 */
const BigTextLine = memo(function BigTextLine({ text, font, width }: BigTextLineProps) {
  if (cfontsDrawsOnOneLine(width)) return <BigText {...BIG_TEXT_PROPS[font]} text={text} />;
  return <Text>{drawBigText(text, font).join('\n')}</Text>;
});
