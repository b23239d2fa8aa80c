import { existsSync } from 'node:fs';
import path from 'node:path';
import { Argument, Command, CommanderError, InvalidArgumentError, Option } from 'commander';
import type { CheckCommandOptions } from './commands/check.js';
import type { ExportCommandOptions } from './commands/export.js';
import { DEFAULT_FRAME_SECONDS } from './export/frame-seconds.js';
import { CommandError, UsageError } from './commands/usage-error.js';
import { DeckError } from './deck/deck-error.js';
import { escapeControls } from './deck/sanitize.js';
import { describeCrash } from './launch/describe-crash.js';
import { packageVersion } from './launch/package-version.js';
import { withoutFetch } from './patches/yoga-without-fetch.js';
import { restoreTerminal } from './terminal/screen.js';
import { closest, notOneOf } from './text/closest.js';
import { describeFsError } from './text/describe-fs-error.js';
import { COMPLETION_SHELLS, completionScript, type CompletionShell } from './commands/completion.js';
import { THEME_CHOICES, type ThemeChoice } from './deck/themes.js';

/**
 * Imports a command's modules (`await import(…)`, one chunk of the bundle each, so a command
 * loads only what it uses) with `fetch` hidden, as yoga-layout's loader needs to decode its
 * WebAssembly without loading undici (see withoutFetch). INKDECK_WITH_FETCH=1 leaves fetch alone,
 * for the test that compares both ways.
 */
function lazily<T>(load: () => Promise<T>): Promise<T> {
  return process.env.INKDECK_WITH_FETCH === '1' ? load() : withoutFetch(load);
}

/** Where the user's key file is looked for, as help says it (see userKeyFile). */
const KEY_FILE_HINT = '$XDG_CONFIG_HOME/inkdeck/keys.yaml or ~/.config/inkdeck/keys.yaml';

/** The deck `inkdeck` and `inkdeck present` show when given none, in the current directory. */
const DEFAULT_DECK = 'slides.yaml';

/** Exit statuses: 1 for a deck that cannot be loaded or a crash, 2 for a usage error. */
const EXIT_ERROR = 1;
const EXIT_USAGE = 2;

/** Largest terminal size `render` and `check` lay out for, in columns and rows each. */
const MAX_SIZE = 1000;

function positiveInteger(value: string): number {
  const number = Number(value);
  if (!/^\d+$/.test(value) || number < 1) throw new InvalidArgumentError('expected a whole number of at least 1');
  return number;
}

function terminalSize(value: string): number {
  const number = positiveInteger(value);
  if (number > MAX_SIZE) throw new InvalidArgumentError(`expected at most ${MAX_SIZE}`);
  return number;
}

/** Seconds, any number written as JavaScript reads it (`2`, `0.5`, `.5`, `1e-3`), at least a millisecond. */
function positiveSeconds(value: string): number {
  const number = Number(value);
  if (value.trim() === '' || !Number.isFinite(number) || number < 0.001)
    throw new InvalidArgumentError('expected a number of seconds, at least 0.001, like 2 or 0.5');
  return number;
}

/**
 * A file name as given, refused when empty (`''` would name no file, or the current directory)
 * or ending in `/`, which names a directory whether or not it exists.
 */
function fileName(value: string): string {
  if (value === '') throw new InvalidArgumentError('expected a file name, not an empty one');
  if (value.endsWith('/')) throw new InvalidArgumentError('expected a file name, not a directory (it ends in /)');
  return value;
}

/** A session name: any text but an empty or blank one, which would join every unnamed `--session`. */
function sessionName(value: string): string {
  if (value.trim() === '') throw new InvalidArgumentError('expected a name, not an empty one');
  return value;
}

/** `--theme NAME`, one of THEME_CHOICES; any other is a usage error naming the one meant. */
function themeOption(description: string): Option {
  return new Option('--theme <name>', `${description}: ${THEME_CHOICES.join(', ')}`).argParser((value: string) => {
    if ((THEME_CHOICES as readonly string[]).includes(value)) return value as ThemeChoice;
    throw new InvalidArgumentError(notOneOf(value, THEME_CHOICES, 'a theme'));
  });
}

