import { Box } from 'ink';
import { Text } from './Text.js';
import { CentredSlide } from './CentredSlide.js';
import { moreLines } from '../layout/slide-rows.js';
import { BigTitle } from './BigTitle.js';
import type { TitleSlideLayout } from '../layout/slide-layout.js';
import { useTheme } from './theme.js';

export interface TitleSlideViewProps {
  /** The slide, its title's area and the detail lines that fit, as layoutSlide lays them out (fitTitleSlide). */
  readonly layout: TitleSlideLayout;
}

/**
 * The opening slide, centred: the deck title as big as fits in the room the other lines leave,
 * then the subtitle, `author · date` and the source, each wrapped. When even a plain title does
 * not leave room for them all, the lines that do not fit are left out, never drawn over others,
 * and a last row says how many.
 */
export function TitleSlideView({ layout: { slide, size, fit } }: TitleSlideViewProps) {
  const theme = useTheme();
  const { title: area, details, hiddenLines } = fit;
  return (
    <CentredSlide size={size}>
      <BigTitle text={slide.title} columns={area.columns} rows={area.rows} color={theme.title} />
      {details.subtitle.length > 0 ? (
        <Box marginTop={1} flexShrink={0}>
          <Text>{details.subtitle.join('\n')}</Text>
        </Box>
      ) : null}
      {details.byline.length > 0 ? (
        <Box marginTop={details.subtitle.length > 0 ? 1 : 0} flexShrink={0}>
          <Text bold>{details.byline.join('\n')}</Text>
        </Box>
      ) : null}
      {details.source.length > 0 ? (
        <Box flexShrink={0}>
          <Text dimColor>{details.source.join('\n')}</Text>
        </Box>
      ) : null}
      {hiddenLines > 0 ? (
        <Box flexShrink={0}>
          <Text dimColor wrap="truncate-end">
            {moreLines(hiddenLines)}
          </Text>
        </Box>
      ) : null}
    </CentredSlide>
  );
}
