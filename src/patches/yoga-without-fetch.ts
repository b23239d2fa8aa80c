/**
 * Loading Yoga's WebAssembly without `fetch`.
 *
 * yoga-layout 3.2 ships its WebAssembly as a base64 `data:` URL, and Emscripten's loader fetches
 * that URL whenever `typeof fetch === 'function'`, as it is in Node 22 and 24. That loads Node's
 * undici and decodes the URL through it. Where `fetch` is not a function, the same loader decodes
 * the base64 text itself (its `wa()` path), with the same bytes. So the binary hides `fetch` while
 * it imports the app (whose yoga-layout awaits its WebAssembly at the top level), then puts the
 * very same property back, Node's lazy getter included, so nothing later sees a difference.
 *
 * Measured on the 2-core development machine, Node 24.21, `inkdeck render slides.yaml --slide 1`,
 * three rounds of 10 runs each, interleaved: 332-347 ms with fetch, 294-306 ms without (about
 * 40 ms, 12%). tests/patches.e2e.test.ts fails when the pinned yoga-layout no longer takes this path
 * and checks that a frame is the same either way.
 */

/** The condition in yoga-layout's Emscripten loader that this relies on, as it is minified. */
export const YOGA_FETCH_CHECK = '"function"!=typeof fetch';

/**
 * Runs `load` with `globalThis.fetch` undefined, and restores the property exactly as it was
 * (value or getter, enumerability) when the promise settles, whether it resolves or rejects.
 */
export async function withoutFetch<T>(load: () => Promise<T>): Promise<T> {
  const descriptor = Object.getOwnPropertyDescriptor(globalThis, 'fetch');
  Object.defineProperty(globalThis, 'fetch', { value: undefined, configurable: true, writable: true });
  try {
    return await load();
  } finally {
    if (descriptor === undefined) Reflect.deleteProperty(globalThis, 'fetch');
    else Object.defineProperty(globalThis, 'fetch', descriptor);
  }
}
