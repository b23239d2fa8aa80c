import { Box, Text } from 'ink';
import type { TitleSlide } from '../deck/slides.js';
import { BigTitle } from './BigTitle.js';
import { TITLE_PADDING_X, titleSlideTitleArea } from './layout.js';
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
  const area = titleSlideTitleArea({ subtitle: slide.subtitle, hasByline: byline !== '', source: slide.source }, columns, rows);
  return (
    <Box flexDirection="column" alignItems="center" justifyContent="center" width={columns} height={rows} paddingX={TITLE_PADDING_X}>
      <BigTitle text={slide.title} columns={area.columns} rows={area.rows} color={theme.title} />
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
