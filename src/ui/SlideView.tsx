import { revealedBullets, type Slide } from '../deck/slides.js';
import { ContentSlideView } from './ContentSlideView.js';
import { SectionSlideView } from './SectionSlideView.js';
import { TitleSlideView } from './TitleSlideView.js';

export interface SlideViewProps {
  readonly slide: Slide;
  /** Current step of the slide, 0-based. */
  readonly step: number;
  /** Show bullets not yet revealed, dimmed (presenter view). */
  readonly showHidden?: boolean;
  /** Size of the slide area, in columns and rows. */
  readonly columns: number;
  readonly rows: number;
}

/** Draws one slide of any kind, at one step, into a `columns` x `rows` area. */
export function SlideView({ slide, step, showHidden, columns, rows }: SlideViewProps) {
  switch (slide.kind) {
    case 'title':
      return <TitleSlideView slide={slide} columns={columns} rows={rows} />;
    case 'section':
      return <SectionSlideView slide={slide} columns={columns} rows={rows} />;
    case 'content':
      return (
        <ContentSlideView slide={slide} revealed={revealedBullets(slide, step)} showHidden={showHidden} columns={columns} rows={rows} />
      );
  }
}
