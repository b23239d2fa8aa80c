/**
 * The candidate nearest to `name` by edit distance (Levenshtein), if within 2 edits and fewer
 * than half of `name`'s characters: the "did you mean" of unknown keys and commands. `titel` is
 * `title`, but `base` is not `date`. Case is ignored in `name`.
 */
export function closest(name: string, known: readonly string[]): string | undefined {
  let best: string | undefined;
  let bestDistance = 3;
  for (const candidate of known) {
    const distance = editDistance(name.toLowerCase(), candidate);
    if (distance < bestDistance && distance * 2 < name.length) {
      best = candidate;
      bestDistance = distance;
    }
  }
  return best;
}

function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, index) => index);
  for (let i = 1; i <= a.length; i += 1) {
    const current = [i];
    for (let j = 1; j <= b.length; j += 1) {
      const substitution = (previous[j - 1] ?? 0) + (a[i - 1] === b[j - 1] ? 0 : 1);
      current[j] = Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, substitution);
    }
    previous = current;
  }
  return previous[b.length] ?? 0;
}

/**
 * What to say of `value`, which is none of `values` (each `noun`, like "a theme"): the value
 * meant first when one is close (a live view's banner shows only the start of a message), then
 * the list: `did you mean "light"? "lihgt" is not a theme (dark, light, projector, mono, auto)`.
 */
export function notOneOf(value: string, values: readonly string[], noun: string): string {
  const suggestion = closest(value, values);
  const list = `(${values.join(', ')})`;
  return suggestion === undefined ? `"${value}" is not ${noun} ${list}` : `did you mean "${suggestion}"? "${value}" is not ${noun} ${list}`;
}