function buildProgram(): Command {
  const program = new Command('inkdeck')
    .description('Present a slide deck written in YAML, full-screen in the terminal.')
    .version(packageVersion(import.meta.url))
    .option('--debug', 'print stack traces of internal errors')
    .exitOverride()
    // Commander quotes the arguments it rejects, which the user (or a glob) may have filled with
    // escape sequences: show them escaped, on one line.
    .configureOutput({
      outputError: (text, write) =>
        write(
          `inkdeck: ${text
            .replace(/^error: /, '')
            .trim()
            .split('\n')
            .map(escapeControls)
            .join(' ')}\n`,
        ),
    });

  program
    .command('present', { isDefault: true })
    .description('show the deck full-screen with keyboard navigation (q quits, ? lists the keys)')
    .argument('[file]', 'deck to present', fileName, DEFAULT_DECK)
    .option('--presenter', 'show the presenter view: notes, timer, next slide')
    .option('--session <name>', 'sync with the views of this session (default: the deck file)', sessionName)
    .option('--no-sync', 'do not sync with other views')
    .option('--no-watch', 'do not reload the deck when the file is saved')
    .addOption(themeOption("colours to present in, over the deck's theme: (auto: light or dark, as the terminal is)"))
    .option('--keys <file>', `key bindings to use (default: ${KEY_FILE_HINT}, when there is one)`, fileName)
    .option('--from-start', 'start at the first slide, not where this deck was last presented here')
    .option('--rehearse', 'record the time spent on each slide into the timings file beside the deck (see: inkdeck timings)')
    .action(
      async (
        file: string,
        options: {
          presenter?: boolean;
          session?: string;
          sync: boolean;
          watch: boolean;
          theme?: ThemeChoice;
          keys?: string;
          fromStart?: boolean;
          rehearse?: boolean;
        },
      ) => {
        const { present } = await lazily(() => import('./commands/present.js'));
        process.exitCode = await present(file, {
          presenter: options.presenter === true,
          session: options.session,
          sync: options.sync,
          watch: options.watch,
          theme: options.theme,
          keys: options.keys,
          fromStart: options.fromStart === true,
          rehearse: options.rehearse === true,
        });
      },
    );

  program
    .command('keys')
    .description('print the key bindings in effect, or what is wrong with the key file')
    .option('--keys <file>', `key file to read (default: ${KEY_FILE_HINT}, when there is one)`, fileName)
    .addOption(new Option('--format <format>', 'output format').choices(['text', 'markdown']).default('text'))
    .action(async (options: { keys?: string; format: 'text' | 'markdown' }) => {
      const [{ loadKeys }, { keyTableMarkdown, keyTableText }] = await Promise.all([
        import('./keys/key-file.js'),
        import('./keys/key-table.js'),
      ]);
      const loaded = loadKeys(options.keys);
      if (loaded.problems !== undefined) throw new DeckError(loaded.problems);
      process.stdout.write(options.format === 'markdown' ? `${keyTableMarkdown(loaded.keyMap)}\n` : keyTableText(loaded.keyMap));
    });

  program
    .command('render')
    .description('print the frame the app shows for one slide, as plain text')
    .argument('<file>', 'deck to render (- reads standard input)', fileName)
    // Checked in the action rather than as a required option, which commander checks before the
    // arguments: `inkdeck render` must say the file is missing first.
    .option('--slide <n>', 'slide number, 1-based as in the footer (required)', positiveInteger)
    .option('--columns <n>', `terminal width to lay out for (at most ${MAX_SIZE})`, terminalSize, 80)
    .option('--rows <n>', `terminal height to lay out for (at most ${MAX_SIZE})`, terminalSize, 24)
    .option('--step <n>', 'step of a reveal slide, 1-based', positiveInteger, 1)
    .option('--notes', 'show the speaker-notes pane', false)
    .option('--color', 'print the frame with its colours and styles (ANSI SGR), as the app draws it', false)
    .option('--presenter', "print the presenter view's frame (notes, next slide, status row; timer at 0:00)", false)
    .addOption(themeOption("the theme to draw in, over the deck's theme: (auto is dark here)"))
    .action(
      async (
        file: string,
        options: {
          slide?: number;
          step: number;
          columns: number;
          rows: number;
          notes: boolean;
          color: boolean;
          presenter: boolean;
          theme?: ThemeChoice;
        },
      ) => {
        const { slide } = options;
        if (slide === undefined) throw new UsageError('render needs the slide to print: --slide N (1-based, as in the footer)');
        const { renderCommand } = await lazily(() => import('./commands/render.js'));
        process.stdout.write(await renderCommand(file, { ...options, slide }));
        await sayTooSmall(options.columns, options.rows);
      },
    );

  program
    .command('check')
    .description('report every error and layout warning in a deck, as FILE:LINE:COL: error|warning: message')
    .argument('<file>', 'deck to check (- reads standard input)', fileName)
    .option('--columns <n>', `terminal width to check layout for (at most ${MAX_SIZE})`, terminalSize, 80)
    .option('--rows <n>', `terminal height to check layout for (at most ${MAX_SIZE})`, terminalSize, 24)
    .option('--notes', 'check layout with the speaker-notes pane shown', false)
    .addOption(new Option('--format <format>', 'output format').choices(['text', 'json']).default('text'))
    .option('--strict', 'exit 1 on warnings too', false)
    .option('--source <file>', 'text the talk condenses: every quotation in the deck must be in it word for word', fileName)
    .action(async (file: string, options: CheckCommandOptions) => {
      const { checkCommand } = await lazily(() => import('./commands/check.js'));
      const { output, status } = await checkCommand(file, options);
      process.stdout.write(output);
      process.exitCode = status;
    });

  program
    .command('timings')
    .description('print where the time went in the rehearsals of a deck (present --rehearse), and set slide durations from them')
    .argument('<file>', 'deck whose rehearsals to show (its timings file is beside it: talk.yaml, talk.timings.json)', fileName)
    .addOption(new Option('--format <format>', 'output format').choices(['text', 'json']).default('text'))
    .option('--apply', "write each slide's median time into the deck as its duration:, changing nothing else", false)
    .action(async (file: string, options: { format: 'text' | 'json'; apply: boolean }) => {
      const columns = process.stdout.isTTY ? process.stdout.columns : 80;
      const { timingsCommand } = await lazily(() => import('./commands/timings.js'));
      const { output, notes } = await timingsCommand(file, { ...options, columns });
      process.stdout.write(output);
      process.stderr.write(notes);
    });

  program
    .command('export')
    .description(
      'export every frame as text (txt), a Markdown handout (md), an asciicast recording (cast), a self-contained HTML deck (html) or a PDF (pdf)',
    )
    .argument('<file>', 'deck to export (- reads standard input)', fileName)
    .addOption(new Option('--format <format>', 'what to export').choices(['txt', 'md', 'cast', 'html', 'pdf']).default('txt'))
    .option('--columns <n>', `terminal width to lay out for (at most ${MAX_SIZE})`, terminalSize, 80)
    .option('--rows <n>', `terminal height to lay out for (at most ${MAX_SIZE})`, terminalSize, 24)
    .option('--notes', 'show the speaker-notes pane in the frames', false)
    .addOption(themeOption("the theme of a cast recording, over the deck's theme: (auto is dark here)"))
    .option('--frame-seconds <n>', 'seconds per frame in a cast recording (--format cast)', positiveSeconds, DEFAULT_FRAME_SECONDS)
    .option('-o, --output <path>', 'write to this file instead of stdout', fileName)
    .option('--force', 'overwrite the output file if it exists', false)
    .option('--handout', 'one page per slide with its speaker notes under it, printed (--format pdf or html)', false)
    .option('--browser <path>', 'the Chromium to print a PDF with (default: CHROME_PATH, else chromium or google-chrome on PATH)', fileName)
    .action(async (file: string, options: ExportCommandOptions, command: Command) => {
      // An option that would change nothing is a mistake worth saying, not ignoring.
      if (options.format !== 'cast' && command.getOptionValueSource('frameSeconds') === 'cli') {
        throw new UsageError(`--frame-seconds applies to --format cast only, not ${options.format}`);
      }
      if (options.handout === true && options.format !== 'pdf' && options.format !== 'html')
        throw new UsageError(`--handout applies to --format pdf and html only, not ${options.format}`);
      if (options.browser !== undefined && options.format !== 'pdf')
        throw new UsageError(`--browser applies to --format pdf only, not ${options.format}`);
      if (options.format === 'md') {
        const sized = ['columns', 'rows', 'theme'].filter((name) => command.getOptionValueSource(name) === 'cli');
        if (sized.length > 0)
          throw new UsageError(`--${sized[0]} applies to the frames of txt, cast, html and pdf; the md handout has none`);
      }
      if (options.notes && (options.format === 'pdf' || options.format === 'html'))
        throw new UsageError(
          `--notes applies to the frames of txt and cast; the ${options.format} deck has the notes under each slide (n, or --handout)`,
        );
      // Frames of a "too small" notice are no export: refused before anything is written. The
      // Markdown handout does not depend on the size.
      const { tooSmallToDraw } = await lazily(() => import('./layout/frame-layout.js'));
      const tooSmall = options.format === 'md' ? undefined : tooSmallToDraw(options.columns, options.rows);
      if (tooSmall !== undefined) throw new CommandError(tooSmall);
      const { exportCommand } = await lazily(() => import('./commands/export.js'));
      process.stdout.write(await exportCommand(file, options));
    });

  program
    .command('completion')
    .description('print a completion script for bash, zsh or fish')
    .addArgument(new Argument('<shell>', 'the shell to complete in').choices(COMPLETION_SHELLS))
    .action((shell: CompletionShell) => {
      process.stdout.write(completionScript(program, shell, 'present'));
    });

  program
    .command('schema')
    .description('print the JSON Schema of a deck (slides.schema.json) or of a key file, for editors')
    .addArgument(new Argument('[kind]', 'what the schema is of').choices(['deck', 'keys']).default('deck'))
    .action(async (kind: 'deck' | 'keys') => {
      const schema =
        kind === 'keys'
          ? (await import('./keys/key-file.js')).keyFileJsonSchema()
          : (await import('./deck/json-schema.js')).deckJsonSchema();
      process.stdout.write(`${JSON.stringify(schema, null, 2)}\n`);
    });

  return program;
}

