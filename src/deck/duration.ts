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
