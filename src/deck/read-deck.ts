import { closeSync, constants, openSync, readSync, statSync } from 'node:fs';
import { open, stat } from 'node:fs/promises';
import { setTimeout as sleep } from 'node:timers/promises';
import { DeckError, type Diagnostic } from './deck-error.js';
import { describeFsError } from '../text/describe-fs-error.js';

/** Files larger than this are refused before parsing, in bytes (5 MiB). */
export const MAX_DECK_BYTES = 5 * 1024 * 1024;

/** The file name that means standard input, as most command-line tools take it (POSIX utility conventions). */
export const STDIN_FILE = '-';

/** How messages name a deck read from standard input (`<stdin>:3:5: …`). */
export const STDIN_NAME = '<stdin>';

/** The name messages give the deck at `file`: `<stdin>` for `-`, else `file` itself. */
export function deckName(file: string): string {
  return file === STDIN_FILE ? STDIN_NAME : file;
}

/**
 * Reads a deck file as text, `-` meaning standard input (named `<stdin>` in messages). A regular
 * file over {@link MAX_DECK_BYTES} is refused before it is read; anything else (a device, a
 * pipe, process substitution) is read up to that limit and refused past it, so `/dev/zero`
 * cannot fill the memory.
 *
 * @throws {DeckError} When the file cannot be read, is too large, or is not UTF-8.
 */
export function readDeckText(file: string): Promise<string> {
  return runAsync(readDeck(file, ASYNC_FILES));
}

/**
 * {@link readDeckText}, synchronously, for the public API and tests.
 *
 * @throws {DeckError} As {@link readDeckText}.
 */
export function readDeckTextSync(file: string): string {
  return runSync(readDeck(file, SYNC_FILES));
}

/** `bytes` as mebibytes with one decimal, as messages give sizes: `5.0 MiB`. */
export function formatMiB(bytes: number): string {
  return `${(bytes / (1024 * 1024)).toFixed(1)} MiB`;
}

/** A diagnostic about the file as a whole (line and column 0: it has no place in the text). */
export function fileDiagnostic(file: string, message: string): Diagnostic {
  return { file, line: 0, column: 0, path: '', message };
}

/** A value, or the promise of one: what a file-system call gives in its sync or async flavour. */
type Awaitable<T> = T | Promise<T>;

/** One input's bytes, a chunk at a time. */
interface Chunks {
  /** The next chunk, or `undefined` at the end. */
  next(): Awaitable<Buffer | undefined>;
  close(): Awaitable<void>;
}

/**
 * The file-system calls reading a deck needs. {@link SYNC_FILES} answers them at once,
 * {@link ASYNC_FILES} with promises; {@link readDeck} is written once for both.
 */
interface DeckFiles {
  /** Size of `file` in bytes, as `stat` gives it (0 for a pipe or a device), and whether it is a FIFO. */
  kind(file: string): Awaitable<{ readonly size: number; readonly isFifo: boolean }>;
  open(file: string): Awaitable<Chunks>;
  /** Opens a FIFO without waiting for a writer, and reads it within FIFO_WAIT_MS (readFifoChunk). */
  openFifo(file: string): Chunks;
  standardInput(): Chunks;
}

/**
 * The one way a deck is read, as steps that each yield a file-system call's result, sync or
 * async, for {@link runSync} or {@link runAsync} to hand back.
 */
function* readDeck(file: string, files: DeckFiles): Generator<unknown, string, unknown> {
  const name = deckName(file);
  try {
    if (file === STDIN_FILE) return decodeUtf8(yield* collect(files.standardInput(), name), name);
    const { size, isFifo } = yield* result(files.kind(file));
    refuseLargeFile(name, size);
    // A named pipe with no writer would block the open, and the read, for ever.
    if (isFifo) return decodeUtf8(yield* collect(files.openFifo(file), name), name);
    return decodeUtf8(yield* collect(yield* result(files.open(file)), name), name);
  } catch (error) {
    if (error instanceof DeckError) throw error;
    throw new DeckError([fileDiagnostic(name, `cannot read the file: ${describeFsError(error)}`)]);
  }
}

/** The bytes of `chunks` to the end, closing them however reading ends. */
function* collect(chunks: Chunks, file: string): Generator<unknown, Buffer, unknown> {
  try {
    const bytes = new DeckBytes(file);
    for (let chunk; (chunk = yield* result(chunks.next())) !== undefined;) bytes.add(chunk);
    return bytes.bytes;
  } finally {
    yield* result(chunks.close());
  }
}

