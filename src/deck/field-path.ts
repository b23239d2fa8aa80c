/** One step of a field path: a mapping key or a list index, as zod gives issue paths. */
export type PathSegment = PropertyKey;

/** Formats a zod path as `sections[1].slides[0].bullets[2]`. */
export function formatPath(path: readonly PathSegment[]): string {
  return path
    .map((segment, index) => (typeof segment === 'number' ? `[${segment}]` : index === 0 ? String(segment) : `.${String(segment)}`))
    .join('');
}
