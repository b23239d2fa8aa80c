import { CTRL_C_BINDING, DIGIT_KEYS_HELP, keyLabel, type KeyMap } from '../navigation/key-bindings.js';

/**
 * The key bindings of `keyMap` as a Markdown table, one row per action with its keys, its name
 * in a key file and what it does (and the view it works in, when only one): the README's key
 * table is this table of the defaults (a test checks it), and `inkdeck keys --format markdown`
 * prints it for the bindings in effect.
 */
export function keyTableMarkdown(keyMap: KeyMap): string {
  const code = (text: string) => `\`${text.replace(/\|/g, '\\|')}\``;
  const keysOf = (keys: readonly string[]) => (keys.length === 0 ? '(none)' : keys.map((key) => code(keyLabel(key))).join(' '));
  const rows = keyMap.bindings.map((binding) => {
    const only = binding.views?.length === 1 ? ` (${binding.views[0]} view only)` : '';
    return `| ${keysOf(binding.keys)} | ${code(binding.name)} | ${binding.description}${only} |`;
  });
  return [
    '| keys | action (key file) | what it does |',
    '| --- | --- | --- |',
    ...rows,
    `| ${keysOf(DIGIT_KEYS_HELP.keys)} |  | ${DIGIT_KEYS_HELP.description} |`,
    `| ${keysOf(CTRL_C_BINDING.keys)} |  | ${CTRL_C_BINDING.description}; always bound |`,
  ].join('\n');
}

/**
 * The key bindings of `keyMap` as plain text, aligned in columns: keys, action name, what it
 * does; what `inkdeck keys` prints.
 */
export function keyTableText(keyMap: KeyMap): string {
  const rows = [
    ...keyMap.bindings.map((binding) => [
      binding.keys.length === 0 ? '(none)' : binding.keys.map(keyLabel).join(' '),
      binding.name,
      `${binding.description}${binding.views?.length === 1 ? ` (${binding.views[0]} view only)` : ''}`,
    ]),
    [DIGIT_KEYS_HELP.keys.join(' '), '', DIGIT_KEYS_HELP.description],
    [CTRL_C_BINDING.keys.map(keyLabel).join(' '), '', CTRL_C_BINDING.description],
  ];
  const widths = [0, 1].map((column) => Math.max(...rows.map((row) => [...(row[column] ?? '')].length)));
  return `${rows
    .map((row) =>
      row
        .map((cell, column) => (column < 2 ? cell.padEnd((widths[column] ?? 0) + 2) : cell))
        .join('')
        .trimEnd(),
    )
    .join('\n')}\n`;
}