/** What `value` comes to, once the runner has waited for it if it is a promise. */
function* result<T>(value: Awaitable<T>): Generator<unknown, T, unknown> {
  return (yield value) as T;
}

function runSync<T>(steps: Generator<unknown, T, unknown>): T {
  for (let step = steps.next(); ;) {
    if (step.done === true) return step.value;
    step = steps.next(step.value);
  }
}

async function runAsync<T>(steps: Generator<unknown, T, unknown>): Promise<T> {
  for (let step = steps.next(); ;) {
    if (step.done === true) return step.value;
    let value: unknown;
    try {
      value = await step.value;
    } catch (error) {
      // The failure goes back into the steps, so their `catch` and `finally` run as in sync code.
      step = steps.throw(error);
      continue;
    }
    step = steps.next(value);
  }
}

/** Refuses `file` when its size, as `stat` gives it, is over {@link MAX_DECK_BYTES}. */
function refuseLargeFile(file: string, size: number): void {
  if (size > MAX_DECK_BYTES) {
    throw new DeckError([fileDiagnostic(file, `the file is ${formatMiB(size)}; decks are limited to ${formatMiB(MAX_DECK_BYTES)}`)]);
  }
}

/** Bytes read at a time, in bytes: far more than a deck file holds. */
const READ_CHUNK_BYTES = 256 * 1024;

/** Standard input's file descriptor (POSIX). */
const STDIN_DESCRIPTOR = 0;

/** `file`'s size and whether it is a FIFO (a named pipe, or a pipe such as bash's `<(…)`), as `stat` gives them. */
function kindOf(stats: { readonly size: number; isFIFO(): boolean }) {
  return { size: stats.size, isFifo: stats.isFIFO() };
}

/**
 * How long a FIFO may give nothing before the read gives up, in milliseconds: a writer that has
 * opened it (bash's `<(…)`) sends the deck at once; a writer that never comes must not hang
 * `check` or `render` for ever.
 */
export const FIFO_WAIT_MS = 5000;

/** How long a FIFO with no writer is given for one to open it, in milliseconds. */
const FIFO_WRITER_MS = 200;

/** How often a FIFO with nothing to read yet is read again, in milliseconds. */
const FIFO_POLL_MS = 10;

/**
 * A FIFO's chunks, read without blocking: opened O_NONBLOCK, so the open returns at once even
 * with no writer; a read with nothing yet (EAGAIN) is tried again every FIFO_POLL_MS, through
 * the flavour's `pause`, for up to FIFO_WAIT_MS since the last bytes. With no writer, a read
 * gives the end at once: after FIFO_WRITER_MS of that, it is said, rather than read as an empty
 * deck.
 */
function fifoChunks(file: string, { pause, run }: Flavour): Chunks {
  const descriptor = openSync(file, constants.O_RDONLY | constants.O_NONBLOCK);
  let hasData = false;
  function* next(): Generator<unknown, Buffer | undefined, unknown> {
    const buffer = Buffer.allocUnsafe(READ_CHUNK_BYTES);
    for (let waited = 0; ; waited += FIFO_POLL_MS) {
      let count: number | undefined;
      try {
        count = readSync(descriptor, buffer, 0, buffer.length, null);
      } catch (error) {
        // Nothing to read yet, with a writer there: wait.
        if ((error as NodeJS.ErrnoException).code !== 'EAGAIN') throw error;
      }
      if (count !== undefined && count > 0) {
        hasData = true;
        return filled(buffer, count);
      }
      // The end: after the deck, its end; before any byte, no writer (yet: one that opened a
      // moment after this did is waited for a little).
      if (count === 0 && hasData) return undefined;
      if (count === 0 && waited >= FIFO_WRITER_MS)
        throw new DeckError([
          fileDiagnostic(file, 'it is a FIFO (a named pipe) and nothing is writing to it; start the writer first, or give a file'),
        ]);
      if (waited >= FIFO_WAIT_MS)
        throw new DeckError([fileDiagnostic(file, `it is a FIFO (a named pipe) and nothing came through it in ${FIFO_WAIT_MS / 1000} s`)]);
      yield pause(FIFO_POLL_MS);
    }
  }
  return { next: () => run(next()), close: () => closeSync(descriptor) };
}

/** How a reader waits, and runs its steps: at once (sync) or with promises (async). */
interface Flavour {
  pause(milliseconds: number): Awaitable<void>;
  run<T>(steps: Generator<unknown, T, unknown>): Awaitable<T>;
}

/** Waits `milliseconds` without returning to the event loop: the sync reader's pause. */
function pauseSync(milliseconds: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, milliseconds);
}

