import { statSync, writeFileSync } from 'node:fs';
import { exportCast } from '../export/export-cast.js';
import { exportMarkdown } from '../export/export-markdown.js';
import { exportText } from '../export/export-text.js';
import { exportHtml } from '../export/export-html.js';
import { findBrowser, printPdf } from '../export/export-pdf.js';
import { loadDeck } from '../index.js';
import { describeFsError } from '../text/describe-fs-error.js';
import { CommandError, UsageError } from './usage-error.js';
import { frameTheme, type ThemeChoice } from '../deck/themes.js';

export type ExportFormat = 'txt' | 'md' | 'cast' | 'html' | 'pdf';

export interface ExportCommandOptions {
  readonly format: ExportFormat;
  /** Terminal size, in columns and rows. */
  readonly columns: number;
  readonly rows: number;
  readonly notes: boolean;
  /** The theme of the cast recording's frames, over the deck's `theme:`; `auto` is `dark` here (see frameTheme). */
  readonly theme?: ThemeChoice;
  /** Seconds per frame of a `cast` recording. */
  readonly frameSeconds: number;
  /** File to write; stdout when `undefined`. */
  readonly output?: string;
  /** Overwrite `output` if it exists. */
  readonly force: boolean;
  /** The Chromium to print a PDF with (`--browser`); found by findBrowser when not given. */
  readonly browser?: string;
  /** Print one page per slide with its speaker notes under it (`pdf`, and `html` when printed). */
  readonly handout?: boolean;
}

/**
 * `inkdeck export FILE --format txt|md|cast|html|pdf`: every frame as text, a Markdown handout,
 * an asciicast recording, a self-contained HTML deck (exportHtml), or that page printed to PDF
 * by a headless Chromium (printPdf).
 *
 * @returns What to print on stdout (empty when written to `output`).
 * @throws {DeckError} When the deck cannot be loaded.
 * @throws {UsageError} When `output` exists and `force` is off, or a PDF would go to a terminal.
 * @throws {CommandError} When `output` is a directory, or cannot be written; for a PDF, when no
 *   browser is found or it fails.
 */
export async function exportCommand(file: string, options: ExportCommandOptions): Promise<string | Uint8Array> {
  const deck = loadDeck(file);
  const frameOptions = {
    columns: options.columns,
    rows: options.rows,
    notes: options.notes,
    ...(options.theme === undefined ? {} : { theme: frameTheme(options.theme) }),
  };
  const isToStdout = options.output === undefined || options.output === '-';
  let content: string | Uint8Array;
  if (options.format === 'pdf') {
    // Found before anything is laid out: without one there is nothing to do.
    const browser = findBrowser(options.browser);
    if (isToStdout && process.stdout.isTTY) throw new UsageError('a PDF is no text for a terminal; write it to a file with -o FILE.pdf');
    content = await printPdf(exportHtml(deck, frameOptions), browser, options.handout === true);
  } else if (options.format === 'html') {
    const html = exportHtml(deck, frameOptions);
    content = options.handout === true ? html.replace('<body>', '<body class="handout">') : html;
  } else if (options.format === 'md') content = exportMarkdown(deck);
  else if (options.format === 'cast') content = exportCast(deck, { ...frameOptions, frameSeconds: options.frameSeconds });
  else content = exportText(deck, frameOptions);
  // `-o -` is stdout, as for most command-line tools.
  if (isToStdout || options.output === undefined) return content;
  try {
    // 'wx' fails if the file exists, atomically, so nothing is ever overwritten by accident.
    writeFileSync(options.output, content, { flag: options.force ? 'w' : 'wx' });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') {
      // --force would not help a directory: say what is in the way.
      if (isDirectory(options.output)) throw new CommandError(`cannot write ${options.output}: it is a directory`);
      throw new UsageError(`${options.output} exists; add --force to overwrite it`);
    }
    throw new CommandError(`cannot write ${options.output}: ${describeFsError(error)}`);
  }
  return '';
}

function isDirectory(file: string): boolean {
  try {
    return statSync(file).isDirectory();
  } catch {
    return false;
  }
}
