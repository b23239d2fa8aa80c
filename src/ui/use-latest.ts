import { useState } from 'react';

/**
 * A ref that always holds the latest `value`, for callbacks that outlive a render (a file
 * watcher's, or a key handler kept the same so Ink does not subscribe again on every frame).
 */
export function useLatest<T>(value: T): { readonly current: T } {
  const [ref] = useState(() => ({ current: value }));
  ref.current = value;
  return ref;
}
