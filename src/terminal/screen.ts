import { onExit } from 'signal-exit';

/** DEC private mode 1049: switch to the alternate screen buffer, saving the cursor (xterm ctlseqs). */
export const ENTER_ALTERNATE_SCREEN = '\u001B[?1049h';
/** Leave the alternate screen buffer and restore the cursor and the screen as it was before. */
export const LEAVE_ALTERNATE_SCREEN = '\u001B[?1049l';
/** DECTCEM: show the cursor. */
export const SHOW_CURSOR = '\u001B[?25h';
const CURSOR_HOME = '\u001B[H';

/**
 * Switches `stdout` to the alternate screen, as full-screen terminal programs (less, vim) do,
 * and guarantees it is switched back: on the returned function's call, on normal exit, and on
 * SIGINT/SIGTERM/SIGHUP (signal-exit re-raises the signal afterwards, so the exit status stays
 * 128 + signal number).
 *
 * @returns A function that restores the screen and shows the cursor; calling it again does nothing.
 */
export function enterFullScreen(stdout: NodeJS.WriteStream): () => void {
  let isRestored = false;
  const restore = () => {
    if (isRestored) return;
    isRestored = true;
    removeExitHandler();
    stdout.write(LEAVE_ALTERNATE_SCREEN + SHOW_CURSOR);
  };
  const removeExitHandler = onExit(() => restore());
  stdout.write(ENTER_ALTERNATE_SCREEN + CURSOR_HOME);
  return restore;
}
