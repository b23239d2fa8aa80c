import { Box, Text } from 'ink';
import { revealedBullets, type Slide } from '../deck/slides.js';
import { moreLines } from '../layout/slide-rows.js';
import { lineWindow } from '../layout/window.js';
import { wrapText } from '../text/wrap.js';
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

/**
 * A slide in small type for the presenter view: plain titles, every bullet (unrevealed dimmed);
 * what does not fit in `rows` is counted in a last `⋯ N more lines` row.
 */
export function SlideSummary({ slide, step, columns, rows }: SlideSummaryProps) {
  switch (slide.kind) {
    case 'content':
      return <ContentSlideView slide={slide} revealed={revealedBullets(slide, step)} showHidden compact columns={columns} rows={rows} />;
    case 'section':
    case 'title': {
      // Wrapped and cut here, line by line: Ink would squeeze wrapped Texts into too few rows
      // and draw them over each other.
      const parts = [
        { text: slide.title, style: 'title' },
        ...(slide.kind === 'title' && slide.subtitle ? [{ text: slide.subtitle, style: 'plain' }] : []),
      ];
      const wrapped = parts.flatMap((part) =>
        wrapText(part.text, Math.max(1, columns - 2))
          .split('\n')
          .map((text) => ({ text, style: part.style })),
      );
      // The label says least: it goes first only when everything else fits below it.
      const label = { text: slide.kind === 'section' ? `Section ${slide.sectionNumber}` : 'Title slide', style: 'label' };
      const lines = wrapped.length < rows ? [label, ...wrapped] : wrapped;
      const window = lineWindow(lines.length, rows, { scroll: 0 });
      const shown = window.below > 0 ? [...lines.slice(0, window.end), { text: moreLines(window.below), style: 'label' }] : lines;
      return (
        <Box flexDirection="column" width={columns} height={rows} paddingX={1} overflow="hidden">
          {shown.map((line, index) => (
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
  }
}
