import stringWidth from 'string-width';
import type { Diagnostic } from '../deck/deck-error.js';
import { sanitizeText } from '../deck/sanitize.js';

/** Lines shown before and after the line of a problem. */
const CONTEXT_LINES = 1;

/**
 * The source lines around a diagnostic, as a compiler shows them: a gutter with line numbers,
 * the offending line marked `>`, and a caret under the column. Lines are sanitized, so an
 * escape sequence in the file is never sent to the terminal, and the caret is placed by
 * display width, so it lands under the right character after wide characters and tabs.
 *
 * @returns Rows of text; empty when the diagnostic has no line.
 */
export function sourceExcerpt(text: string, diagnostic: Diagnostic): string[] {
  if (diagnostic.line === 0) return [];
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  const first = Math.max(1, diagnostic.line - CONTEXT_LINES);
  const last = Math.min(lines.length, diagnostic.line + CONTEXT_LINES);
  const gutter = String(last).length;
  const rows: string[] = [];
  for (let number = first; number <= last; number += 1) {
    const line = lines[number - 1] ?? '';
    const marker = number === diagnostic.line ? '>' : ' ';
    rows.push(`${marker} ${String(number).padStart(gutter)} │ ${sanitizeText(line)}`);
    if (number === diagnostic.line) {
      const before = stringWidth(sanitizeText(line.slice(0, Math.max(0, diagnostic.column - 1))));
      rows.push(`  ${' '.repeat(gutter)} │ ${' '.repeat(before)}^`);
    }
  }
  return rows;
}
