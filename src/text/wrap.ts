import stringWidth from 'string-width';
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
 * line (after a hyphen where it has one), and never inside a wide or combining character
 * (wrap-ansi measures with string-width).
 * Unlike Ink's own wrapping, continuation lines do not start with the space that was broken at.
 *
 * @param columns - Line width, in columns; values below 1 are treated as 1.
 */
export function wrapText(text: string, columns: number): string {
  const width = Math.max(1, columns);
  // A word longer than a line breaks after one of its hyphens before it breaks anywhere else
  // (UAX #14, class HY: a break opportunity after a hyphen): its parts go on lines of their own.
  const broken = text.replace(/\S+/g, (word) =>
    word.includes('-') && stringWidth(word) > width ? atHyphens(word, width).join('\n') : word,
  );
  return wrapAnsi(broken, width, { hard: true, trim: true, wordWrap: true });
}

/** `word` in parts of at most `columns` columns each, cut after hyphens only (a part with none may be longer). */
function atHyphens(word: string, columns: number): string[] {
  const parts: string[] = [];
  let part = '';
  for (const piece of word.split(/(?<=-)/)) {
    if (part !== '' && stringWidth(part + piece) > columns) {
      parts.push(part);
      part = '';
    }
    part += piece;
  }
  return [...parts, part];
}
