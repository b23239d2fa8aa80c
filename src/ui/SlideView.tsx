import type { SlideLayout } from '../layout/slide-layout.js';
import { ContentSlideView } from './ContentSlideView.js';
import { SectionSlideView } from './SectionSlideView.js';
import { SummarySlideView } from './SummarySlideView.js';
import { TitleSlideView } from './TitleSlideView.js';

export interface SlideViewProps {
  /** The slide as layoutSlide lays it out in its area, at its step. */
  readonly layout: SlideLayout;
}

/** Draws one slide of any kind, in either form (layoutSlide), filling the area it was laid out in. */
export function SlideView({ layout }: SlideViewProps) {
  switch (layout.kind) {
    case 'title':
      return <TitleSlideView layout={layout} />;
    case 'section':
      return <SectionSlideView layout={layout} />;
    case 'content':
      return <ContentSlideView layout={layout} />;
    case 'summary':
      return <SummarySlideView layout={layout} />;
  }
}
