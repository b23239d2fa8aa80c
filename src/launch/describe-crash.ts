import { escapeControls } from '../deck/sanitize.js';

/**
 * One line for an unexpected error, `inkdeck: internal error: …`, its control characters
 * escaped; its stack only with `isDebug` (`--debug`).
 */
export function describeCrash(error: unknown, isDebug: boolean): string {
  if (!(error instanceof Error)) return `inkdeck: internal error: ${escapeControls(String(error))}`;
  if (isDebug) return `inkdeck: internal error: ${error.stack ?? error.message}`;
  return `inkdeck: internal error: ${escapeControls(error.message.split('\n')[0] ?? '')} (run with --debug for details)`;
}
