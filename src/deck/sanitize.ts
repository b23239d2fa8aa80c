import stripAnsi from 'strip-ansi';

/** Columns a tab advances to; terminals default to stops every 8 columns, slides read better at 4. */
const TAB_WIDTH = 4;

// C0 controls except newline, DEL, and C1 controls. CSI/OSC sequences are removed whole by
// strip-ansi first, so their parameters ("]0;owned") never survive as visible text.
// eslint-disable-next-line no-control-regex
const CONTROL_CHARACTERS = /[\u0000-\u0009\u000B-\u001F\u007F-\u009F]/g;

/**
 * Makes text from a deck safe to write to a terminal.
 *
 * Removes every escape sequence (CSI, OSC — including window titles, OSC 52 clipboard writes
 * and OSC 8 links — and the rest of ECMA-48) and every other control character, keeping the
 * visible text. CRLF and lone CR become LF; a tab becomes spaces. The result contains no
 * character below U+0020 other than `\n`.
 *
 * @param text - Any string, as read from the YAML file.
 * @returns The printable text.
 */
export function sanitizeText(text: string): string {
  return stripAnsi(text.replace(/\r\n?/g, '\n'))
    .replace(/\t/g, ' '.repeat(TAB_WIDTH))
    .replace(CONTROL_CHARACTERS, '');
}
