import { Box, Text } from 'ink';
import { revealedBullets, type Slide } from '../deck/slides.js';
import { ContentSlideView } from './ContentSlideView.js';
import { theme } from './theme.js';

export interface SlideSummaryProps {
  readonly slide: Slide;
  /** Step shown, 0-based; bullets after it are dimmed, not hidden. */
  readonly step: number;
  /** Size of the area, in columns and rows. */
  readonly columns: number;
  readonly rows: number;
}

/** A slide in small type for the presenter view: plain titles, every bullet (unrevealed dimmed). */
export function SlideSummary({ slide, step, columns, rows }: SlideSummaryProps) {
  switch (slide.kind) {
    case 'content':
      return <ContentSlideView slide={slide} revealed={revealedBullets(slide, step)} showHidden compact columns={columns} rows={rows} />;
    case 'section':
      return (
        <Box flexDirection="column" width={columns} height={rows} paddingX={1} overflow="hidden">
          <Text dimColor>Section {slide.sectionNumber}</Text>
          <Text bold color={theme.title}>
            {slide.title}
          </Text>
        </Box>
      );
    case 'title':
      return (
        <Box flexDirection="column" width={columns} height={rows} paddingX={1} overflow="hidden">
          <Text dimColor>Title slide</Text>
          <Text bold color={theme.title}>
            {slide.title}
          </Text>
          {slide.subtitle ? <Text>{slide.subtitle}</Text> : null}
        </Box>
      );
  }
}
