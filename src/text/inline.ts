import { createRequire } from 'node:module';
import type MarkdownIt from 'markdown-it';
import { wrapText } from './wrap.js';

/** A run of text in one style: what `**bold**`, `*italic*` and `` `code` `` mark in a deck's text. */
export interface Span {
  readonly text: string;
  readonly bold?: boolean;
  readonly italic?: boolean;
  readonly code?: boolean;
}

let markdown: InstanceType<typeof MarkdownIt> | undefined;

/**
 * The inline Markdown a deck's text may hold, and nothing else: emphasis (`*`, `_`, doubled for
 * strong), code spans and backslash escapes (CommonMark 0.31, sections 6.1 to 6.4, as markdown-it
 * implements them). Links, HTML, entities and typographic replacements stay as written.
 *
 * Loaded the first time a text has a marker, not at start-up: many slides have none, and
 * loading it took about 15 ms of every start (`inkdeck render`, 8 interleaved runs).
 */
function inlineParser(): InstanceType<typeof MarkdownIt> {
  if (markdown === undefined) {
    const Parser = createRequire(import.meta.url)('markdown-it') as typeof MarkdownIt;
    markdown = new Parser('zero').enable(['emphasis', 'backticks', 'escape']);
  }
  return markdown;
}

const parsed = new Map<string, readonly Span[]>();
/**
 * Most texts kept before the memory starts again, empty: a deck's texts are far fewer, and a
 * talk edited for hours with live reload would otherwise keep every version of every bullet.
 */
const REMEMBERED_TEXTS = 10_000;

/**
 * The styled runs of `text`, markers removed: `a **b** c` gives `a `, `b` (bold) and ` c`.
 * A marker without its partner stays as text (`5 * 3`), and a backslash escapes one
 * (`\*not italic\*`), as in CommonMark. Remembered: slides are laid out on every key press.
 *
 * @returns At least one span; adjacent spans differ in style; the empty text gives one empty span.
 */
export function parseInline(text: string): readonly Span[] {
  let spans = parsed.get(text);
  if (spans === undefined) {
    spans = toSpans(text);
    if (parsed.size >= REMEMBERED_TEXTS) parsed.clear();
    parsed.set(text, spans);
  }
  return spans;
}

function toSpans(text: string): Span[] {
  // Nothing to parse: most text has no marker, and the parser is the slower path.
  if (!/[*_`\\]/.test(text)) return [{ text }];
  const tokens = inlineParser().parseInline(text, {})[0]?.children ?? [];
  const spans: Span[] = [];
  let bold = 0;
  let italic = 0;
  const push = (content: string, code = false) => {
    if (content === '') return;
    const style = { ...(bold > 0 ? { bold: true } : {}), ...(italic > 0 ? { italic: true } : {}), ...(code ? { code: true } : {}) };
    const last = spans.at(-1);
    if (last !== undefined && sameStyle(last, style)) spans[spans.length - 1] = { ...last, text: last.text + content };
    else spans.push({ text: content, ...style });
  };
  for (const token of tokens) {
    if (token.type === 'strong_open') bold += 1;
    else if (token.type === 'strong_close') bold -= 1;
    else if (token.type === 'em_open') italic += 1;
    else if (token.type === 'em_close') italic -= 1;
    else if (token.type === 'code_inline') push(token.content, true);
    else if (token.type === 'softbreak' || token.type === 'hardbreak') push('\n');
    else push(token.content);
  }
  return spans.length === 0 ? [{ text: '' }] : spans;
}

function sameStyle(a: Span, b: Omit<Span, 'text'>): boolean {
  return a.bold === b.bold && a.italic === b.italic && a.code === b.code;
}

/** The text as it is seen: `text` without its emphasis markers and escapes. */
export function visibleText(text: string): string {
  return parseInline(text)
    .map((span) => span.text)
    .join('');
}

/**
 * Wraps styled text to `columns` as {@link wrapText} wraps its visible text (the markers take no
 * room), each line as the spans it holds.
 *
 * @param columns - Line width, in columns; values below 1 are treated as 1.
 * @returns One list of spans per line, at least one line.
 */
export function wrapSpans(spans: readonly Span[], columns: number): Span[][] {
  const visible = spans.map((span) => span.text).join('');
  const styleAt: Span[] = [];
  for (const span of spans) for (let index = 0; index < span.text.length; index += 1) styleAt.push(span);
  // Wrapping only removes white space and adds line breaks, so each wrapped line is a run of
  // the visible text read in order: each of its characters takes the style of the next
  // character of the visible text that is the same.
  let position = 0;
  return wrapText(visible, columns)
    .split('\n')
    .map((line) => {
      const result: Span[] = [];
      for (let index = 0; index < line.length; index += 1) {
        while (position < visible.length && visible[position] !== line[index]) position += 1;
        const style = styleAt[position] ?? { text: '' };
        position += 1;
        const last = result.at(-1);
        if (last !== undefined && sameStyle(last, style)) result[result.length - 1] = { ...last, text: last.text + (line[index] ?? '') };
        else result.push({ ...withoutText(style), text: line[index] ?? '' });
      }
      return result;
    });
}

function withoutText(span: Span): Omit<Span, 'text'> {
  return { ...(span.bold ? { bold: true } : {}), ...(span.italic ? { italic: true } : {}), ...(span.code ? { code: true } : {}) };
}