/**
 * After `render` printed a frame for a size too small to draw a slide in: says so on stderr,
 * and the exit status is 1. The frame is printed all the same (it is what the app shows there);
 * a snapshot test must not take it for a slide.
 */
async function sayTooSmall(columns: number, rows: number): Promise<void> {
  const { tooSmallToDraw } = await lazily(() => import('./layout/frame-layout.js'));
  const tooSmall = tooSmallToDraw(columns, rows);
  if (tooSmall === undefined) return;
  process.stderr.write(`inkdeck: ${tooSmall}\n`);
  process.exitCode = EXIT_ERROR;
}

/**
 * Runs the CLI on `argv` (as `process.argv`) and returns the exit status: 0, 1 for a deck that
 * cannot be loaded or an internal error, 2 for a usage error. Never throws. Installs the
 * process-wide handlers a program owns (a failing stdout, errors outside any await), then runs
 * {@link runCommandLine}.
 */
export async function main(argv: readonly string[]): Promise<number> {
  // A reader that stops early (`inkdeck render … | head`) is not an error of ours; any other
  // failure to write (a full disk, `> /dev/full`) leaves the output cut short, so say so.
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    // The status stays the command's: `inkdeck check deck.yaml | head` must still fail a CI step
    // on a deck with errors (the status is set before the write's error arrives).
    if (error.code === 'EPIPE') process.exit(typeof process.exitCode === 'number' ? process.exitCode : 0);
    process.stderr.write(`inkdeck: cannot write the output: ${escapeControls(describeFsError(error))}\n`);
    process.exit(EXIT_ERROR);
  });
  const isDebug = argv.includes('--debug');
  // Errors outside any await of ours (a timer, a stream) still end in one line and status 1;
  // exiting runs the exit handlers, which hand the terminal back (see enterFullScreen).
  const crash = (error: unknown) => {
    restoreTerminal();
    process.stderr.write(`${describeCrash(error, isDebug)}\n`);
    process.exit(EXIT_ERROR);
  };
  process.on('uncaughtException', crash);
  process.on('unhandledRejection', crash);
  return runCommandLine(argv);
}

