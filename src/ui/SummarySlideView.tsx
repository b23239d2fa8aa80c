import { Box } from 'ink';
import { Text } from './Text.js';
import type { SummarySlideLayout } from '../layout/slide-layout.js';
import { useTheme } from './theme.js';

export interface SummarySlideViewProps {
  /** The slide's lines in small type, fitted to its area, as layoutSlide lays them out. */
  readonly layout: SummarySlideLayout;
}

/** A title or section slide in small type, for the presenter's panes: plain lines, the last one counting what does not fit. */
export function SummarySlideView({ layout: { size, paddingX, lines } }: SummarySlideViewProps) {
  const theme = useTheme();
  return (
    <Box flexDirection="column" width={size.columns} height={size.rows} paddingX={paddingX} overflow="hidden">
      {lines.map((line, index) => (
        <Text
          key={index}
          dimColor={line.style === 'label'}
          bold={line.style === 'title'}
          color={line.style === 'title' ? theme.title : undefined}
          wrap="truncate-end"
        >
          {line.text}
        </Text>
      ))}
    </Box>
  );
}
