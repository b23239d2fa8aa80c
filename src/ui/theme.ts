/** Colours of the audience view. Chalk drops them under NO_COLOR, leaving bold/dim structure. */
export const theme = {
  title: 'cyan',
  accent: 'cyan',
  bullet: 'cyan',
  progress: 'cyan',
  /** Code spans (`` `code` `` in the deck's text). */
  code: 'yellow',
} as const;
