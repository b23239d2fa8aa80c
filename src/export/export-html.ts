import { styledCharsFromTokens, tokenize, type AnsiCode } from '@alcalzone/ansi-tokenize';
import stripAnsi from 'strip-ansi';
import type { Deck } from '../deck/schema.js';
import { buildSlides, stepCountOf } from '../deck/slides.js';
import { frames, type FrameOptions } from '../index.js';
import { THEMES } from '../ui/theme.js';
import { frameTheme } from '../deck/themes.js';
import { xtermColour } from './xterm-colours.js';

/** What a run of cells looks like, from the SGR sequences (ECMA-48 8.3.117) that drew it. */
interface CellStyle {
  readonly fg?: string;
  readonly bg?: string;
  readonly bold?: boolean;
  readonly dim?: boolean;
  readonly italic?: boolean;
  readonly underline?: boolean;
  readonly inverse?: boolean;
  readonly strike?: boolean;
}

/** Control Sequence Introducer, ESC [. */
const CSI = '\u001B[';

/** The style the SGR codes `codes` (each `ESC [ … m`, in order) give a cell. */
function styleOf(codes: readonly AnsiCode[]): CellStyle {
  const style: { -readonly [K in keyof CellStyle]: CellStyle[K] } = {};
  for (const { code } of codes) {
    // CSI parameters m (ECMA-48 8.3.117); colons as in 38:2:r:g:b (ITU T.416) too.
    const isSgr = code.startsWith(CSI) && code.endsWith('m');
    const params = isSgr ? code.slice(CSI.length, -1).split(/[;:]/).map(Number) : [];
    for (let at = 0; at < params.length; at += 1) {
      const param = params[at] ?? 0;
      if (param === 1) style.bold = true;
      else if (param === 2) style.dim = true;
      else if (param === 3) style.italic = true;
      else if (param === 4) style.underline = true;
      else if (param === 7) style.inverse = true;
      else if (param === 9) style.strike = true;
      else if (param === 38 || param === 48) {
        // 38;2;r;g;b (24-bit) or 38;5;n (the 256 colours), foreground or (48) background.
        const mode = params[at + 1];
        const colour =
          mode === 2 ? rgb(params[at + 2], params[at + 3], params[at + 4]) : mode === 5 ? xtermColour(params[at + 2] ?? 0) : undefined;
        at += mode === 2 ? 4 : 2;
        if (param === 38) style.fg = colour;
        else style.bg = colour;
      } else if (param >= 30 && param <= 37) style.fg = xtermColour(param - 30);
      else if (param >= 90 && param <= 97) style.fg = xtermColour(param - 90 + 8);
      else if (param >= 40 && param <= 47) style.bg = xtermColour(param - 40);
      else if (param >= 100 && param <= 107) style.bg = xtermColour(param - 100 + 8);
    }
  }
  return style;
}

function rgb(r = 0, g = 0, b = 0): string {
  return `#${[r, g, b].map((value) => Math.max(0, Math.min(255, value)).toString(16).padStart(2, '0')).join('')}`;
}

const ESCAPES: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' };

/** `text` safe inside an HTML element or a double-quoted attribute. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"]/g, (character) => ESCAPES[character] ?? character);
}

/** The CSS of a run of cells in `style`, over a frame whose text and background are `base`. */
function cssOf(style: CellStyle, base: { readonly fg: string; readonly bg: string }): string {
  let fg = style.fg;
  let bg = style.bg;
  if (style.inverse === true) [fg, bg] = [bg ?? base.bg, fg ?? base.fg];
  const rules: string[] = [];
  // Dim (SGR 2) as terminals draw it: the colour halfway to the background.
  if (style.dim === true) rules.push(`color:color-mix(in srgb,${fg ?? base.fg} 55%,${bg ?? base.bg})`);
  else if (fg !== undefined) rules.push(`color:${fg}`);
  // The frame's own background is the grid's: painted again per row, it would cover the
  // descenders of the row above (rows are a little closer than the font's line).
  if (bg !== undefined && bg !== base.bg) rules.push(`background:${bg}`);
  if (style.bold === true) rules.push('font-weight:bold');
  if (style.italic === true) rules.push('font-style:italic');
  const lines = [style.underline === true ? 'underline' : '', style.strike === true ? 'line-through' : ''].filter(Boolean);
  if (lines.length > 0) rules.push(`text-decoration:${lines.join(' ')}`);
  return rules.join(';');
}

