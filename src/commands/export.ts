import { statSync, writeFileSync } from 'node:fs';
import { exportCast } from '../export/export-cast.js';
import { exportMarkdown } from '../export/export-markdown.js';
import { exportText } from '../export/export-text.js';
import { loadDeck } from '../index.js';
import { describeFsError } from '../text/describe-fs-error.js';
import { CommandError, UsageError } from './usage-error.js';
import { frameTheme, type ThemeChoice } from '../deck/themes.js';

export type ExportFormat = 'txt' | 'md' | 'cast';

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
}

/**
 * `inkdeck export FILE --format txt|md|cast`: every frame as text, a Markdown handout, or an
 * asciicast recording.
 *
 * @returns What to print on stdout (empty when written to `output`).
 * @throws {DeckError} When the deck cannot be loaded.
 * @throws {UsageError} When `output` exists and `force` is off.
 * @throws {CommandError} When `output` is a directory, or cannot be written.
 */
export function exportCommand(file: string, options: ExportCommandOptions): string {
  const deck = loadDeck(file);
  const frameOptions = {
    columns: options.columns,
    rows: options.rows,
    notes: options.notes,
    ...(options.theme === undefined ? {} : { theme: frameTheme(options.theme) }),
  };
  const content =
    options.format === 'md'
      ? exportMarkdown(deck)
      : options.format === 'cast'
        ? exportCast(deck, { ...frameOptions, frameSeconds: options.frameSeconds })
        : exportText(deck, frameOptions);
  // `-o -` is stdout, as for most command-line tools.
  if (options.output === undefined || options.output === '-') return content;
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
