import { Text } from './Text.js';
import { ScrollPane } from './ScrollPane.js';
import type { LineWindow } from '../layout/window.js';
import type { Slide } from '../deck/slides.js';
import type { PaneLayout } from '../layout/chrome.js';
import { truncateToWidth } from '../text/truncate.js';
import { useTheme } from './theme.js';

export interface OverviewProps {
  readonly slides: readonly Slide[];
  /** Slide being shown, 0-based. */
  readonly currentSlide: number;
  /** Highlighted slide, 0-based. */
  readonly cursor: number;
  /** Its pane, over the frame less its footer (layoutPane). */
  readonly pane: PaneLayout;
  /** Its window onto the slides, kept around the cursor, as layoutScreen works it out for these rows (lineWindow). */
  readonly window: LineWindow;
}

/** The overview's markers count slides, and name no key: the arrows move its highlight. */
const OVERVIEW_MARKER = { noun: 'slide', hasKeys: false };

/**
 * The overview: every slide by number, section dividers in bold, the current one marked `▶`
 * and the highlighted one marked `›` and shown in inverse video.
 * The list scrolls to keep the highlight in view (centred where possible), with markers saying
 * how many slides are out of sight above and below (lineWindow).
 */
export function Overview({ slides, currentSlide, cursor: cursorIndex, pane, window }: OverviewProps) {
  const theme = useTheme();
  const numberWidth = String(slides.length).length;
  return (
    <ScrollPane
      pane={pane}
      borderColor={theme.accent}
      window={window}
      marker={OVERVIEW_MARKER}
      header={
        <Text bold color={theme.accent} wrap="truncate-end">
          Overview · arrows or a number choose · Enter jump · Esc close
        </Text>
      }
    >
      {slides.slice(window.start, window.end).map((slide, offset) => {
        const index = window.start + offset;
        // The highlight is marked in text as well as in inverse video, which NO_COLOR turns off.
        const cursor = index === cursorIndex ? '›' : ' ';
        const current = index === currentSlide ? '▶' : ' ';
        const indent = slide.kind === 'content' ? '  ' : '';
        // Cut to the entry's columns here, as every cut in the app is (src/text/truncate.ts):
        // Ink's truncate-end would cut at the box's edge, padding included.
        const label = truncateToWidth(
          `${cursor}${current} ${String(index + 1).padStart(numberWidth)}  ${indent}${slide.title}`,
          pane.inner.columns,
        );
        return (
          <Text key={index} bold={slide.kind !== 'content'} inverse={index === cursorIndex} wrap="truncate-end">
            {label}
          </Text>
        );
      })}
    </ScrollPane>
  );
}
