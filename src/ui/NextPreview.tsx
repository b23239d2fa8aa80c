import { Box, Text } from 'ink';
import { stepCountOf, type Slide } from '../deck/slides.js';
import type { Position } from '../navigation/deck-state.js';
import { SlideSummary } from './SlideSummary.js';

export interface NextPreviewProps {
  readonly slides: readonly Slide[];
  /** Where `next` leads; `undefined` at the end of the deck. */
  readonly next: Position | undefined;
  /** Size of the pane including its border, in columns and rows; rows of 1 give a one-line preview. */
  readonly columns: number;
  readonly rows: number;
}

/** What comes next: the next step or slide in small type, or "end of deck". */
export function NextPreview({ slides, next, columns, rows }: NextPreviewProps) {
  const slide = next === undefined ? undefined : slides[next.slide];
  const label =
    next === undefined || slide === undefined
      ? 'end of deck'
      : stepCountOf(slide) > 1 && next.step > 0
        ? `next: step ${next.step + 1}/${stepCountOf(slide)} of this slide`
        : `next: slide ${next.slide + 1}`;
  if (rows <= 1) {
    return (
      <Box width={columns} height={1} flexShrink={0}>
        <Text dimColor wrap="truncate-end">
          {label}
          {slide === undefined ? '' : ` · ${slide.title}`}
        </Text>
      </Box>
    );
  }
  return (
    <Box flexDirection="column" width={columns} height={rows} flexShrink={0} borderStyle="round" borderDimColor overflow="hidden">
      <Box paddingX={1}>
        <Text bold dimColor wrap="truncate-end">
          {label}
        </Text>
      </Box>
      {next !== undefined && slide !== undefined ? (
        <SlideSummary slide={slide} step={next.step} columns={columns - 2} rows={Math.max(0, rows - 3)} />
      ) : null}
    </Box>
  );
}