/**
 * Whether a row of a frame is drawing rather than text: something is on it, but no two letters or
 * digits in a row. Big titles are drawn so (in block elements, box drawing, or ASCII strokes such
 * as `/ __| / _ \`), and so are rules and borders; a row of text always has a word or a number.
 * Such rows are hidden from screen readers.
 */
function isDrawingRow(line: string): boolean {
  return /\S/.test(line) && !/[\p{L}\p{N}]{2}/u.test(line);
}

/** One row of a colour frame as HTML: runs of one style in spans, each wide character in a cell two columns wide. */
function rowHtml(line: string, base: { readonly fg: string; readonly bg: string }): string {
  let html = '';
  let run = '';
  let runCss = '';
  const flush = () => {
    if (run !== '') html += runCss === '' ? run : `<span style="${runCss}">${run}</span>`;
    run = '';
  };
  for (const cell of styledCharsFromTokens(tokenize(line))) {
    const css = cssOf(styleOf(cell.styles), base);
    if (css !== runCss) {
      flush();
      runCss = css;
    }
    // A wide character (CJK, most emoji) takes two cells in a terminal, whatever the font's glyph.
    run += cell.fullWidth ? `<span class="w">${escapeHtml(cell.value)}</span>` : escapeHtml(cell.value);
  }
  flush();
  return html;
}

/** Options of {@link exportHtml}: the frames' size and theme, as for the other formats. */
export type HtmlOptions = Pick<FrameOptions, 'columns' | 'rows' | 'theme'>;

/**
 * The deck as one self-contained HTML file: every frame (each slide, each reveal step) as the
 * terminal shows it at `columns` x `rows`, in the theme's colours and attributes, as real text
 * in a monospace grid that scales to fill the window; the keys of the app (next and previous,
 * first and last, `n` for the speaker notes, `o` for an overview), swipes on a touch screen, and
 * an address per frame (`#slide-7`, `#slide-7.2` for a step). It loads nothing: styles and script
 * are inside, and the font is the reader's own monospace. Printed, it gives one frame per
 * landscape page; with the class `handout` on the body (`--format pdf --handout`), one page per
 * slide, its last step with its speaker notes under it. Deterministic: the same deck and
 * options give the same bytes.
 */
export function exportHtml(deck: Deck, options: HtmlOptions = {}): string {
  const columns = options.columns ?? 80;
  const rows = options.rows ?? 24;
  const themeName = options.theme ?? frameTheme(deck.theme);
  const theme = THEMES[themeName];
  // Mono leaves the terminal's own colours; on paper and in a browser, black on white.
  const base = { fg: theme.text ?? '#000000', bg: theme.background ?? '#ffffff' };
  const slides = buildSlides(deck);
  const sections: string[] = [];
  let lineCount = rows - 1;
  for (const frame of frames(deck, { columns, rows, color: true, theme: themeName })) {
    const slide = slides[frame.slide - 1];
    if (slide === undefined) continue;
    const lines = frame.frame.split('\n');
    lineCount = lines.length;
    const id = frame.step === 1 ? `slide-${frame.slide}` : `slide-${frame.slide}.${frame.step}`;
    const label = `Slide ${frame.slide} of ${frame.slideCount}${frame.stepCount > 1 ? `, step ${frame.step} of ${frame.stepCount}` : ''}`;
    const plain = lines.map((line) => stripAnsi(line));
    // A title or section title drawn in big letters is no text, and a quote or a statement shows
    // none: the title is said, for readers, finding and copying, in a heading laid transparent
    // over the frame.
    const isTitleSaid = slide.kind !== 'content' || !plain.join('\n').includes(slide.title);
    const grid = lines
      .map((line, index) => {
        const isDrawing = isDrawingRow(plain[index] ?? '');
        return `<span class="row"${isDrawing ? ' aria-hidden="true"' : ''}>${rowHtml(line, base)}</span>`;
      })
      // Each row is a block: a line break between them would add a line.
      .join('');
    const heading = isTitleSaid ? `<h2 class="said">${escapeHtml(slide.title)}</h2>` : '';
    const notes =
      slide.notes === undefined || slide.notes === ''
        ? ''
        : `<aside class="notes" aria-label="Speaker notes">${slide.notes
            .split(/\n\s*\n/)
            .map((paragraph) => `<p>${escapeHtml(paragraph.trim())}</p>`)
            .join('')}</aside>`;
    const isLastStep = frame.step === stepCountOf(slide);
    sections.push(
      `<section class="frame" id="${id}" data-slide="${frame.slide}" data-step="${frame.step}"${isLastStep ? ' data-last-step=""' : ''} aria-label="${label}" hidden>` +
        `${heading}<pre class="grid">${grid}</pre>${notes}</section>`,
    );
  }
  const overview = slides
    .map((slide, index) => `<li><a href="#slide-${index + 1}"><span class="n">${index + 1}</span> ${escapeHtml(slide.title)}</a></li>`)
    .join('');
  const description = [deck.subtitle, deck.author === undefined ? undefined : `by ${deck.author}`, deck.date]
    .filter((part) => part !== undefined && part !== '')
    .join(', ');
  return `<!doctype html>
<html lang="${escapeHtml(deck.language ?? 'en')}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="description" content="${escapeHtml(description === '' ? deck.title : `${deck.title}: ${description}`)}">
<meta name="generator" content="inkdeck">
<title>${escapeHtml(deck.title)}</title>
<style>
${STYLE.replace('/*BASE*/', `--fg:${base.fg};--bg:${base.bg};--columns:${columns};--lines:${lineCount};`)}
</style>
</head>
<body>
<main id="deck" aria-live="polite">
${sections.join('\n')}
</main>
<nav id="overview" aria-label="Overview" hidden><h2>Overview</h2><ol>${overview}</ol><p>Enter or a click goes to a slide; o or Esc closes.</p></nav>
<aside id="help" aria-label="Keys" hidden><h2>Keys</h2><dl>${HELP_KEYS.map(([keys, what]) => `<dt>${keys}</dt><dd>${what}</dd>`).join('')}</dl><p>? or Esc closes.</p></aside>
<script>
${SCRIPT}
</script>
</body>
</html>
`;
}

