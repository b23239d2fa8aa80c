import stringWidth from 'string-width';
import { bindingsFor, DIGIT_KEYS_HELP, keyLabel, type KeyMap, type View } from '../navigation/key-bindings.js';
import { wrapText } from '../text/wrap.js';
import { PANE_CHROME_COLUMNS } from './chrome.js';

/** One line of the help: a key column (padded, or blank under a wrapped description) and text. */
export interface HelpLine {
  readonly keys: string;
  readonly text: string;
}

/** The help's rows for `view` of `keyMap`: keys as labels, and what they do. */
export function helpRows(view: View, keyMap: KeyMap): { readonly keys: string; readonly description: string }[] {
  const rows: { name?: string; keys: string; description: string; joinedDescription?: string }[] = [];
  for (const binding of bindingsFor(view, keyMap)) {
    const keys = binding.keys.map(keyLabel).join(' ');
    // Shown on the row of the action it joins, when that has keys here; else on its own.
    const joined = binding.joinsRow === undefined ? undefined : rows.find((row) => row.name === binding.joinsRow);
    if (joined !== undefined) {
      joined.keys += ` / ${keys}`;
      joined.description = joined.joinedDescription ?? joined.description;
    } else {
      rows.push({
        ...(binding.name === undefined ? {} : { name: binding.name }),
        keys,
        description: binding.description,
        ...(binding.joinedDescription === undefined ? {} : { joinedDescription: binding.joinedDescription }),
      });
    }
  }
  rows.push({ keys: DIGIT_KEYS_HELP.keys.join(' '), description: DIGIT_KEYS_HELP.description });
  return rows.map(({ keys, description }) => ({ keys, description }));
}
const rowsByKeyMap = new WeakMap<KeyMap, Record<View, ReturnType<typeof helpRows>>>();

/**
 * The help's lines for an overlay `columns` wide: one per key binding, its description wrapped
 * beside the keys, or under them when the area is too narrow for both.
 */
export function helpLines(view: View, columns: number, keyMap: KeyMap): HelpLine[] {
  let rowsByView = rowsByKeyMap.get(keyMap);
  if (rowsByView === undefined) {
    rowsByView = { audience: helpRows('audience', keyMap), presenter: helpRows('presenter', keyMap) };
    rowsByKeyMap.set(keyMap, rowsByView);
  }
  const rows = rowsByView[view];
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
