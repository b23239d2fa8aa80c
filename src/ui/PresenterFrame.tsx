import { Box } from 'ink';
import { Text } from './Text.js';
import { stepCountOf, type Slide } from '../deck/slides.js';
import type { DeckState } from '../navigation/deck-state.js';
import { formatClock, pacing } from '../presenter/pacing.js';
import { formatSlideRuns, suggestSkip } from '../presenter/skip.js';
import type { PresenterLayout } from '../layout/presenter-layout.js';
import type { ScreenLayout } from '../layout/screen-layout.js';
import { NextPreview } from './NextPreview.js';
import { OverlayView } from './OverlayView.js';
import { PromptLine, QUIT_PROMPT } from './PromptLine.js';
import { SearchLine } from './SearchOverlay.js';
import { NotesPane } from './NotesPane.js';
import { SlideView } from './SlideView.js';
import { StatusBar } from './StatusBar.js';
import { TooSmallNotice } from './TooSmallNotice.js';
import { useTheme } from './theme.js';

export interface PresenterFrameProps {
  readonly slides: readonly Slide[];
  readonly state: DeckState;
  /** Talk time so far, in milliseconds, and whether the timer runs. */
  readonly elapsedMs: number;
  readonly isTimerRunning: boolean;
  /** A rehearsal is being recorded: the status row says so. */
  readonly isRehearsal?: boolean;
  /** Talk time when the current slide was reached, in milliseconds; just now when not given. */
  readonly arrivedAtMs?: number;
  /** Wall-clock time, formatted (`14:05`). */
  readonly wallClock: string;
  /** Planned length of the talk, in milliseconds; `undefined` hides pacing. */
  readonly durationMs?: number;
  /** The screen as layoutScreen lays it out: the frame's size, the presenter's panes, the windows of the help and the notes. */
  readonly screen: ScreenLayout & { readonly presenter: PresenterLayout };
}

/**
 * One frame of the presenter view, a pure function of its props (time included, so snapshots
 * can pin it): status row (with, when the talk is behind, which optional slides to skip to
 * finish on time: suggestSkip); the current slide with every bullet (unrevealed ones dimmed) beside
 * the next step or slide; and the speaker notes, scrollable, below.
 */
export function PresenterFrame(props: PresenterFrameProps) {
  const theme = useTheme();
  const { slides, state, screen } = props;
  const { columns, rows } = screen.frame;
  const layout = screen.presenter;
  if (!screen.isDrawn) return <TooSmallNotice columns={columns} rows={rows} />;
  const slide = slides[state.slide] ?? slides[0];
  if (slide === undefined) return null;
  const stepCount = stepCountOf(slide);
  // Pacing means nothing before the talk starts: every slide would be "ahead".
  const pace =
    props.durationMs === undefined || (props.elapsedMs === 0 && !props.isTimerRunning)
      ? undefined
      : pacing(props.elapsedMs, state, slides, props.durationMs, props.elapsedMs - (props.arrivedAtMs ?? props.elapsedMs));
  const suggestion =
    pace === undefined || props.durationMs === undefined || pace.aheadMs > -1000
      ? undefined
      : suggestSkip(slides, state.slide, -pace.aheadMs, props.durationMs);
  let skipAdvice: string | undefined;
  if (suggestion !== undefined) {
    skipAdvice = suggestion.isEnough
      ? `skip ${formatSlideRuns(suggestion.slides)} to finish on time`
      : `skipping ${formatSlideRuns(suggestion.slides)} saves ${formatClock(suggestion.savesMs)}`;
  }

  let body;
  if (screen.overlay?.kind === 'search') {
    body = (
      <Box flexDirection="column" height={layout.body.rows}>
        <OverlayView slides={slides} state={state} screen={screen} />
        <SearchLine query={state.search.query} resultCount={screen.overlay.results.length} size={screen.overlay.line} />
      </Box>
    );
  } else if (state.overlay === 'help' || state.overlay === 'overview') {
    body = <OverlayView slides={slides} state={state} screen={screen} />;
  } else {
    body = (
      <Box flexDirection="column" height={layout.body.rows}>
        <Box height={layout.topRows} flexShrink={0}>
          {layout.current === undefined ? null : (
            <Box
              flexDirection="column"
              width={layout.current.pane.size.columns}
              height={layout.current.pane.size.rows}
              borderStyle="round"
              borderColor={theme.border}
              borderBackgroundColor={theme.background}
              overflow="hidden"
            >
              <Box paddingX={1}>
                <Text bold wrap="truncate-end">
                  now{stepCount > 1 ? ` · step ${state.step + 1}/${stepCount}` : ''}
                </Text>
              </Box>
              <SlideView layout={layout.current.slide} />
            </Box>
          )}
          {layout.next.pane === undefined ? null : <NextPreview slides={slides} next={layout.next} />}
        </Box>
        {layout.next.pane === undefined ? <NextPreview slides={slides} next={layout.next} /> : null}
        {screen.notes === undefined ? null : <NotesPane notes={screen.notes} />}
      </Box>
    );
  }

  return (
    <Box flexDirection="column" width={columns} height={rows} overflow="hidden" backgroundColor={theme.background}>
      {state.isQuitPrompted ? (
        <PromptLine text={QUIT_PROMPT} columns={columns} />
      ) : (
        <StatusBar
          blank={state.blank}
          elapsedMs={props.elapsedMs}
          isTimerRunning={props.isTimerRunning}
          isRehearsal={props.isRehearsal}
          wallClock={props.wallClock}
          slideNumber={state.slide + 1}
          slideCount={slides.length}
          stepNumber={state.step + 1}
          stepCount={stepCount}
          pacing={pace}
          skip={skipAdvice}
          jumpDigits={state.jumpDigits}
          columns={columns}
        />
      )}
      {body}
    </Box>
  );
}
