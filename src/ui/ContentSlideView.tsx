import { Box, Text } from 'ink';
import type { ContentSlide } from '../deck/slides.js';
import { layoutContentSlide, type SlideRow } from '../layout/slide-rows.js';
import { contentArea } from '../layout/frame-layout.js';
import { theme } from './theme.js';

export interface ContentSlideViewProps {
  readonly slide: ContentSlide;
  /** Bullets revealed so far (see `revealedBullets`); the rest are blank, or dimmed with `showHidden`. */
  readonly revealed: number;
  /** Show bullets not yet revealed, dimmed (the presenter view) instead of leaving them blank. */
  readonly showHidden?: boolean;
  /** Small margins, for the panes of the presenter view. */
  readonly compact?: boolean;
  /** Size of the slide area, in columns and rows. */
  readonly columns: number;
  readonly rows: number;
}

/**
 * A content slide: its title, a rule, and its bullets with hanging indents, laid out row by row
 * by {@link layoutContentSlide} so that what does not fit is clipped with a visible marker.
 */
export function ContentSlideView({ slide, revealed, showHidden = false, compact = false, columns, rows }: ContentSlideViewProps) {
  const { paddingX, paddingTop, ...area } = contentArea(columns, rows, compact);
  const lines = layoutContentSlide(slide.title, slide.bullets, area.columns, area.rows, showHidden ? undefined : revealed);
  return (
    <Box flexDirection="column" width={columns} height={rows} paddingX={paddingX} paddingTop={paddingTop} overflowY="hidden" flexShrink={0}>
      {lines.map((line, index) => {
        const isHidden = line.bullet !== undefined && line.bullet >= revealed;
        if (isHidden && !showHidden) return <Text key={index}> </Text>;
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
