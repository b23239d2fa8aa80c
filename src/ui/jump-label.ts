/**
 * What a typed slide number says in the footer and the presenter's status row: `go to 12▏`, or,
 * for a number with no slide, where Enter will land instead (`go to 99 → 18▏`, `go to 0 → 1▏`),
 * since a jump is clamped to the deck.
 *
 * @param digits - The digits typed so far; not empty.
 * @param slideCount - Slides in the deck, at least 1.
 */
export function jumpLabel(digits: string, slideCount: number): string {
  const number = Number(digits);
  const landing = Math.min(Math.max(number, 1), slideCount);
  return landing === number ? `go to ${digits}▏` : `go to ${digits} → ${landing}▏`;
}