/** The keys of the page, as its help (`?`) lists them. */
const HELP_KEYS: readonly (readonly [string, string])[] = [
  ['→ ↓ space PgDn l j', 'next step or slide'],
  ['← ↑ PgUp h k', 'previous step or slide'],
  ['Home g / End G', 'first / last frame'],
  ['n', 'speaker notes under the slide'],
  ['o', 'overview: go to a slide'],
  ['swipe', 'next or previous, on a touch screen'],
  ['?', 'these keys'],
];

/**
 * The page's styles. A cell is `1ch` wide (the width of the reader's monospace) and `--lh` em
 * high: rows a little closer than the font's own line (about 1.16 em in common monospace fonts)
 * keep block and box-drawing characters joined, as a terminal draws them. The grid's font size
 * makes it as large as fits the window (or the page, printed), keeping its proportions.
 */
const STYLE = `:root{/*BASE*/--lh:1.1;--ch:0.6;color-scheme:only light}
*{box-sizing:border-box}
html,body{margin:0;height:100%;background:var(--bg);color:var(--fg)}
body{font-family:ui-monospace,"DejaVu Sans Mono","Cascadia Mono",Menlo,Consolas,"Liberation Mono",monospace;overflow:hidden}
main{height:100%}
.frame{position:relative;height:100vh;display:flex;flex-direction:column;align-items:center;justify-content:center}
.frame[hidden]{display:none}
.grid{margin:0;font:inherit;line-height:var(--lh);white-space:pre;font-size:min(calc(100vw / (var(--columns) * var(--ch))),calc(var(--area,100vh) / (var(--lines) * var(--lh))));background:var(--bg)}
.row{display:block;height:calc(var(--lh) * 1em)}
.w{display:inline-block;width:2ch}
.said{position:absolute;margin:0;top:0;left:0;right:0;color:transparent;font-size:4vh;text-align:center;pointer-events:none}
.notes{display:none;width:min(100%,90ch);padding:0 1em;font-family:system-ui,sans-serif;font-size:min(2.4vh,18px);line-height:1.4;overflow:auto;max-height:28vh}
body.show-notes{--area:70vh}
body.show-notes .notes{display:block}
#overview{position:fixed;inset:0;overflow:auto;background:var(--bg);color:var(--fg);padding:2em;font-size:min(3vh,20px)}
#overview ol{list-style:none;padding:0;columns:2 22em}
#overview a{color:inherit;text-decoration:none;display:block;padding:.15em .3em}
#overview a:focus,#overview a:hover{outline:2px solid currentColor}
#overview .n{display:inline-block;width:3ch;text-align:right;opacity:.7}
#help{position:fixed;inset:0;overflow:auto;background:var(--bg);color:var(--fg);padding:2em;font-size:min(3vh,20px)}
#help dl{display:grid;grid-template-columns:max-content 1fr;gap:.3em 2em}
#help dt{font-weight:bold}
#help dd{margin:0}
@page{size:landscape;margin:0}
@media print{
html,body{height:auto;overflow:visible}
main{height:auto}
#overview,#help{display:none}
.frame,.frame[hidden]{display:flex;height:100vh;break-after:page;page-break-after:always}
body.handout .frame:not([data-last-step]){display:none}
body.handout{--area:62vh}
body.handout .notes{display:block;max-height:none;overflow:visible;font-size:11pt;color:var(--fg)}
}`;

