import { Box, Text } from 'ink';
import { CentredSlide } from './CentredSlide.js';
import type { SectionSlide } from '../deck/slides.js';
import { BigTitle } from './BigTitle.js';
import { sectionSlideTitleArea } from '../layout/frame-layout.js';
import { theme } from './theme.js';

export interface SectionSlideViewProps {
  readonly slide: SectionSlide;
  /** Size of the slide area, in columns and rows. */
  readonly columns: number;
  readonly rows: number;
}

/** A section divider: "Section 2 of 4" and the section title big, centred. */
export function SectionSlideView({ slide, columns, rows }: SectionSlideViewProps) {
  return (
    <CentredSlide columns={columns} rows={rows}>
      <Text dimColor wrap="truncate-end">
        Section {slide.sectionNumber} of {slide.sectionCount}
      </Text>
      <Box marginTop={1} flexShrink={0}>
        <BigTitle text={slide.title} {...sectionSlideTitleArea(columns, rows)} color={theme.title} />
      </Box>
    </CentredSlide>
  );
}
