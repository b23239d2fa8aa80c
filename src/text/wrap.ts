import wrapAnsi from 'wrap-ansi';

/**
 * Joins the lines of each paragraph into one line, so text written wrapped in the YAML file
 * (as notes usually are) reflows to the pane's width. Paragraphs are separated by blank lines,
 * as in Markdown; the result separates them with one blank line.
 */
export function reflowParagraphs(text: string): string {
  return text
    .trim()
    .split(/\n[ \t]*\n+/)
    .map((paragraph) =>
      paragraph
        .split('\n')
        .map((line) => line.trim())
        .join(' '),
    )
    .join('\n\n');
}

/**
 * Wraps text to `columns` at word boundaries, breaking a word only when it is longer than a whole
 * line, and never inside a wide or combining character (wrap-ansi measures with string-width).
 * Unlike Ink's own wrapping, continuation lines do not start with the space that was broken at.
 *
 * @param columns - Line width, in columns; values below 1 are treated as 1.
 */
export function wrapText(text: string, columns: number): string {
  return wrapAnsi(text, Math.max(1, columns), { hard: true, trim: true, wordWrap: true });
}
