import { Box } from 'ink';
import stringWidth from 'string-width';
import { searchResultRuns } from '../layout/search-lines.js';
import type { PaneLayout, Size } from '../layout/chrome.js';
import type { LineWindow } from '../layout/window.js';
import type { SearchResult } from '../search/search-slides.js';
import { truncateToWidth } from '../text/truncate.js';
import { ScrollPane } from './ScrollPane.js';
import { Text } from './Text.js';
import { useTheme } from './theme.js';

export interface SearchOverlayProps {
  /** Its pane, over the frame less the search line (layoutScreen). */
  readonly pane: PaneLayout;
  readonly results: readonly SearchResult[];
  /** Columns of the longest slide number, so the numbers line up. */
  readonly numberWidth: number;
  /** The highlighted result, 0-based. */
  readonly cursor: number;
  /** Its window onto the results, kept around the highlight (lineWindow). */
  readonly window: LineWindow;
  /** Whether anything is typed yet: with nothing typed, it says what to type instead of "no slide". */
  readonly hasQuery: boolean;
}

const RESULT_MARKER = { noun: 'slide', hasKeys: false };

/**
 * The search results: one row per slide the query is in, its number, its title and the text
 * around the first match elsewhere on it, every match in the theme's accent colour, bold and
 * underlined; the highlighted row marked `›` and in inverse video. Enter jumps to it.
 */
export function SearchOverlay({ pane, results, numberWidth, cursor, window, hasQuery }: SearchOverlayProps) {
  const theme = useTheme();
  // The longest wording that fits: a narrow pane still says how to jump and cancel.
  const wordings = hasQuery
    ? ['Search · ↑ ↓ choose · Enter jump · Esc cancel', 'Search · Enter jump · Esc cancel', 'Enter jump · Esc cancel']
    : ['Search · type to find text on the slides · Esc cancel', 'Search · type · Esc cancel', 'type · Esc cancel'];
  const header = wordings.find((wording) => stringWidth(wording) <= pane.headerColumns) ?? wordings[wordings.length - 1] ?? '';
  return (
    <ScrollPane
      pane={pane}
      borderColor={theme.accent}
      window={window}
      marker={RESULT_MARKER}
      header={
        <Text bold color={theme.accent} wrap="truncate-end">
          {truncateToWidth(header, pane.headerColumns)}
        </Text>
      }
    >
      {hasQuery && results.length === 0 ? <Text dimColor>{truncateToWidth('no slide has this text', pane.inner.columns)}</Text> : null}
      {results.slice(window.start, window.end).map((result, offset) => {
        const index = window.start + offset;
        const isCursor = index === cursor;
        return (
          <Box key={result.slide} width={pane.inner.columns} flexShrink={0}>
            <Text inverse={isCursor} wrap="truncate-end">
              {isCursor ? '›' : ' '}
              {searchResultRuns(result, numberWidth, pane.inner.columns - 1).map((run, at) =>
                run.isMatch ? (
                  <Text key={at} bold underline color={isCursor ? undefined : theme.accent}>
                    {run.text}
                  </Text>
                ) : (
                  run.text
                ),
              )}
            </Text>
          </Box>
        );
      })}
    </ScrollPane>
  );
}

export interface SearchLineProps {
  /** What is typed. */
  readonly query: string;
  /** Number of slides found. */
  readonly resultCount: number;
  /** The line: one row, the frame's width. */
  readonly size: Size;
}

/**
 * The search line at the bottom of the frame: `/` and the query with a cursor, and how many
 * slides have it. A query wider than the line shows its end, where the typing is.
 */
export function SearchLine({ query, resultCount, size }: SearchLineProps) {
  const theme = useTheme();
  const count = query === '' ? '' : `  ${resultCount === 1 ? '1 slide' : `${resultCount} slides`}`;
  const room = Math.max(0, size.columns - 2 - stringWidth(count));
  let shown = query;
  while (stringWidth(shown) > room && shown !== '') shown = [...shown].slice(1).join('');
  return (
    <Box width={size.columns} height={1} flexShrink={0}>
      <Text wrap="truncate-end">
        <Text bold color={theme.accent}>
          /
        </Text>
        {shown}
        <Text color={theme.accent}>▏</Text>
        <Text dimColor>{count}</Text>
      </Text>
    </Box>
  );
}
