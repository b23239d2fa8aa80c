import { readFileSync } from 'node:fs';
import { onExit } from 'signal-exit';

/** DEC private mode 1049: switch to the alternate screen buffer, saving the cursor (xterm ctlseqs). */
export const ENTER_ALTERNATE_SCREEN = '\u001B[?1049h';
/** Leave the alternate screen buffer and restore the cursor and the screen as it was before. */
export const LEAVE_ALTERNATE_SCREEN = '\u001B[?1049l';
/** DEC mode 2004: the terminal marks pasted text, so the app can tell it from typing. */
export const ENABLE_BRACKETED_PASTE = '\u001B[?2004h';
export const DISABLE_BRACKETED_PASTE = '\u001B[?2004l';
/** DECTCEM: show the cursor. */
export const SHOW_CURSOR = '\u001B[?25h';
/** DECTCEM: hide the cursor, as Ink does while it draws. */
const HIDE_CURSOR = '\u001B[?25l';
const CURSOR_HOME = '\u001B[H';
/**
 * ED 2 (ECMA-48 "erase in display", all). Switching to the alternate screen clears it only when
 * the terminal was on the main screen; a view restarted after `kill -9`, which never switched
 * back, would otherwise draw its first frame over the old one's text.
 */
const ERASE_SCREEN = '\u001B[2J';

/**
 * Switches `stdout` to the alternate screen, as full-screen terminal programs (less, vim) do,
 * with bracketed paste on and stdin (when a terminal) in raw mode, and guarantees all three are
 * switched back: on the returned function's call, on normal exit, and on SIGINT/SIGTERM/SIGHUP
 * (signal-exit re-raises the signal afterwards, so the exit status stays
 * 128 + signal number).
 *
 * @returns A function that restores the screen, shows the cursor and turns raw mode off; calling
 *   it again does nothing, and so does calling it while the app is suspended (see
 *   {@link suspendToShell}), when the terminal is the shell's, or gone.
 */
export function enterFullScreen(stdout: NodeJS.WriteStream): () => void {
  let isRestored = false;
  const restore = () => {
    if (isRestored) return;
    isRestored = true;
    activeRestore = undefined;
    removeExitHandler();
    process.off('exit', restore);
    // Suspended (Ctrl-Z), the app already gave the terminal back, and it may be gone (closed
    // while the app was stopped): writing to it or setting its mode would fail.
    if (isSuspended) {
      isSuspended = false;
      return;
    }
    // Ink turns raw mode off when it unmounts; on a crash it may not get to, and a terminal
    // left in raw mode does not echo or handle Ctrl-C in the shell afterwards.
    if (process.stdin.isTTY) process.stdin.setRawMode(false);
    stdout.write(DISABLE_BRACKETED_PASTE + LEAVE_ALTERNATE_SCREEN + SHOW_CURSOR);
  };
  // signal-exit covers signals; a plain 'exit' listener covers process.exit(), which signal-exit
  // does not always see while Ink's older signal-exit has patched the same hooks.
  // Last of the exit handlers: Ink's own unmounts the app on a signal, and draws a frame still
  // pending then; drawn after the alternate screen was left, that frame stayed on the shell's
  // screen (a loaded CI run showed the slide after SIGTERM).
  const removeExitHandler = onExit(() => restore(), { alwaysLast: true });
  process.on('exit', restore);
  // Raw mode before the first frame: Ink turns it on in an effect, after that frame is on the
  // screen, and a key pressed in between was the terminal driver's: echoed over the frame, and
  // Ctrl-C a SIGINT to the whole process group, which ended a non-interactive shell script
  // running the app (a CI run failed so). Keys typed now wait in the terminal for Ink to read.
  if (process.stdin.isTTY) process.stdin.setRawMode(true);
  stdout.write(ENTER_ALTERNATE_SCREEN + ERASE_SCREEN + CURSOR_HOME + ENABLE_BRACKETED_PASTE);
  activeRestore = restore;
  return restore;
}

let activeRestore: (() => void) | undefined;

/**
 * Whether this process is in its terminal's foreground process group: its process group and
 * the terminal's foreground one, fields 5 and 8 of /proc/self/stat (Linux, proc(5)). True where
 * that cannot be read, as on macOS.
 */
function isInForeground(): boolean {
  try {
    const stat = readFileSync('/proc/self/stat', 'utf8');
    // After `pid (command) `: state, ppid, pgrp, session, tty_nr, tpgid, ...
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return fields[2] === fields[5];
  } catch {
    return true;
  }
}

