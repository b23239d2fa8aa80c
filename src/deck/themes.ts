/** The theme names a deck (`theme:`) and the command line (`--theme`) take; see src/ui/theme.ts for the themes. */
export const THEME_NAMES = ['dark', 'light', 'projector', 'mono'] as const;
export type ThemeName = (typeof THEME_NAMES)[number];
/** A theme name, or `auto`: light or dark, as the terminal's background is. */
export const THEME_CHOICES = [...THEME_NAMES, 'auto'] as const;
export type ThemeChoice = (typeof THEME_CHOICES)[number];

/** The theme of frames drawn for `render`, `export` and the API: they depend on no terminal, so `auto` (and no choice) is `dark`. */
export function frameTheme(choice: ThemeChoice | undefined): ThemeName {
  return choice === undefined || choice === 'auto' ? 'dark' : choice;
}
