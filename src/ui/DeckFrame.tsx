import { Box } from 'ink';
import type { Slide } from '../deck/slides.js';
import type { DeckState } from '../navigation/deck-state.js';
import { Footer } from './Footer.js';
import type { ScreenLayout } from '../layout/screen-layout.js';
import { NotesPane } from './NotesPane.js';
import { OverlayView } from './OverlayView.js';
import { PromptLine, QUIT_PROMPT } from './PromptLine.js';
import { SearchLine } from './SearchOverlay.js';
import { SlideView } from './SlideView.js';
import { TooSmallNotice } from './TooSmallNotice.js';
import { useTheme } from './theme.js';

export interface DeckFrameProps {
  readonly slides: readonly Slide[];
  readonly state: DeckState;
  /**
   * The screen as layoutScreen lays it out: the frame's size (the frame fills it exactly), the
   * slide laid out in its area, the notes pane and the open overlay.
   */
  readonly screen: ScreenLayout;
}

/**
 * One frame of the audience view, a pure function of its props: the slide (or the help, the
 * overview or the search results in its place), the speaker notes when shown, and the footer
 * (or the search line, or the quit prompt, in its place).
 * This is what the app draws and what `inkdeck render` prints.
 */
export function DeckFrame({ slides, state, screen }: DeckFrameProps) {
  const theme = useTheme();
  const { columns, rows } = screen.frame;
  if (!screen.isDrawn) return <TooSmallNotice columns={columns} rows={rows} />;

  const slide = slides[state.slide] ?? slides[0];
  if (slide === undefined || screen.slide === undefined) return null;

  let body;
  if (state.overlay === 'help' || state.overlay === 'overview' || state.overlay === 'search') {
    body = <OverlayView slides={slides} state={state} screen={screen} />;
  } else {
    body = (
      <Box flexDirection={screen.deckFrame.notes?.placement === 'beside' ? 'row' : 'column'} height={screen.body.rows}>
        <SlideView layout={screen.slide} />
        {screen.notes === undefined ? null : <NotesPane notes={screen.notes} />}
      </Box>
    );
  }

  // Clipped vertically only. Ink wraps every text to its box, and every box here is laid out
  // within `columns`, so nothing can overflow sideways (a property test checks every line's
  // width at random sizes); a horizontal clip would make Ink measure and re-slice every line of
  // every frame, about a quarter of a big-title frame's time in a CPU profile (issue #7).
  return (
    <Box flexDirection="column" width={columns} height={rows} overflowY="hidden" backgroundColor={theme.background}>
      {body}
      {screen.overlay?.kind === 'search' ? (
        <SearchLine query={state.search.query} resultCount={screen.overlay.results.length} size={screen.overlay.line} />
      ) : state.isQuitPrompted ? (
        <PromptLine text={QUIT_PROMPT} columns={columns} />
      ) : (
        <Footer
          sectionTitle={slide.sectionTitle}
          slideNumber={state.slide + 1}
          slideCount={slides.length}
          jumpDigits={state.jumpDigits}
          helpKey={screen.helpKey}
          columns={columns}
        />
      )}
    </Box>
  );
}