/**
 * Runs the command line on `argv` (as `process.argv`), writing to process.stdout and
 * process.stderr, and returns the exit status as {@link main} does, without installing any
 * process-wide handler: what tests call to run a command in-process. Never throws.
 */
export async function runCommandLine(argv: readonly string[]): Promise<number> {
  const program = buildProgram();
  const isDebug = argv.includes('--debug');
  try {
    rejectMistypedCommand(
      argv,
      program.commands.map((command) => command.name()),
    );
    // `inkdeck` alone presents ./slides.yaml; where there is none, the newcomer needs the usage,
    // not a read error about a file they never named.
    if (argv.length <= 2 && !existsSync(DEFAULT_DECK)) {
      process.stderr.write(
        `${program.helpInformation()}\ninkdeck: no ${DEFAULT_DECK} here; name a deck to present: inkdeck present FILE\n`,
      );
      return EXIT_USAGE;
    }
    await program.parseAsync(argv);
    return typeof process.exitCode === 'number' ? process.exitCode : 0;
  } catch (error) {
    if (error instanceof CommanderError) return error.exitCode === 0 ? 0 : EXIT_USAGE;
    if (error instanceof DeckError) {
      // Each diagnostic is formatted with its control characters escaped already.
      process.stderr.write(`${error.message}\n`);
      return EXIT_ERROR;
    }
    if (error instanceof UsageError) {
      process.stderr.write(`inkdeck: ${escapeControls(error.message)}\n`);
      return EXIT_USAGE;
    }
    if (error instanceof CommandError) {
      process.stderr.write(`inkdeck: ${escapeControls(error.message)}\n`);
      return EXIT_ERROR;
    }
    process.stderr.write(`${describeCrash(error, isDebug)}\n`);
    return EXIT_ERROR;
  }
}

/**
 * `inkdeck chek slides.yaml` would otherwise be taken as presenting a file named `chek` and
 * fail on the second argument; name the command it most likely meant instead.
 *
 * @throws {UsageError} When the first argument is no file, has no extension, and is close to a command.
 */
function rejectMistypedCommand(argv: readonly string[], commands: readonly string[]): void {
  const first = argv[2];
  if (first === undefined || first.startsWith('-') || commands.includes(first) || path.extname(first) !== '' || existsSync(first)) return;
  const command = closest(first, commands);
  if (command !== undefined) throw new UsageError(`unknown command "${first}"; did you mean "${command}"?`);
}
