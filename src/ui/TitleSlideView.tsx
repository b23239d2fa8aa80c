import { Box, Text } from 'ink';
import type { TitleSlide } from '../deck/slides.js';
import { BigTitle } from './BigTitle.js';
import { theme } from './theme.js';

export interface TitleSlideViewProps {
  readonly slide: TitleSlide;
  /** Size of the slide area, in columns and rows. */
  readonly columns: number;
  readonly rows: number;
}

/** The opening slide: the deck title big, then subtitle, author and date, and source, centred. */
export function TitleSlideView({ slide, columns, rows }: TitleSlideViewProps) {
  const byline = [slide.author, slide.date].filter((part) => part !== undefined && part !== '').join(' · ');
  const detailRows = (slide.subtitle ? 2 : 0) + (byline ? 2 : 0) + (slide.source ? 1 : 0);
  return (
    <Box flexDirection="column" alignItems="center" justifyContent="center" width={columns} height={rows} paddingX={2}>
      <BigTitle text={slide.title} columns={columns - 4} rows={Math.max(0, rows - detailRows - 2)} color={theme.title} />
      {slide.subtitle ? (
        <Box marginTop={1}>
          <Text wrap="wrap">{slide.subtitle}</Text>
        </Box>
      ) : null}
      {byline ? (
        <Box marginTop={1}>
          <Text bold wrap="wrap">
            {byline}
          </Text>
        </Box>
      ) : null}
      {slide.source ? (
        <Text dimColor wrap="wrap">
          {slide.source}
        </Text>
      ) : null}
    </Box>
  );
}
