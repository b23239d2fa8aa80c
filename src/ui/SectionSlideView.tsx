import { Box } from 'ink';
import { Text } from './Text.js';
import { CentredSlide } from './CentredSlide.js';
import { BigTitle } from './BigTitle.js';
import type { SectionSlideLayout } from '../layout/slide-layout.js';
import { useTheme } from './theme.js';

export interface SectionSlideViewProps {
  /** The slide and its title's area under the label, as layoutSlide lays them out. */
  readonly layout: SectionSlideLayout;
}

/** A section divider: "Section 2 of 4" and the section title big, centred. */
export function SectionSlideView({ layout: { slide, size, title } }: SectionSlideViewProps) {
  const theme = useTheme();
  return (
    <CentredSlide size={size}>
      <Text dimColor wrap="truncate-end">
        Section {slide.sectionNumber} of {slide.sectionCount}
      </Text>
      <Box marginTop={1} flexShrink={0}>
        <BigTitle text={slide.title} columns={title.columns} rows={title.rows} color={theme.title} />
      </Box>
    </CentredSlide>
  );
}
