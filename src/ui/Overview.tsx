import { Box, Text } from 'ink';
import type { Slide } from '../deck/slides.js';
import { truncateToWidth } from '../text/truncate.js';
import { theme } from './theme.js';

export interface OverviewProps {
  readonly slides: readonly Slide[];
  /** Slide being shown, 0-based. */
  readonly currentSlide: number;
  /** Highlighted slide, 0-based. */
  readonly cursor: number;
  /** Size of the area the overview covers, in columns and rows. */
  readonly columns: number;
  readonly rows: number;
}

/**
 * The overview: every slide by number, section dividers in bold, the current one marked `▶`
 * and the highlighted one marked `›` and shown in inverse video.
 * The list scrolls to keep the highlight in view (centred where possible).
 */
export function Overview({ slides, currentSlide, cursor: cursorIndex, columns, rows }: OverviewProps) {
  const visibleRows = Math.max(1, rows - 3);
  const start = Math.min(Math.max(0, cursorIndex - Math.floor(visibleRows / 2)), Math.max(0, slides.length - visibleRows));
  const numberWidth = String(slides.length).length;
  // Inside the border and the padding, one column each side.
  const entryColumns = columns - 4;
  return (
    <Box flexDirection="column" width={columns} height={rows} borderStyle="round" borderColor={theme.accent} paddingX={1} overflow="hidden">
      <Text bold color={theme.accent} wrap="truncate-end">
        Overview · arrows or a number choose · Enter jump · Esc close
      </Text>
      {slides.slice(start, start + visibleRows).map((slide, offset) => {
        const index = start + offset;
        // The highlight is marked in text as well as in inverse video, which NO_COLOR turns off.
        const cursor = index === cursorIndex ? '›' : ' ';
        const current = index === currentSlide ? '▶' : ' ';
        const indent = slide.kind === 'content' ? '  ' : '';
        // Cut here rather than by Ink's truncate-end, whose cli-truncate 5 lets a wide character
        // at the limit run one column into the padding (src/text/truncate.ts).
        const label = truncateToWidth(`${cursor}${current} ${String(index + 1).padStart(numberWidth)}  ${indent}${slide.title}`, entryColumns);
        return (
          <Text key={index} bold={slide.kind !== 'content'} inverse={index === cursorIndex} wrap="truncate-end">
            {label}
          </Text>
        );
      })}
    </Box>
  );
}
