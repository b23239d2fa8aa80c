import type { Deck } from '../deck/schema.js';
import { reflowParagraphs } from '../text/wrap.js';

/**
 * Escapes text so Markdown shows it as written: the inline markers (`*`, `_`, backticks, links,
 * HTML, `~~`), and at the start of a block what would open a heading, list or quote (`#`, `-`,
 * `+`, `1.`, `>`). Other punctuation is left alone, so the handout stays readable as plain text.
 */
function escapeMarkdown(text: string): string {
  const inline = text.replace(/([\\`*_[\]<~])/g, '\\$1');
  return inline.replace(/^([#>+-])/, '\\$1').replace(/^(\d+)([.)])/, '$1\\$2');
}

/**
 * A list item of `text` at `indent`: a text of several lines (a `|` bullet) keeps its breaks
 * (CommonMark hard line breaks, a backslash at the end of a line) and each of its lines stays in
 * the item, indented and escaped, so none opens a heading, a list or a quote of its own.
 */
function listItem(text: string, indent: string): string[] {
  const [first = '', ...rest] = text.replace(/\n+$/, '').split('\n');
  const lines = [`${indent}- ${escapeMarkdown(first)}`, ...rest.map((line) => `${indent}  ${escapeMarkdown(line)}`)];
  return lines.map((line, index) => (index < lines.length - 1 ? `${line}\\` : line));
}

/**
 * A handout of the deck in Markdown (CommonMark, as code-hosting sites render it): the deck's
 * metadata, each section as a heading, each slide's title, bullets and speaker notes.
 */
export function exportMarkdown(deck: Deck): string {
  const lines: string[] = [`# ${escapeMarkdown(deck.title)}`, ''];
  if (deck.subtitle) lines.push(`*${escapeMarkdown(deck.subtitle)}*`, '');
  const meta = [
    ['Author', deck.author],
    ['Date', deck.date],
    ['Source', deck.source],
    ['Duration', deck.duration],
  ].filter((entry): entry is [string, string] => entry[1] !== undefined && entry[1] !== '');
  for (const [name, value] of meta) lines.push(`- **${name}:** ${escapeMarkdown(value)}`);
  if (meta.length > 0) lines.push('');

  deck.sections.forEach((section, index) => {
    lines.push(`## ${index + 1}. ${escapeMarkdown(section.title)}`, '');
    for (const slide of section.slides) {
      lines.push(`### ${escapeMarkdown(slide.title)}`, '');
      for (const bullet of slide.bullets) {
        if (typeof bullet === 'string') lines.push(...listItem(bullet, ''));
        else lines.push(...listItem(bullet.text, ''), ...bullet.bullets.flatMap((child) => listItem(child, '  ')));
      }
      if (slide.bullets.length > 0) lines.push('');
      if (slide.notes !== undefined && slide.notes.trim() !== '') {
        const paragraphs = reflowParagraphs(slide.notes).split('\n\n');
        lines.push('**Speaker notes**', '', ...paragraphs.flatMap((paragraph) => [`> ${escapeMarkdown(paragraph)}`, '>']));
        lines.pop();
        lines.push('');
      }
    }
  });
  return `${lines.join('\n').trimEnd()}\n`;
}
