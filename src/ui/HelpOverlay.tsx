import { Box, Text } from 'ink';
import { DIGIT_KEYS_HELP, KEY_BINDINGS, keyLabel } from '../navigation/key-bindings.js';
import { theme } from './theme.js';

export interface HelpOverlayProps {
  /** Size of the area the overlay covers, in columns and rows. */
  readonly columns: number;
  readonly rows: number;
}

const rows = [
  ...KEY_BINDINGS.map((binding) => ({ keys: binding.keys.map(keyLabel).join(' '), description: binding.description })),
  { keys: DIGIT_KEYS_HELP.keys.join(' '), description: DIGIT_KEYS_HELP.description },
];
const keysColumnWidth = Math.max(...rows.map((row) => row.keys.length)) + 2;

/** The key help, generated from {@link KEY_BINDINGS} so it always matches the key map. */
export function HelpOverlay({ columns, rows: height }: HelpOverlayProps) {
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
