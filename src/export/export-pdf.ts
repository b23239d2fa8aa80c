import { accessSync, constants, statSync } from 'node:fs';
import path from 'node:path';
import { CommandError } from '../commands/usage-error.js';

/** Names a Chromium is installed under, looked for on PATH in this order. */
export const BROWSER_NAMES = ['chromium', 'chromium-browser', 'google-chrome', 'google-chrome-stable'] as const;

function isExecutable(file: string): boolean {
  try {
    accessSync(file, constants.X_OK);
    return statSync(file).isFile();
  } catch {
    return false;
  }
}

/**
 * The Chromium to print with: `browser` (`--browser PATH`) when given, else `CHROME_PATH`, else
 * the first of {@link BROWSER_NAMES} on `PATH`.
 *
 * @throws {CommandError} When none is found (or the one named cannot be run), saying what was
 *   looked for and that `--format html` and the browser's Print give the same PDF.
 */
export function findBrowser(browser: string | undefined, env: NodeJS.ProcessEnv = process.env): string {
  const html = 'export --format html and Print in a browser give the same PDF';
  if (browser !== undefined) {
    if (isExecutable(browser)) return browser;
    throw new CommandError(`cannot run the browser ${browser} (--browser): no such executable file; ${html}`);
  }
  const fromEnv = env.CHROME_PATH;
  if (fromEnv !== undefined && fromEnv !== '') {
    if (isExecutable(fromEnv)) return fromEnv;
    throw new CommandError(`cannot run the browser ${fromEnv} (CHROME_PATH): no such executable file; ${html}`);
  }
  for (const directory of (env.PATH ?? '').split(path.delimiter)) {
    if (directory === '') continue;
    for (const name of BROWSER_NAMES) {
      const candidate = path.join(directory, name);
      if (isExecutable(candidate)) return candidate;
    }
  }
  throw new CommandError(
    `no browser to print the PDF with: looked for --browser, CHROME_PATH and ${BROWSER_NAMES.join(', ')} on PATH; ${html}`,
  );
}

/** How long the browser may take to start, in milliseconds, before printing is given up. */
const LAUNCH_TIMEOUT_MS = 30_000;

/** Exit statuses for the signals that end a print, 128 + the signal's number (a shell's convention). */
const SIGNAL_STATUS = { SIGINT: 130, SIGTERM: 143, SIGHUP: 129 } as const;

/** The first line of what went wrong, as a reason in one of our messages. */
function reasonOf(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return (message.split('\n')[0] ?? '').replace(/^[\w.]+: /, '');
}

/**
 * Prints `html` (an {@link exportHtml} page) to PDF in the headless Chromium `browser`, driven by
 * playwright-core (which never downloads a browser of its own): one landscape page per frame, or
 * with `handout`, one per slide with its speaker notes under it. SIGINT, SIGTERM and SIGHUP while
 * it prints close the browser and end the process with 128 + the signal's number, as the
 * terminal would have (playwright's own handlers, which would leave the process running, are off).
 *
 * @returns The PDF's bytes.
 * @throws {CommandError} When the browser does not start within {@link LAUNCH_TIMEOUT_MS} (or is
 *   no Chromium), or fails to print.
 */
export async function printPdf(html: string, browser: string, handout: boolean): Promise<Uint8Array> {
  const { chromium } = await import('playwright-core');
  let instance: Awaited<ReturnType<typeof chromium.launch>> | undefined;
  let endedBy: keyof typeof SIGNAL_STATUS | undefined;
  const onSignal = (signal: keyof typeof SIGNAL_STATUS) => {
    endedBy = signal;
    // A browser still starting is not waited for: playwright kills what it launched on exit.
    void (instance?.close() ?? Promise.resolve()).finally(() => process.exit(SIGNAL_STATUS[signal]));
  };
  const signals = Object.keys(SIGNAL_STATUS) as (keyof typeof SIGNAL_STATUS)[];
  for (const signal of signals) process.on(signal, onSignal);
  try {
    try {
      instance = await chromium.launch({
        executablePath: browser,
        headless: true,
        timeout: LAUNCH_TIMEOUT_MS,
        handleSIGINT: false,
        handleSIGTERM: false,
        handleSIGHUP: false,
      });
    } catch (error) {
      throw new CommandError(`cannot start ${browser} as a headless Chromium: ${reasonOf(error)}`);
    }
    try {
      const page = await instance.newPage();
      // Nothing is fetched: the page is self-contained, and anything else is refused.
      await page.route(/^(?!data:|about:)/, (route) => route.abort());
      await page.setContent(html, { waitUntil: 'load' });
      // A string, run in the page: this module is compiled without the DOM's types.
      if (handout) await page.evaluate("document.body.classList.add('handout')");
      return await page.pdf({ preferCSSPageSize: true, printBackground: true });
    } catch (error) {
      // Closed under it by a signal: the handler ends the process with its status.
      if (endedBy !== undefined) return await new Promise<never>(() => undefined);
      throw new CommandError(`the browser ${browser} failed to print: ${reasonOf(error)}`);
    }
  } finally {
    for (const signal of signals) process.off(signal, onSignal);
    await instance?.close();
  }
}
