import { bodyOf, type SlideBody } from '../deck/slides.js';
import type { Deck } from '../deck/schema.js';
import { reflowParagraphs } from '../text/wrap.js';

/**
 * Escapes text so Markdown shows it as written: the inline markers (`*`, `_`, backticks, links,
 * HTML, `~~`), and at the start of a block what would open a heading, list or quote (`#`, `-`,
 * `+`, `1.`, `>`). Other punctuation is left alone, so the handout stays readable as plain text.
 * Text that may hold emphasis (`emphasis`: bullets, quotes, statements, events, notes) keeps its
 * emphasis markers, code spans and backslash escapes, which Markdown reads as the slides do.
 */
function escapeMarkdown(text: string, { emphasis = false } = {}): string {
  // Inside a code span Markdown reads nothing (CommonMark 6.1): it is written as it is, or a
  // backslash put before its `<` would show.
  const parts = emphasis ? text.split(/(`[^`]*`)/) : [text];
  const inline = parts.map((part, index) => (index % 2 === 1 ? part : escapeInline(part, emphasis))).join('');
  return inline.replace(/^([#>+-])/, '\\$1').replace(/^(\d+)([.)])/, '$1\\$2');
}

/**
 * `text` (outside code spans) with Markdown's inline markers escaped, and each `&` that would
 * start a character reference (`&amp;`, `&#x3C;`, CommonMark 2.5) written `&amp;`, so it shows.
 */
function escapeInline(text: string, emphasis: boolean): string {
  return text.replace(emphasis ? /([[\]<~|])/g : /([\\`*_[\]<~|])/g, '\\$1').replace(/&(?=#?[A-Za-z0-9]+;)/g, '&amp;');
}

/**
 * A list item of `text` at `indent`: a text of several lines (a `|` bullet) keeps its breaks
 * (CommonMark hard line breaks, a backslash at the end of a line) and each of its lines stays in
 * the item, indented and escaped, so none opens a heading, a list or a quote of its own.
 */
function listItem(text: string, indent: string): string[] {
  const [first = '', ...rest] = text.replace(/\n+$/, '').split('\n');
  const escape = (line: string) => escapeMarkdown(line, { emphasis: true });
  const lines = [`${indent}- ${escape(first)}`, ...rest.map((line) => `${indent}  ${escape(line)}`)];
  return lines.map((line, index) => (index < lines.length - 1 ? `${line}\\` : line));
}

/**
 * A handout of the deck in Markdown (CommonMark, as code-hosting sites render it): the deck's
 * metadata, each section as a heading, each slide's title, content and speaker notes. Bullets
 * are a list, columns a table (a column's bullets down its column), a quotation a block quote
 * with its attribution, a statement a paragraph of its own, a timeline a list of dated events.
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
  lines.push(...notesLines(deck.notes));

  deck.sections.forEach((section, index) => {
    lines.push(`## ${index + 1}. ${escapeMarkdown(section.title)}`, '', ...notesLines(section.notes));
    for (const slide of section.slides) {
      lines.push(`### ${escapeMarkdown(slide.title)}`, '');
      const body = bodyLines(bodyOf(slide));
      if (body.length > 0) lines.push(...body, '');
      lines.push(...notesLines(slide.notes));
    }
  });
  return `${lines.join('\n').trimEnd()}\n`;
}

/** Speaker notes as a block quote under a bold label, followed by a blank line; nothing for none. */
function notesLines(notes: string | undefined): string[] {
  if (notes === undefined || notes.trim() === '') return [];
  const paragraphs = reflowParagraphs(notes).split('\n\n');
  const quoted = paragraphs.flatMap((paragraph) => [`> ${escapeMarkdown(paragraph, { emphasis: true })}`, '>']).slice(0, -1);
  return ['**Speaker notes**', '', ...quoted, ''];
}

/** A slide's content in Markdown, by its layout (see {@link exportMarkdown}); no lines for none. */
function bodyLines(body: SlideBody): string[] {
  const escape = (text: string) => escapeMarkdown(text.replace(/\s*\n\s*/g, ' ').trim(), { emphasis: true });
  switch (body.layout) {
    case 'bullets':
      return body.bullets.flatMap((bullet) =>
        typeof bullet === 'string'
          ? listItem(bullet, '')
          : [...listItem(bullet.text, ''), ...bullet.bullets.flatMap((child) => listItem(child, '  '))],
      );
    case 'columns': {
      const height = Math.max(...body.columns.map((column) => column.bullets.length));
      const cells = (texts: readonly string[]) => `| ${texts.join(' | ')} |`;
      return [
        cells(body.columns.map((column) => escapeMarkdown(column.heading))),
        cells(body.columns.map(() => '---')),
        ...Array.from({ length: height }, (_, index) => cells(body.columns.map((column) => escape(column.bullets[index] ?? '')))),
      ];
    }
    case 'quote':
      return [`> ${escape(body.quote)}`, ...(body.by === undefined ? [] : ['>', `> — ${escape(body.by)}`])];
    case 'statement':
      return [`**${escape(body.statement)}**`];
    case 'timeline':
      return body.events.map((event) => `- **${escapeMarkdown(event.when)}:** ${escape(event.what)}`);
  }
}
