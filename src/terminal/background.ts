/** How long to wait for the terminal to say its background colour, in milliseconds. */
export const BACKGROUND_QUERY_MS = 150;

/**
 * OSC 11 with `?`: asks for the background colour (xterm ctlseqs, "Operating System Commands";
 * also VTE, kitty, iTerm2, WezTerm, foot, Windows Terminal), ended by ST.
 */
const BACKGROUND_QUERY = '\u001B]11;?\u001B\\';

/** The reply: `OSC 11 ; rgb:RRRR/GGGG/BBBB` with 1 to 4 hex digits a component, ended by BEL or ST. */
// eslint-disable-next-line no-control-regex
const BACKGROUND_REPLY = /\u001B\]11;rgb:([0-9a-f]{1,4})\/([0-9a-f]{1,4})\/([0-9a-f]{1,4})(?:\u0007|\u001B\\)/i;

/**
 * The relative luminance (WCAG 2.2, 0 for black to 1 for white) of the colour in an OSC 11 reply,
 * or undefined when `reply` holds none.
 */
export function backgroundLuminance(reply: string): number | undefined {
  const match = BACKGROUND_REPLY.exec(reply);
  if (match === null) return undefined;
  const [red, green, blue] = match.slice(1, 4).map((hex) => Number.parseInt(hex, 16) / (16 ** hex.length - 1));
  return relativeLuminance(red ?? 0, green ?? 0, blue ?? 0);
}

/** WCAG 2.2 relative luminance of an sRGB colour whose components run from 0 to 1. */
export function relativeLuminance(red: number, green: number, blue: number): number {
  const linear = (value: number) => (value <= 0.04045 ? value / 12.92 : ((value + 0.055) / 1.055) ** 2.4);
  return 0.2126 * linear(red) + 0.7152 * linear(green) + 0.0722 * linear(blue);
}

/**
 * Asks the terminal on `stdin`/`stdout` for its background colour (OSC 11) before anything else
 * reads the keyboard, and waits at most `timeoutMs` milliseconds. The reply is taken off the
 * input, never read as keys; anything typed meanwhile is put back for the app to read. Many
 * terminals, tmux without passthrough and anything that is not a terminal never answer: that is
 * `undefined`, as is a reply that comes too late (the key layer then drops it as a terminal reply).
 *
 * Leaves stdin in raw mode and paused: the app's key reader (Ink) takes it from there.
 *
 * @returns The background's relative luminance, from 0 (black) to 1 (white), or undefined.
 */
export function queryBackgroundLuminance(
  stdin: NodeJS.ReadStream,
  stdout: NodeJS.WriteStream,
  timeoutMs = BACKGROUND_QUERY_MS,
): Promise<number | undefined> {
  if (!stdin.isTTY || !stdout.isTTY) return Promise.resolve(undefined);
  return new Promise((resolve) => {
    let received = Buffer.alloc(0);
    const finish = (luminance: number | undefined, rest: Buffer) => {
      clearTimeout(timer);
      stdin.off('data', onData);
      stdin.pause();
      if (rest.length > 0) stdin.unshift(rest);
      resolve(luminance);
    };
    const onData = (chunk: Buffer | string) => {
      received = Buffer.concat([received, typeof chunk === 'string' ? Buffer.from(chunk) : chunk]);
      const text = received.toString('latin1');
      const match = BACKGROUND_REPLY.exec(text);
      if (match === null) return;
      // latin1 keeps one character per byte, so the match's place is its place in the bytes.
      const rest = Buffer.concat([received.subarray(0, match.index), received.subarray(match.index + match[0].length)]);
      finish(backgroundLuminance(match[0]), rest);
    };
    const timer = setTimeout(() => finish(undefined, received), timeoutMs);
    stdin.setRawMode(true);
    stdin.on('data', onData);
    stdout.write(BACKGROUND_QUERY);
  });
}