const SYNC_FILES: DeckFiles = {
  kind: (file) => kindOf(statSync(file)),
  openFifo: (file) => fifoChunks(file, { pause: pauseSync, run: runSync }),
  open: (file) => {
    const descriptor = openSync(file, 'r');
    return { next: () => readChunk((buffer) => readSync(descriptor, buffer, 0, buffer.length, null)), close: () => closeSync(descriptor) };
  },
  // Descriptor 0 rather than /dev/stdin, which fails (ENXIO) when standard input is a socket, as
  // a parent's pipe from Node's child_process is. It is left open: it is not the loader's.
  standardInput: () => ({ next: () => readChunk(readStandardInputWaiting), close: () => undefined }),
};

const ASYNC_FILES: DeckFiles = {
  kind: async (file) => kindOf(await stat(file)),
  openFifo: (file) => fifoChunks(file, { pause: (milliseconds) => sleep(milliseconds), run: runAsync }),
  open: async (file) => {
    const handle = await open(file, 'r');
    return {
      next: async () => {
        const buffer = Buffer.allocUnsafe(READ_CHUNK_BYTES);
        return filled(buffer, (await handle.read(buffer, 0, buffer.length, null)).bytesRead);
      },
      close: () => handle.close(),
    };
  },
  // The stream rather than /dev/stdin, for the reason above. Stopping early (past the limit)
  // destroys the stream, as leaving a `for await` loop over it does.
  standardInput: () => {
    const stream = (process.stdin as AsyncIterable<Buffer>)[Symbol.asyncIterator]();
    return {
      next: async () => {
        const step = await stream.next();
        return step.done === true ? undefined : step.value;
      },
      close: async () => void (await stream.return?.()),
    };
  },
};

/** The next chunk `read` gives into a fresh buffer, or `undefined` at the end. */
function readChunk(read: (buffer: Buffer) => number): Buffer | undefined {
  const buffer = Buffer.allocUnsafe(READ_CHUNK_BYTES);
  return filled(buffer, read(buffer));
}

/** The first `count` bytes of `buffer`, or `undefined` when a read gave none (the end). */
function filled(buffer: Buffer, count: number): Buffer | undefined {
  return count > 0 ? buffer.subarray(0, count) : undefined;
}

/** Reads standard input into `buffer`; a non-blocking descriptor with nothing yet to read is waited on. */
function readStandardInputWaiting(buffer: Buffer): number {
  for (;;) {
    try {
      return readSync(STDIN_DESCRIPTOR, buffer, 0, buffer.length, null);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EAGAIN') throw error;
      pauseSync(FIFO_POLL_MS);
    }
  }
}

/** The bytes read from a deck file so far, refused past {@link MAX_DECK_BYTES}. */
class DeckBytes {
  private readonly chunks: Buffer[] = [];
  private total = 0;

  constructor(private readonly file: string) {}

  /**
   * Keeps `chunk`.
   *
   * @throws {DeckError} When the bytes kept pass the limit.
   */
  add(chunk: Buffer): void {
    this.total += chunk.length;
    if (this.total > MAX_DECK_BYTES)
      throw new DeckError([fileDiagnostic(this.file, `it holds more than ${formatMiB(MAX_DECK_BYTES)}; decks are limited to that`)]);
    this.chunks.push(chunk);
  }

  get bytes(): Buffer {
    return Buffer.concat(this.chunks, this.total);
  }
}

/**
 * Decodes a deck's bytes as UTF-8 (YAML 1.2 §5.2; other encodings would show as `�`).
 *
 * @throws {DeckError} At the first byte that is not UTF-8.
 */
function decodeUtf8(bytes: Buffer, file: string): string {
  // A UTF-16 byte order mark (Windows editors' "Unicode"): say which encoding it is.
  const utf16 = bytes[0] === 0xff && bytes[1] === 0xfe ? 'UTF-16 LE' : bytes[0] === 0xfe && bytes[1] === 0xff ? 'UTF-16 BE' : undefined;
  if (utf16 !== undefined)
    throw new DeckError([{ file, line: 1, column: 1, path: '', message: `the file is ${utf16} text; save it as UTF-8` }]);
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    const text = bytes.toString('utf8');
    const offset = Math.max(0, text.indexOf('\uFFFD'));
    const before = text.slice(0, offset).split('\n');
    throw new DeckError([
      {
        file,
        line: before.length,
        column: (before[before.length - 1]?.length ?? 0) + 1,
        path: '',
        message: 'the file is not UTF-8 text; save it as UTF-8',
      },
    ]);
  }
}