/** Whether the app has handed the terminal to the shell (Ctrl-Z) and not taken it back. */
let isSuspended = false;

/**
 * How long a process SIGTSTP did not stop waits before it takes the terminal back, in
 * milliseconds (see {@link suspendToShell}).
 */
const NOT_STOPPED_MS = 50;

/** How long the app, continued in the background, leaves the signals sent with SIGCONT to act, in milliseconds. */
const SIGNALS_SETTLE_MS = 20;

/**
 * Suspends the app as Ctrl-Z suspends a program in a shell with job control. In raw mode the
 * terminal passes Ctrl-Z on as a byte instead of raising SIGTSTP, so full-screen programs do it
 * themselves (vim's :suspend, less): hand the terminal back (main screen, cursor shown, raw mode
 * and bracketed paste off) and stop its process group with SIGTSTP.
 *
 * The app takes the terminal back on SIGCONT (`fg`), in the event loop, and only once it is in
 * the foreground again, so that a signal that came with it is handled first: `kill %1` sends SIGTERM and SIGCONT, and the kernel sends SIGHUP
 * and SIGCONT when the terminal closes; the app then ends (see {@link enterFullScreen}) without
 * touching a terminal that is the shell's, or gone. On its blank alternate screen, a resize while
 * it was stopped signalled the shell, the foreground process group then, so the app sends itself
 * SIGWINCH: Node's own handler reads the size again and, if it changed, emits 'resize', and the
 * frame laid out for the new size is drawn in full anyway; with the size unchanged, `redraw` is
 * called to draw the frame again.
 *
 * A process group with no job-control shell above it (an orphaned process group, such as a tmux
 * pane running the app directly) is not stopped by SIGTSTP (POSIX, "orphaned process group"),
 * and no SIGCONT comes: the app takes the terminal back after NOT_STOPPED_MS. That timer is set
 * before the stop, so after a stop it is already due when the process runs again; it only
 * schedules the return for after the event loop's poll phase, where the signals that came with
 * SIGCONT are handled, so it never comes before them.
 *
 * @returns Whether the app was suspended: false when it does not have a terminal in full-screen
 *   mode (see {@link enterFullScreen}), or on Windows, which has no SIGTSTP.
 */
export function suspendToShell(stdout: NodeJS.WriteStream, redraw: () => void): boolean {
  if (activeRestore === undefined || isSuspended || process.platform === 'win32') return false;
  const hasRawMode = process.stdin.isTTY && process.stdin.isRaw;
  if (hasRawMode) process.stdin.setRawMode(false);
  stdout.write(DISABLE_BRACKETED_PASTE + LEAVE_ALTERNATE_SCREEN + SHOW_CURSOR);
  isSuspended = true;
  const resume = () => {
    // Ended while it was stopped, or back already.
    if (!isSuspended || activeRestore === undefined) return;
    // Continued in the background (`bg`, or `kill %1`, which sends SIGCONT after SIGTERM): the
    // terminal is still the shell's, and setting its mode would stop the app by SIGTTOU. It
    // stops again itself once a SIGTERM that came along has had SIGNALS_SETTLE_MS to end it, so
    // that `fg` (a SIGCONT) brings it back here.
    if (!isInForeground()) {
      setTimeout(() => {
        if (isSuspended && !isInForeground()) process.kill(0, 'SIGTSTP');
      }, SIGNALS_SETTLE_MS);
      return;
    }
    process.off('SIGCONT', resume);
    isSuspended = false;
    if (hasRawMode) process.stdin.setRawMode(true);
    stdout.write(ENTER_ALTERNATE_SCREEN + ERASE_SCREEN + CURSOR_HOME + ENABLE_BRACKETED_PASTE + HIDE_CURSOR);
    const { columns, rows } = stdout;
    // Node's SIGWINCH listener, added when stdout was made, runs before this one.
    process.once('SIGWINCH', () => {
      if (stdout.columns === columns && stdout.rows === rows) redraw();
    });
    process.kill(process.pid, 'SIGWINCH');
  };
  process.on('SIGCONT', resume);
  setTimeout(() => setImmediate(resume), NOT_STOPPED_MS);
  // The whole process group, as vim's suspend does: run through `npm start`, the app is a child
  // of npm, and the shell sees the job stopped only when npm stops too.
  process.kill(0, 'SIGTSTP');
  return true;
}

/**
 * Hands the terminal back now if the app has it (see {@link enterFullScreen}); does nothing
 * otherwise. For crash paths, so their message lands on the main screen, where it stays.
 */
export function restoreTerminal(): void {
  activeRestore?.();
}
