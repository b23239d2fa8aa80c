import { Box, Text } from 'ink';
import stringWidth from 'string-width';
import { wrapText } from '../render/wrap.js';
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
  const inner = Math.max(1, columns - 4);
  const keysWidth = Math.max(...rows.map((row) => stringWidth(row.keys))) + 2;
  const isNarrow = inner < keysWidth + 24;
  // Laid out line by line, so that what does not fit can be counted and said.
  const lines = rows.flatMap((row) => {
    if (isNarrow) return [{ keys: row.keys, text: '' }, ...wrapText(row.description, inner - 2).split('\n').map((text) => ({ keys: '', text: `  ${text}` }))];
    return wrapText(row.description, inner - keysWidth)
      .split('\n')
      .map((text, index) => ({ keys: index === 0 ? row.keys.padEnd(keysWidth) : ' '.repeat(keysWidth), text }));
  });
  const visible = Math.max(0, height - 3);
  const hidden = lines.length > visible ? lines.length - visible + 1 : 0;
  const shown = hidden > 0 ? lines.slice(0, Math.max(0, visible - 1)) : lines;
  return (
    <Box flexDirection="column" width={columns} height={height} borderStyle="round" borderColor={theme.accent} paddingX={1} overflow="hidden">
      <Text wrap="truncate-end">
        <Text bold color={theme.accent}>
          Keys
        </Text>
        <Text dimColor> · q quits, any other key closes this</Text>
      </Text>
      <Box flexDirection="column" flexShrink={0}>
        {shown.map((line, index) => (
          <Text key={index}>
            <Text bold>{line.keys}</Text>
            {line.text}
          </Text>
        ))}
      </Box>
      {hidden > 0 ? (
        <Text dimColor wrap="truncate-end">
          {`⋯ ${hidden} more lines: enlarge the terminal`}
        </Text>
      ) : null}
    </Box>
  );
}
