import type { Slide } from '../deck/slides.js';
import { ContentSlideView } from './ContentSlideView.js';
import { SectionSlideView } from './SectionSlideView.js';
import { TitleSlideView } from './TitleSlideView.js';

export interface SlideViewProps {
  readonly slide: Slide;
  readonly sectionCount: number;
  /** Size of the slide area, in columns and rows. */
  readonly columns: number;
  readonly rows: number;
}

/** Draws one slide of any kind into a `columns` x `rows` area. */
export function SlideView({ slide, sectionCount, columns, rows }: SlideViewProps) {
  switch (slide.kind) {
    case 'title':
      return <TitleSlideView slide={slide} columns={columns} rows={rows} />;
    case 'section':
      return <SectionSlideView slide={slide} sectionCount={sectionCount} columns={columns} rows={rows} />;
    case 'content':
      return <ContentSlideView slide={slide} columns={columns} rows={rows} />;
  }
}
