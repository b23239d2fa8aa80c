import { Box } from 'ink';
import { Text } from './Text.js';
import stringWidth from 'string-width';
import { formatClock, formatSlideTimeLeft, type Pacing } from '../presenter/pacing.js';
import { jumpLabel } from './jump-label.js';
import { useTheme } from './theme.js';
import type { Blank } from '../navigation/deck-state.js';

/** The mark of a blanked audience view, first in the row: it must be seen at a glance. */
export const BLANK_MARKS: Readonly<Record<Exclude<Blank, 'none'>, string>> = {
  black: '■ audience blanked',
  white: '□ audience blanked white',
};

export interface StatusBarProps {
  /** Whether the audience views are blanked: the row starts with a mark saying so. */
  readonly blank?: Blank;
  /** Talk time so far, in milliseconds. */
  readonly elapsedMs: number;
  readonly isTimerRunning: boolean;
  /** A rehearsal is being recorded (`present --rehearse`): the running timer reads `● 1:05 rehearsing`. */
  readonly isRehearsal?: boolean;
  /** Wall-clock time, already formatted (`14:05`). */
  readonly wallClock: string;
  /** Current slide, 1-based, and the number of slides. */
  readonly slideNumber: number;
  readonly slideCount: number;
  /** Current step, 1-based, and the slide's number of steps. */
  readonly stepNumber: number;
  readonly stepCount: number;
  /** `undefined` when the deck sets no `duration`. */
  readonly pacing?: Pacing;
  /** What to skip to finish on time (`skip 14–15 to finish on time`), when the talk is behind. */
  readonly skip?: string;
  /** Digits typed so far for a jump; shown after the position, as the audience footer does. */
  readonly jumpDigits?: string;
  /** Width, in columns; the bar is one row. */
  readonly columns: number;
}

/**
 * The presenter view's status row: a mark when the audience is blanked, timer (`● … rehearsing`
 * while a rehearsal is recorded), wall clock, position, a slide number being typed
 * (`go to 12▏`), and pacing against the deck's `duration` (ahead or behind, and the current
 * slide's time budget). A row too short loses, in order and each part whole, the timer's hint
 * (`(a move or t starts)`, `paused`), the wall clock, the slide's time left, what to skip, then
 * ahead or behind: the timer and the position stay. An empty `wallClock` shows none.
 */
export function StatusBar(props: StatusBarProps) {
  const theme = useTheme();
  const {
    elapsedMs,
    isTimerRunning,
    wallClock,
    slideNumber,
    slideCount,
    stepNumber,
    stepCount,
    pacing,
    jumpDigits = '',
    blank = 'none',
    skip = '',
    isRehearsal = false,
  } = props;
  const mark = blank === 'none' ? '' : `${BLANK_MARKS[blank]} `;
  const columns = props.columns - stringWidth(mark);
  const clock = `${isTimerRunning ? (isRehearsal ? '●' : '▶') : '⏸'} ${formatClock(elapsedMs)}`;
  const runningHint = isRehearsal ? ' rehearsing' : '';
  const hintText = isTimerRunning ? runningHint : elapsedMs === 0 ? ' (a move or t starts)' : ' paused';
  const position = `slide ${slideNumber}/${slideCount}${stepCount > 1 ? ` · step ${stepNumber}/${stepCount}` : ''}`;
  const jump = jumpDigits === '' ? '' : ` · ${jumpLabel(jumpDigits, slideCount)}`;
  let status = '';
  let paceColor: string | undefined;
  let timeLeft = '';
  if (pacing !== undefined) {
    // Under a second either way shows as on time, never as "ahead 0:00".
    if (pacing.aheadMs >= 1000) {
      status = `ahead ${formatClock(pacing.aheadMs)}`;
      paceColor = theme.ahead;
    } else if (pacing.aheadMs <= -1000) {
      status = `behind ${formatClock(-pacing.aheadMs)}`;
      paceColor = theme.behind;
    } else {
      status = 'on time';
    }
    timeLeft = formatSlideTimeLeft(pacing);
  }
  // What a short row gives up, in this order, each whole (never cut inside a number): the
  // timer's hint, the wall clock, the slide's time left, what to skip, then ahead or behind.
  // What to skip outranks the clock: behind, it is what the speaker needs. The timer, the
  // position and a number being typed always stay.
  const shown = { skip: skip !== '', hint: hintText !== '', wall: wallClock !== '', timeLeft: timeLeft !== '', status: status !== '' };
  const width = () =>
    stringWidth(clock) +
    (shown.hint ? stringWidth(hintText) : 0) +
    (shown.wall ? stringWidth(` · ${wallClock}`) : 0) +
    stringWidth(` · ${position}${jump}`) +
    (shown.status ? stringWidth(` · ${status}`) : 0) +
    (shown.timeLeft ? stringWidth(` · ${timeLeft}`) : 0) +
    (shown.skip ? stringWidth(` · ${skip}`) : 0);
  for (const part of ['hint', 'wall', 'timeLeft', 'skip', 'status'] as const) {
    if (width() <= columns) break;
    shown[part] = false;
  }
  const timer = shown.hint ? `${clock}${hintText}` : clock;
  const showWallClock = shown.wall;
  const pace = [shown.status ? status : '', shown.timeLeft ? timeLeft : ''].filter((part) => part !== '').join(' · ');
  const advice = shown.skip ? skip : '';
  return (
    <Box width={props.columns} height={1} flexShrink={0}>
      <Text wrap="truncate-end">
        {mark === '' ? null : (
          <Text bold inverse color={theme.behind}>
            {mark.trimEnd()}
          </Text>
        )}
        {mark === '' ? null : ' '}
        <Text bold color={isTimerRunning ? theme.accent : undefined}>
          {timer}
        </Text>
        {showWallClock ? (
          <>
            <Text dimColor> · </Text>
            {wallClock}
          </>
        ) : null}
        <Text dimColor> · </Text>
        {position}
        {jumpDigits === '' ? null : (
          <>
            <Text dimColor> · </Text>
            <Text bold color={theme.accent}>
              {jumpLabel(jumpDigits, slideCount)}
            </Text>
          </>
        )}
        {pace === '' ? null : (
          <>
            <Text dimColor> · </Text>
            <Text color={shown.status ? paceColor : undefined}>{pace}</Text>
          </>
        )}
        {advice === '' ? null : (
          <>
            <Text dimColor> · </Text>
            <Text bold color={theme.behind}>
              {advice}
            </Text>
          </>
        )}
      </Text>
    </Box>
  );
}
