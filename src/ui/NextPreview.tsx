import { Box } from 'ink';
import { Text } from './Text.js';
import { stepCountOf, type Slide } from '../deck/slides.js';
import type { NextLayout } from '../layout/presenter-layout.js';
import { truncateToWidth } from '../text/truncate.js';
import { SlideView } from './SlideView.js';
import { mutedBorder, useTheme } from './theme.js';

export interface NextPreviewProps {
  readonly slides: readonly Slide[];
  /** Where `next` leads and its preview, in a pane or on one line, as layoutPresenter lays them out. */
  readonly next: NextLayout;
}

/** What comes next: the bullet the next step reveals, the next slide in small type, or "end of deck". */
export function NextPreview({ slides, next }: NextPreviewProps) {
  const theme = useTheme();
  const position = next.position;
  const slide = position === undefined ? undefined : slides[position.slide];
  const label =
    position === undefined || slide === undefined
      ? 'end of deck'
      : stepCountOf(slide) > 1 && position.step > 0
        ? `next: step ${position.step + 1}/${stepCountOf(slide)} of this slide`
        : `next: slide ${position.slide + 1}`;
  if (next.pane === undefined) {
    const columns = next.line?.columns ?? 0;
    return (
      <Box width={columns} height={1} flexShrink={0}>
        {/* Cut here, as every cut in the app is (src/text/truncate.ts), wide characters counted as two columns. */}
        <Text dimColor wrap="truncate-end">
          {truncateToWidth(`${label}${slide === undefined ? '' : ` · ${slide.title}`}`, columns)}
        </Text>
      </Box>
    );
  }
  const { size } = next.pane;
  return (
    <Box
      flexDirection="column"
      width={size.columns}
      height={size.rows}
      flexShrink={0}
      borderStyle="round"
      {...mutedBorder(theme)}
      overflow="hidden"
    >
      <Box paddingX={1}>
        <Text bold dimColor wrap="truncate-end">
          {label}
        </Text>
      </Box>
      {next.bullet === undefined ? null : (
        <Box paddingX={1}>
          <Text>{next.bullet.join('\n')}</Text>
        </Box>
      )}
      {next.slide === undefined ? null : <SlideView layout={next.slide} />}
    </Box>
  );
}
