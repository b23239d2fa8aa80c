/**
 * Parses a duration written as `15m`, `1h30m`, `90s` or `1h2m3s`.
 *
 * @returns Milliseconds, or `undefined` when the text is not such a duration or is zero.
 */
export function parseDuration(text: string): number | undefined {
  const match = /^(?:(\d+)h)?(?:(\d+)m)?(?:(\d+)s)?$/.exec(text.trim());
  if (match === null) return undefined;
  const [, hours = '0', minutes = '0', seconds = '0'] = match;
  const ms = ((Number(hours) * 60 + Number(minutes)) * 60 + Number(seconds)) * 1000;
  return ms > 0 ? ms : undefined;
}

/**
 * Writes `ms` as a duration {@link parseDuration} reads back (`45s`, `1m30s`, `1h2m`), rounded to
 * the nearest second and at least `1s`, since a duration of zero is not one.
 */
export function formatDuration(ms: number): string {
  const total = Math.max(1, Math.round(ms / 1000));
  const hours = Math.floor(total / 3600);
  const minutes = Math.floor((total % 3600) / 60);
  const seconds = total % 60;
  return `${hours > 0 ? `${hours}h` : ''}${minutes > 0 ? `${minutes}m` : ''}${seconds > 0 ? `${seconds}s` : ''}`;
}
