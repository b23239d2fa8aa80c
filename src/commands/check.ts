import { checkDeck, formatFinding, summarize, type Finding } from '../check/check-deck.js';
import { DeckError } from '../deck/deck-error.js';
import { deckName, readDeckText } from '../deck/load-deck.js';
import { escapeControls, toTerminalJson } from '../deck/sanitize.js';

export interface CheckCommandOptions {
  /** Terminal size to check layout against, in columns and rows. */
  readonly columns: number;
  readonly rows: number;
  /** Check the layout with the speaker-notes pane shown. */
  readonly notes?: boolean;
  readonly format: 'text' | 'json';
  /** Fail on warnings too. */
  readonly strict: boolean;
  /** The text the talk condenses: every quotation in the deck must be in it word for word. */
  readonly source?: string;
}

/**
 * `inkdeck check FILE`: every error and warning, one per line as `FILE:LINE:COL: error: …`
 * (or as JSON), then a summary line; with `source`, quotations missing from it are errors too.
 *
 * @returns The output and the exit status: 0 clean (warnings allowed unless `strict`), 1 otherwise.
 */
export async function checkCommand(file: string, options: CheckCommandOptions): Promise<{ output: string; status: number }> {
  let findings: Finding[];
  const name = deckName(file);
  try {
    // The source is read as a deck is, with the same limits and messages (as FILE:0:0 errors).
    const source = options.source === undefined ? undefined : { text: await readDeckText(options.source), name: deckName(options.source) };
    findings = checkDeck(await readDeckText(file), name, options, { source });
  } catch (error) {
    if (!(error instanceof DeckError)) throw error;
    findings = error.diagnostics.map((diagnostic) => ({ ...diagnostic, severity: 'error' }));
  }
  const errors = findings.filter((finding) => finding.severity === 'error').length;
  const warnings = findings.length - errors;
  const status = errors > 0 || (options.strict && warnings > 0) ? 1 : 0;
  if (options.format === 'json') {
    const json = { file: name, columns: options.columns, rows: options.rows, notes: options.notes === true, errors, warnings, findings };
    return { output: `${toTerminalJson(json)}\n`, status };
  }
  const lines = [...findings.map(formatFinding), `${escapeControls(name)}: ${summarize(findings)}`];
  return { output: `${lines.join('\n')}\n`, status };
}
