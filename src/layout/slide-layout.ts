import { revealedItems, type ContentSlide, type SectionSlide, type Slide, type TitleSlide } from '../deck/slides.js';
import { wrapText } from '../text/wrap.js';
import type { Size } from './chrome.js';
import { contentArea, fitTitleSlide, sectionSlideTitleArea, type TitleSlideFit } from './frame-layout.js';
import { layoutContentBlock, moreLines, type SlideRow } from './slide-rows.js';
import { lineWindow } from './window.js';

/** How a slide is drawn: full size for the audience, or in small type in a presenter's pane. */
export type SlideForm = 'full' | 'summary';

/** A content slide, laid out row by row inside its padding. */
export interface ContentSlideLayout {
  readonly kind: 'content';
  readonly slide: ContentSlide;
  /** The whole area, padding included, in columns and rows. */
  readonly size: Size;
  /** Padding left and right, and above, in columns and rows. */
  readonly paddingX: number;
  readonly paddingTop: number;
  /**
   * Where the block of rows starts inside the padding, in columns from the left and rows from
   * the top: the block is centred in the audience's form, at the top left in small type.
   */
  readonly left: number;
  readonly top: number;
  /** Its rows, title and rule included, fitted to the area inside the padding (layoutContentBlock). */
  readonly rows: readonly SlideRow[];
  /** Items revealed at this step; parts of the others are blank, or dimmed when `showsHidden`. */
  readonly revealed: number;
  /** Whether items not yet revealed are drawn dimmed (the presenter's panes) rather than left blank. */
  readonly showsHidden: boolean;
}

/** The title slide: its title's area and the detail lines that fit (fitTitleSlide). */
export interface TitleSlideLayout {
  readonly kind: 'title';
  readonly slide: TitleSlide;
  readonly size: Size;
  readonly fit: TitleSlideFit;
}

/** A section divider: its label, and the area its big title has under the label. */
export interface SectionSlideLayout {
  readonly kind: 'section';
  readonly slide: SectionSlide;
  readonly size: Size;
  readonly title: Size;
}

/** One line of a title or section slide in small type. */
export interface SummaryLine {
  readonly text: string;
  readonly style: 'title' | 'plain' | 'label';
}

/** A title or section slide in small type (a presenter's pane): plain lines, the last one a marker when they do not fit. */
export interface SummarySlideLayout {
  readonly kind: 'summary';
  readonly size: Size;
  /** Padding left and right, in columns. */
  readonly paddingX: number;
  readonly lines: readonly SummaryLine[];
}

/** A slide laid out in its area: what its view draws, worked out before the render. */
export type SlideLayout = ContentSlideLayout | TitleSlideLayout | SectionSlideLayout | SummarySlideLayout;

/** Padding of a slide in small type, left and right, in columns. */
const SUMMARY_PADDING_X = 1;

/**
 * Lays out `slide` at step `step` (0-based) in an area of `size` columns x rows. The audience's
 * form (`full`) draws titles big, centres a content slide's block in its area and leaves items
 * not yet revealed blank; the presenter's (`summary`) draws every item, the unrevealed dimmed,
 * from the top left with small margins, and title and section slides as plain lines.
 */
export function layoutSlide(slide: Slide, step: number, size: Size, form: SlideForm): SlideLayout {
  const { columns, rows } = size;
  if (slide.kind === 'content') {
    const isSummary = form === 'summary';
    const { paddingX, paddingTop, ...area } = contentArea(columns, rows, isSummary);
    const revealed = revealedItems(slide, step);
    const block = layoutContentBlock(slide, area.columns, area.rows, isSummary ? { form: 'summary' } : { revealed });
    // Balanced in the area, as a block (its lines keep their own alignment inside it).
    const left = isSummary ? 0 : Math.max(0, Math.floor((area.columns - block.width) / 2));
    const top = isSummary ? 0 : Math.max(0, Math.floor((area.rows - block.rows.length) / 2));
    return { kind: 'content', slide, size, paddingX, paddingTop, left, top, rows: block.rows, revealed, showsHidden: isSummary };
  }
  if (form === 'summary') return { kind: 'summary', size, paddingX: SUMMARY_PADDING_X, lines: summaryLines(slide, size) };
  if (slide.kind === 'title') return { kind: 'title', slide, size, fit: fitTitleSlide(slide, columns, rows) };
  return { kind: 'section', slide, size, title: sectionSlideTitleArea(columns, rows) };
}

/**
 * A title or section slide as plain lines in `size`: the title and subtitle wrapped, under a
 * label (`Section 2`, `Title slide`) when everything fits with it, the last row counting what
 * does not fit. Wrapped and cut here, line by line: Ink would squeeze wrapped Texts into too few
 * rows and draw them over each other.
 */
function summaryLines(slide: TitleSlide | SectionSlide, { columns, rows }: Size): SummaryLine[] {
  const parts: SummaryLine[] = [
    { text: slide.title, style: 'title' },
    ...(slide.kind === 'title' && slide.subtitle ? [{ text: slide.subtitle, style: 'plain' as const }] : []),
  ];
  const wrapped = parts.flatMap((part) =>
    wrapText(part.text, Math.max(1, columns - 2 * SUMMARY_PADDING_X))
      .split('\n')
      .map((text) => ({ text, style: part.style })),
  );
  // The label says least: it goes first only when everything else fits below it.
  const label: SummaryLine = { text: slide.kind === 'section' ? `Section ${slide.sectionNumber}` : 'Title slide', style: 'label' };
  const lines = wrapped.length < rows ? [label, ...wrapped] : wrapped;
  const window = lineWindow(lines.length, rows, { scroll: 0 });
  return window.below > 0 ? [...lines.slice(0, window.end), { text: moreLines(window.below), style: 'label' }] : lines;
}
