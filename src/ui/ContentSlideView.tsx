import { Box, Text } from 'ink';
import type { SlideRow } from '../layout/slide-rows.js';
import type { ContentSlideLayout } from '../layout/slide-layout.js';
import { theme } from './theme.js';

export interface ContentSlideViewProps {
  /** The slide's rows and padding in its area, as layoutSlide lays them out at its step. */
  readonly layout: ContentSlideLayout;
}

/**
 * A content slide: its title, a rule, and its bullets with hanging indents, laid out row by row
 * by {@link layoutContentSlide} so that what does not fit is clipped with a visible marker.
 */
export function ContentSlideView({ layout }: ContentSlideViewProps) {
  const { size, paddingX, paddingTop, rows, revealed, showsHidden } = layout;
  return (
    <Box
      flexDirection="column"
      width={size.columns}
      height={size.rows}
      paddingX={paddingX}
      paddingTop={paddingTop}
      overflowY="hidden"
      flexShrink={0}
    >
      {rows.map((line, index) => {
        const isHidden = line.bullet !== undefined && line.bullet >= revealed;
        if (isHidden && !showsHidden) return <Text key={index}> </Text>;
        return <Row key={index} line={line} isDim={isHidden} />;
      })}
    </Box>
  );
}

function Row({ line, isDim }: { readonly line: SlideRow; readonly isDim: boolean }) {
  switch (line.style) {
    case 'title':
      return (
        <Text bold color={theme.title}>
          {line.text}
        </Text>
      );
    case 'rule':
      return <Text color={theme.accent}>{line.text}</Text>;
    case 'blank':
      return <Text> </Text>;
    case 'more':
      return <Text dimColor>{line.text}</Text>;
    case 'bullet':
      return (
        <Text dimColor={isDim}>
          {/* Not yet revealed: a hollow marker too, since NO_COLOR turns dimming off. */}
          <Text color={isDim ? undefined : theme.bullet}>{isDim ? line.marker.replace('•', '○') : line.marker}</Text>
          {line.text}
        </Text>
      );
  }
}