/**
 * The page's script: which frame shows, by the address (`#slide-N`, `#slide-N.S`); the keys of
 * the app; swipes; the overview; the help (`?`, which the frames' footer names). Without it (printing, a reader with scripts off) every frame
 * is still there, in order.
 */
const SCRIPT = `(() => {
  const frames = [...document.querySelectorAll('.frame')];
  const overview = document.getElementById('overview');
  let current = 0;
  const indexOf = (hash) => {
    const match = /^#slide-(\\d+)(?:\\.(\\d+))?$/.exec(hash);
    if (!match) return -1;
    const slide = match[1], step = String(Number(match[2] || '1'));
    const exact = frames.findIndex((f) => f.dataset.slide === slide && f.dataset.step === step);
    return exact !== -1 ? exact : frames.findIndex((f) => f.dataset.slide === slide);
  };
  const show = (index) => {
    current = Math.max(0, Math.min(frames.length - 1, index));
    frames.forEach((frame, at) => { frame.hidden = at !== current; });
    // The address is always the frame's own (#slide-3.2 on a slide of one step becomes #slide-3).
    const id = '#' + frames[current].id;
    if (location.hash !== id) history.replaceState(null, '', id);
  };
  // The cell's width in em, measured in the font the reader has, so the grid fills the window.
  const probe = document.createElement('span');
  probe.style.cssText = 'position:absolute;visibility:hidden;font-size:100px;white-space:pre';
  probe.textContent = '0'.repeat(100);
  document.body.appendChild(probe);
  const ch = probe.getBoundingClientRect().width / 10000;
  probe.remove();
  if (ch > 0) document.documentElement.style.setProperty('--ch', String(ch));
  const setOverview = (isOpen) => {
    overview.hidden = !isOpen;
    if (isOpen) overview.querySelectorAll('a')[Number(frames[current].dataset.slide) - 1]?.focus();
  };
  const help = document.getElementById('help');
  document.addEventListener('keydown', (event) => {
    if (event.altKey || event.ctrlKey || event.metaKey) return;
    if (!help.hidden) {
      if (event.key === 'Escape' || event.key === '?' || event.key === 'q') { help.hidden = true; event.preventDefault(); }
      return;
    }
    if (event.key === '?') { help.hidden = false; event.preventDefault(); return; }
    if (!overview.hidden) {
      if (event.key === 'Escape' || event.key === 'o') { setOverview(false); event.preventDefault(); }
      return;
    }
    const moves = {
      ArrowRight: 1, ArrowDown: 1, ' ': 1, PageDown: 1, l: 1, j: 1, Enter: 1,
      ArrowLeft: -1, ArrowUp: -1, PageUp: -1, h: -1, k: -1, Backspace: -1,
    };
    if (event.key in moves) show(current + moves[event.key]);
    else if (event.key === 'Home' || event.key === 'g') show(0);
    else if (event.key === 'End' || event.key === 'G') show(frames.length - 1);
    else if (event.key === 'n') document.body.classList.toggle('show-notes');
    else if (event.key === 'o') setOverview(true);
    else return;
    event.preventDefault();
  });
  overview.addEventListener('click', (event) => { if (event.target.closest('a')) setOverview(false); });
  let touch;
  document.addEventListener('touchstart', (event) => { touch = event.changedTouches[0]; }, { passive: true });
  document.addEventListener('touchend', (event) => {
    const end = event.changedTouches[0];
    if (!touch || !end || !overview.hidden) return;
    const dx = end.clientX - touch.clientX, dy = end.clientY - touch.clientY;
    if (Math.abs(dx) > 40 && Math.abs(dx) > Math.abs(dy)) show(current + (dx < 0 ? 1 : -1));
  });
  // An address of no frame (#slide-99) is put back to the frame shown.
  window.addEventListener('hashchange', () => { const at = indexOf(location.hash); show(at !== -1 ? at : current); });
  const start = indexOf(location.hash);
  show(start === -1 ? 0 : start);
})();`;
