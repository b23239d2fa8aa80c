import { Box, Text } from 'ink';
import { bindingsFor, DIGIT_KEYS_HELP, keyLabel, type View } from '../navigation/key-bindings.js';
import { theme } from './theme.js';

export interface HelpOverlayProps {
  /** Which view's keys to list. */
  readonly view: View;
  /** Size of the area the overlay covers, in columns and rows. */
  readonly columns: number;
  readonly rows: number;
}

function helpRows(view: View) {
  return [
    ...bindingsFor(view).map((binding) => ({ keys: binding.keys.map(keyLabel).join(' '), description: binding.description })),
    { keys: DIGIT_KEYS_HELP.keys.join(' '), description: DIGIT_KEYS_HELP.description },
  ];
}
const HELP_ROWS = { audience: helpRows('audience'), presenter: helpRows('presenter') } as const;

/** The key help of a view, generated from the key map (`KEY_BINDINGS`) so the two never drift. */
export function HelpOverlay({ view, columns, rows: height }: HelpOverlayProps) {
  const rows = HELP_ROWS[view];
  const keysColumnWidth = Math.max(...rows.map((row) => row.keys.length)) + 2;
  const isNarrow = columns < keysColumnWidth + 30;
  return (
    <Box flexDirection="column" width={columns} height={height} borderStyle="round" borderColor={theme.accent} paddingX={1} overflow="hidden">
      <Text bold color={theme.accent}>
        Keys
      </Text>
      {rows.map((row) => (
        <Box key={row.keys} flexDirection={isNarrow ? 'column' : 'row'} flexShrink={0}>
          <Box width={isNarrow ? undefined : keysColumnWidth} flexShrink={0}>
            <Text bold>{row.keys}</Text>
          </Box>
          <Text wrap="wrap">{row.description}</Text>
        </Box>
      ))}
    </Box>
  );
}
