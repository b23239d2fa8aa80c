import { Text } from 'ink';
import { ScrollPane } from './ScrollPane.js';
import type { OverviewPaneWindow } from '../layout/window.js';
import type { Slide } from '../deck/slides.js';
import { PANE_CHROME_COLUMNS } from '../layout/chrome.js';
import { moreLines } from '../layout/slide-rows.js';
import { truncateToWidth } from '../text/truncate.js';
import { theme } from './theme.js';

export interface OverviewProps {
  readonly slides: readonly Slide[];
  /** Slide being shown, 0-based. */
  readonly currentSlide: number;
  /** Highlighted slide, 0-based. */
  readonly cursor: number;
  /** Size of the area the overview covers, in columns and rows. */
  readonly columns: number;
  readonly rows: number;
  /** Its window onto the slides, as layoutScreen works it out for these rows and this cursor (overviewPaneWindow). */
  readonly window: OverviewPaneWindow;
}

/**
 * The overview: every slide by number, section dividers in bold, the current one marked `▶`
 * and the highlighted one marked `›` and shown in inverse video.
 * The list scrolls to keep the highlight in view (centred where possible), with markers saying
 * how many slides are out of sight above and below (overviewWindow).
 */
export function Overview({ slides, currentSlide, cursor: cursorIndex, columns, rows, window }: OverviewProps) {
  const { entryRows } = window;
  const hasMarkers = entryRows >= 3;
  // Arrows rather than words: the smallest overview has 16 columns for it.
  const hidden = [window.above > 0 ? `↑ ${window.above}` : '', window.below > 0 ? `↓ ${window.below}` : ''].filter((part) => part !== '');
  const sharedMarker = entryRows === 2 && hidden.length > 0 ? `⋯ ${hidden.join(' · ')}` : undefined;
  const numberWidth = String(slides.length).length;
  const entryColumns = columns - PANE_CHROME_COLUMNS;
  return (
    <ScrollPane
      columns={columns}
      rows={rows}
      borderColor={theme.accent}
      header={
        <Text bold color={theme.accent} wrap="truncate-end">
          Overview · arrows or a number choose · Enter jump · Esc close
        </Text>
      }
    >
      {hasMarkers && window.above > 0 ? (
        <Text dimColor wrap="truncate-end">
          {`${moreLines(window.above, 'slide')} above`}
        </Text>
      ) : null}
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
          entryColumns,
        );
        return (
          <Text key={index} bold={slide.kind !== 'content'} inverse={index === cursorIndex} wrap="truncate-end">
            {label}
          </Text>
        );
      })}
      {hasMarkers && window.below > 0 ? (
        <Text dimColor wrap="truncate-end">
          {moreLines(window.below, 'slide')}
        </Text>
      ) : null}
      {sharedMarker === undefined ? null : (
        <Text dimColor wrap="truncate-end">
          {sharedMarker}
        </Text>
      )}
    </ScrollPane>
  );
}
