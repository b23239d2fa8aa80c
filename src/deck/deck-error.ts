import { escapeControls } from './sanitize.js';

/** One problem found in a deck file, with where it is. */
export interface Diagnostic {
  /** The file as the user named it. */
  readonly file: string;
  /** 1-based line; 0 when the problem is with the file as a whole (unreadable, too large). */
  readonly line: number;
  /** 1-based column, counted in UTF-16 code units as editors do. */
  readonly column: number;
  /** Path of the field, like `sections[1].slides[0].bullets[2]`; empty for the whole file. */
  readonly path: string;
  /** One line, no trailing period. */
  readonly message: string;
}

/**
 * Makes the diagnostic for what is at `offset` in a deck's text (in UTF-16 code units, as yaml
 * gives offsets), about the field at `path` (formatted, empty for the whole deck).
 */
export type DiagnosticAt = (offset: number, path: string, message: string) => Diagnostic;

/**
 * Formats a diagnostic the way compilers do, so editors and CI annotate it:
 * `FILE:LINE:COLUMN: PATH: MESSAGE` (GNU "Formatting Error Messages" convention), on one line.
 * The file name, path and message quote what the user and the file wrote, which may hold escape
 * sequences: control characters are shown escaped (see {@link escapeControls}), never sent.
 */
export function formatDiagnostic(diagnostic: Diagnostic): string {
  return formatWithSeverity(diagnostic);
}

/** {@link formatDiagnostic} with `severity` after the position: `FILE:LINE:COLUMN: error: …`. */
export function formatWithSeverity(diagnostic: Diagnostic, severity?: 'error' | 'warning'): string {
  const file = escapeControls(diagnostic.file);
  const where = diagnostic.line === 0 ? file : `${file}:${diagnostic.line}:${diagnostic.column}`;
  const parts = [where, severity, escapeControls(diagnostic.path), escapeControls(diagnostic.message)];
  return parts.filter((part) => part !== undefined && part !== '').join(': ');
}

/** Thrown by the loader when a deck cannot be loaded; carries every problem found, in file order. */
export class DeckError extends Error {
  readonly diagnostics: readonly Diagnostic[];

  constructor(diagnostics: readonly Diagnostic[]) {
    super(diagnostics.map(formatDiagnostic).join('\n'));
    this.name = 'DeckError';
    this.diagnostics = diagnostics;
  }
}
