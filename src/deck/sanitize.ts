import stripAnsi from 'strip-ansi';

/** Columns a tab advances to; terminals default to stops every 8 columns, slides read better at 4. */
const TAB_WIDTH = 4;

// C0 controls except newline, DEL, and C1 controls. CSI/OSC sequences are removed whole by
// strip-ansi first, so their parameters ("]0;owned") never survive as visible text.
// eslint-disable-next-line no-control-regex
const CONTROL_CHARACTERS = /[\u0000-\u0009\u000B-\u001F\u007F-\u009F]/g;

/**
 * Invisible format characters that terminals and width tables disagree about, so that lines
 * holding them get cut one column short: soft hyphen, zero-width space, word joiner and other
 * invisible operators, byte order mark, and the bidirectional controls, which can also reorder
 * what is shown (CVE-2021-42574, "Trojan Source"). The zero-width joiner stays: emoji need it.
 */
const FORMAT_CHARACTERS = /[\u00AD\u061C\u180E\u200B\u200E\u200F\u202A-\u202E\u2060-\u2064\u2066-\u2069\uFEFF]/g;

/** A variation selector that selects nothing: not after an emoji, nor before a keycap mark. */
const STRAY_VARIATION_SELECTOR = /(?<!\p{Extended_Pictographic})[\uFE0E\uFE0F](?!\u20E3)/gu;

/**
 * Makes text from a deck safe to write to a terminal.
 *
 * Removes every escape sequence (CSI, OSC — including window titles, OSC 52 clipboard writes
 * and OSC 8 links — and the rest of ECMA-48) and every other control character, keeping the
 * visible text, and the invisible format characters above. CRLF and lone CR become LF; a tab
 * becomes spaces. The result contains no character below U+0020 other than `\n`.
 *
 * @param text - Any string, as read from the YAML file.
 * @returns The printable text.
 */
export function sanitizeText(text: string): string {
  return stripAnsi(text.replace(/\r\n?/g, '\n'))
    .replace(/\t/g, ' '.repeat(TAB_WIDTH))
    .replace(CONTROL_CHARACTERS, '')
    .replace(FORMAT_CHARACTERS, '')
    .replace(STRAY_VARIATION_SELECTOR, '');
}

// Every C0 control (newline and tab included), DEL and every C1 control.
// eslint-disable-next-line no-control-regex
const ALL_CONTROL_CHARACTERS = /[\u0000-\u001F\u007F-\u009F]/g;

/**
 * Makes text quoted in a message (a key, a value, a file name) safe to write to a terminal while
 * keeping it exact: every control character and invisible format character (see above) is
 * written as a visible escape, `\x1b` below U+0100 and `\u202e` above, so `unknown key
 * "ti\x1b]0;x\x07tle"` shows what the file holds and cannot set the window title. Newlines are
 * escaped too: a message stays on one line.
 *
 * @returns Text with no character below U+0020, no DEL or C1 control, no bidirectional control.
 */
export function escapeControls(text: string): string {
  const escape = (character: string) => {
    const code = character.charCodeAt(0);
    return code < 0x100 ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`;
  };
  return text.replace(ALL_CONTROL_CHARACTERS, escape).replace(FORMAT_CHARACTERS, escape);
}

// What JSON.stringify leaves as it is but a terminal may act on: DEL, C1 controls, bidi controls.
const JSON_UNSAFE_CHARACTERS = new RegExp(`[\\u007F-\\u009F]|${FORMAT_CHARACTERS.source}`, 'g');

/**
 * `JSON.stringify(value, null, 2)`, safe to write to a terminal: JSON escapes C0 controls itself,
 * and here DEL, C1 and invisible format characters are written as `\u` escapes too. The result
 * parses to the same value.
 */
export function toTerminalJson(value: unknown): string {
  return JSON.stringify(value, null, 2).replace(
    JSON_UNSAFE_CHARACTERS,
    (character) => `\\u${character.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
}
