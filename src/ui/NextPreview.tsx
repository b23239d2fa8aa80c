import { Box, Text } from 'ink';
import type { Bullet } from '../deck/schema.js';
import { stepCountOf, type Slide } from '../deck/slides.js';
import type { Position } from '../navigation/deck-state.js';
import { PANE_BORDER_COLUMNS, PANE_CHROME_COLUMNS, PANE_CHROME_ROWS } from '../layout/chrome.js';
import { wrapText } from '../text/wrap.js';
import { truncateToWidth } from '../text/truncate.js';
import { SlideSummary } from './SlideSummary.js';

function bulletText(bullet: Bullet | undefined): string {
  return bullet === undefined ? '' : typeof bullet === 'string' ? bullet : bullet.text;
}

/** Columns of the `• ` before a bullet's first line (and the indent of the rest). */
const BULLET_MARKER_COLUMNS = 2;

export interface NextPreviewProps {
  readonly slides: readonly Slide[];
  /** Where `next` leads; `undefined` at the end of the deck. */
  readonly next: Position | undefined;
  /** Size of the pane including its border, in columns and rows; rows of 1 give a one-line preview. */
  readonly columns: number;
  readonly rows: number;
}

/** What comes next: the bullet the next step reveals, the next slide in small type, or "end of deck". */
export function NextPreview({ slides, next, columns, rows }: NextPreviewProps) {
  const slide = next === undefined ? undefined : slides[next.slide];
  const isSameSlide = next !== undefined && next.step > 0;
  const label =
    next === undefined || slide === undefined
      ? 'end of deck'
      : stepCountOf(slide) > 1 && next.step > 0
        ? `next: step ${next.step + 1}/${stepCountOf(slide)} of this slide`
        : `next: slide ${next.slide + 1}`;
  if (rows <= 1) {
    return (
      <Box width={columns} height={1} flexShrink={0}>
        {/* Cut here, as every cut in the app is (src/text/truncate.ts), wide characters counted as two columns. */}
        <Text dimColor wrap="truncate-end">
          {truncateToWidth(`${label}${slide === undefined ? '' : ` · ${slide.title}`}`, columns)}
        </Text>
      </Box>
    );
  }
  return (
    <Box flexDirection="column" width={columns} height={rows} flexShrink={0} borderStyle="round" borderDimColor overflow="hidden">
      <Box paddingX={1}>
        <Text bold dimColor wrap="truncate-end">
          {label}
        </Text>
      </Box>
      {next !== undefined && slide !== undefined ? (
        isSameSlide && slide.kind === 'content' ? (
          // The next step of this slide: what matters is the bullet it brings.
          <Box paddingX={1}>
            <Text>
              {wrapText(bulletText(slide.bullets[next.step - 1]), Math.max(1, columns - PANE_CHROME_COLUMNS - BULLET_MARKER_COLUMNS))
                .split('\n')
                .map((line, index) => `${index === 0 ? '• ' : '  '}${line}`)
                .join('\n')}
            </Text>
          </Box>
        ) : (
          <SlideSummary
            slide={slide}
            step={next.step}
            columns={columns - PANE_BORDER_COLUMNS}
            rows={Math.max(0, rows - PANE_CHROME_ROWS)}
          />
        )
      ) : null}
    </Box>
  );
}
