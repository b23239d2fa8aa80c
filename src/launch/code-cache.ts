import { createHash } from 'node:crypto';
import { readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import vm from 'node:vm';

/**
 * Running the bundled binary with V8's code cache: the bytecode of the functions a run of the app
 * compiled, kept so that the next start neither parses the 0.8 MB bundle nor compiles those
 * functions again (issue #7). Node 22 does this itself (`module.enableCompileCache`); Node 20,
 * which inkdeck supports, only offers the V8 API underneath (`vm.Script` with `cachedData`, and
 * `script.createCachedData()`, which after a run includes every function compiled so far).
 * See https://v8.dev/blog/code-caching-for-devs.
 *
 * The build (scripts/bundle.mjs) writes the cache by presenting the deck once in a
 * pseudo-terminal, so the first start on a machine is as fast as the rest. V8 checks that a cache
 * was made by the same V8 version with the same flags and rejects it otherwise, but it checks the
 * source only by its length, and a release build of V8 does not check the cache's own bytes: a
 * damaged cache crashes the process (SIGSEGV, "unreachable code"). So the bundle ends with a
 * build id (a hash of its text), and the cache file begins with the id of the bundle it was made
 * from and the SHA-256 of the rest, both checked before V8 sees it (about 1 ms). A cache that is
 * missing, not a plain file, damaged, made for another build, or rejected by V8 only costs the
 * compile time it would have saved.
 */

/** Length of a build id, in hexadecimal characters. */
const BUILD_ID_LENGTH = 32;

/** Length of the cache file's header: the build id, then the payload's SHA-256 in hexadecimal. */
export const CACHE_HEADER_LENGTH = BUILD_ID_LENGTH + 64;

/** The comment a bundle ends with, `//# inkdeck-build <id>`; the build appends it. */
const BUILD_ID_PATTERN = new RegExp(`//# inkdeck-build ([0-9a-f]{${BUILD_ID_LENGTH}})\\s*$`);

/** What the bundled app exports (its entry is written by scripts/bundle.mjs). */
export interface Bundle {
  /** Runs the CLI on `argv` (as `process.argv`) and resolves to its exit status. */
  readonly main: (argv: readonly string[]) => Promise<number>;
  /** Settles when yoga's WebAssembly is ready; nothing may be rendered before. */
  readonly yogaReady: Promise<void>;
}

/** A compiled bundle: run it once with `run`; `createCache` gives the bytes of a cache file. */
export interface CompiledBundle {
  /** Whether V8 used the cache: undefined when there was none (or none for this build). */
  readonly cacheRejected: boolean | undefined;
  readonly run: () => Bundle;
  readonly createCache: () => Buffer;
}

/**
 * Compiles the CommonJS bundle at `bundlePath` (absolute), with the code cache at `cachePath`
 * when that file exists and was made for this bundle.
 *
 * @throws When the bundle cannot be read; never for a missing or unusable cache.
 */
export function compileBundle(bundlePath: string, cachePath: string): CompiledBundle {
  const source = readFileSync(bundlePath, 'utf8');
  const buildId = BUILD_ID_PATTERN.exec(source.slice(-200))?.[1];
  const cachedData = buildId === undefined ? undefined : readCache(cachePath, buildId);
  // Node's own CommonJS wrapper, so the bundle sees the names a module sees.
  const script = new vm.Script(`(function (exports, require, module, __filename, __dirname) {${source}\n})`, {
    filename: bundlePath,
    cachedData,
  });
  return {
    cacheRejected: cachedData === undefined ? undefined : script.cachedDataRejected === true,
    run() {
      const module = { exports: {} };
      const wrapper = script.runInThisContext() as (...args: unknown[]) => void;
      wrapper(module.exports, createRequire(bundlePath), module, bundlePath, path.dirname(bundlePath));
      return module.exports as Bundle;
    },
    createCache() {
      const payload = script.createCachedData();
      return Buffer.concat([Buffer.from(`${buildId ?? '0'.repeat(BUILD_ID_LENGTH)}${sha256(payload)}`, 'latin1'), payload]);
    },
  };
}

/**
 * The cache at `cachePath` without its header, or undefined when it is missing, not a plain file
 * (a FIFO would block the read), for another build, or not the bytes its header hashed.
 */
function readCache(cachePath: string, buildId: string): Buffer | undefined {
  let bytes: Buffer;
  try {
    if (!statSync(cachePath).isFile()) return undefined;
    bytes = readFileSync(cachePath);
  } catch {
    return undefined;
  }
  const header = bytes.subarray(0, CACHE_HEADER_LENGTH).toString('latin1');
  const payload = bytes.subarray(CACHE_HEADER_LENGTH);
  return header === `${buildId}${sha256(payload)}` ? payload : undefined;
}

function sha256(bytes: Buffer): string {
  return createHash('sha256').update(bytes).digest('hex');
}
