import stringWidth from 'string-width';
import { bindingsFor, DIGIT_KEYS_HELP, keyLabel, type View } from '../navigation/key-bindings.js';
import { wrapText } from '../text/wrap.js';
import { PANE_CHROME_COLUMNS } from './chrome.js';

/** One line of the help: a key column (padded, or blank under a wrapped description) and text. */
export interface HelpLine {
  readonly keys: string;
  readonly text: string;
}

function helpRows(view: View) {
  return [
    ...bindingsFor(view).map((binding) => ({ keys: binding.keys.map(keyLabel).join(' '), description: binding.description })),
    { keys: DIGIT_KEYS_HELP.keys.join(' '), description: DIGIT_KEYS_HELP.description },
  ];
}
const HELP_ROWS = { audience: helpRows('audience'), presenter: helpRows('presenter') } as const;

/**
 * The help's lines for an overlay `columns` wide: one per key binding, its description wrapped
 * beside the keys, or under them when the area is too narrow for both.
 */
export function helpLines(view: View, columns: number): HelpLine[] {
  const rows = HELP_ROWS[view];
  const inner = Math.max(1, columns - PANE_CHROME_COLUMNS);
  const keysWidth = Math.max(...rows.map((row) => stringWidth(row.keys))) + 2;
  const isNarrow = inner < keysWidth + 24;
  return rows.flatMap((row) => {
    if (isNarrow)
      return [
        { keys: row.keys, text: '' },
        ...wrapText(row.description, inner - 2)
          .split('\n')
          .map((text) => ({ keys: '', text: `  ${text}` })),
      ];
    return wrapText(row.description, inner - keysWidth)
      .split('\n')
      .map((text, index) => ({ keys: index === 0 ? row.keys.padEnd(keysWidth) : ' '.repeat(keysWidth), text }));
  });
}
