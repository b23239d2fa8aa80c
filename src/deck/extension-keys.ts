/**
 * Top-level keys starting with this are the author's own and are ignored: a place to keep YAML
 * anchors for text shared between slides, as Compose files keep theirs (the Compose
 * specification's "extension fields").
 */
export const EXTENSION_KEY_PREFIX = 'x-';

/** `data` without its top-level extension keys ({@link EXTENSION_KEY_PREFIX}); anything else as it is. */
export function withoutExtensionKeys(data: unknown): unknown {
  if (typeof data !== 'object' || data === null || Array.isArray(data)) return data;
  return Object.fromEntries(Object.entries(data).filter(([key]) => !key.startsWith(EXTENSION_KEY_PREFIX)));
}
