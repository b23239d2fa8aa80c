import { Box } from 'ink';
import { Text } from './Text.js';
import stringWidth from 'string-width';
import { truncateAtWord } from '../text/truncate.js';
import { jumpLabel } from './jump-label.js';
import { keyLabel } from '../navigation/key-bindings.js';
import { useTheme } from './theme.js';

export interface FooterProps {
  /** Section of the current slide (the deck title on the title slide). */
  readonly sectionTitle: string;
  /** Current slide, 1-based, and the number of slides. */
  readonly slideNumber: number;
  readonly slideCount: number;
  /** Digits typed for a jump, shown while pending. */
  readonly jumpDigits: string;
  /** The first key bound to the help, for the hint (`? help`); no hint without one. */
  readonly helpKey?: string;
  /** Width of the footer, in columns; it is always one row. */
  readonly columns: number;
}

/** Share of the footer the section title may take before it is truncated with `…`. */
const SECTION_TITLE_SHARE = 0.35;
/** Narrowest progress bar worth drawing, in columns. */
const MIN_PROGRESS_COLUMNS = 4;

/**
 * The footer row: section title, a progress bar, pending jump digits, `slide N/M` and, when
 * there is room, a `? help` hint (with the key the bindings give the help). `slide N/M` is never cut; the rest gives way to it.
 */
export function Footer({ sectionTitle, slideNumber, slideCount, jumpDigits, helpKey = '?', columns }: FooterProps) {
  const theme = useTheme();
  // `slide N/M` always shows; the typed number, the help hint, the section title and the bar
  // share what is left, in that order of priority.
  const position = `slide ${slideNumber}/${slideCount}`;
  let room = columns - stringWidth(position);
  const fits = (text: string) => {
    if (text === '' || stringWidth(text) > room) return '';
    room -= stringWidth(text);
    return text;
  };
  const jump = jumpDigits === '' ? '' : fits(`${jumpLabel(jumpDigits, slideCount)} `) || fits(`${jumpDigits}▏ `);
  const hint = columns >= 60 && helpKey !== '' ? fits(`  ${keyLabel(helpKey)} help`) : '';
  // What is left goes to the section title (with a space after it) and the progress bar.
  const title = truncateAtWord(sectionTitle, Math.min(Math.floor(columns * SECTION_TITLE_SHARE), room - 1));
  const titleWidth = stringWidth(title);
  const middleWidth = Math.max(0, room - titleWidth);
  const barWidth = middleWidth - 2;
  const showBar = barWidth >= MIN_PROGRESS_COLUMNS;
  const filled = showBar ? Math.round((barWidth * slideNumber) / slideCount) : 0;

  return (
    <Box width={columns} height={1} flexShrink={0}>
      {titleWidth > 0 ? (
        <Box width={titleWidth} flexShrink={0}>
          <Text bold wrap="truncate-end">
            {title}
          </Text>
        </Box>
      ) : null}
      <Box width={middleWidth} flexShrink={0} paddingX={showBar ? 1 : 0}>
        {showBar ? (
          <Text>
            <Text color={theme.progress}>{'━'.repeat(filled)}</Text>
            <Text dimColor>{'─'.repeat(barWidth - filled)}</Text>
          </Text>
        ) : null}
      </Box>
      <Box flexShrink={0}>
        <Text>
          {jump ? <Text color={theme.accent}>{jump}</Text> : null}
          {position}
          <Text dimColor>{hint}</Text>
        </Text>
      </Box>
    </Box>
  );
}
