import { createContext, use } from 'react';
import type { ThemeChoice, ThemeName } from '../deck/themes.js';

export { THEME_CHOICES, THEME_NAMES, type ThemeChoice, type ThemeName } from '../deck/themes.js';

/**
 * Colours of a frame, by role, as `#rrggbb`, each taken from the xterm 256-colour palette (the
 * 6x6x6 cube or the grey ramp), so a terminal of 256 colours shows them close to a true-colour
 * one.
 */
export interface Theme {
  readonly name: ThemeName;
  /** Painted over the whole frame; `undefined` leaves the terminal's own (mono). */
  readonly background?: string;
  /** Text with no colour of its own; `undefined` for the terminal's own. */
  readonly text?: string;
  readonly title?: string;
  readonly accent?: string;
  readonly bullet?: string;
  readonly progress?: string;
  /** Code spans (`` `code` `` in the deck's text). */
  readonly code?: string;
  /** What is said quietly (hints, labels, the rest of the progress bar); `undefined`: dimmed (SGR 2) instead. */
  readonly muted?: string;
  /** Borders of panes and overlays. */
  readonly border?: string;
  /** Pacing in the presenter's status row. */
  readonly ahead?: string;
  readonly behind?: string;
  /** Problems in the deck (the error list's border and header; the banner's background, with `background` as its text). */
  readonly error?: string;
  /** The error list once the deck loads again. */
  readonly ok?: string;
  /** Background of the notice row (`noticeText` on it). */
  readonly notice?: string;
  readonly noticeText?: string;
}

/**
 * The themes. `dark` is the original look on a painted near-black; `light` dark text on white;
 * `projector` the highest contrast, for projectors that wash colours out (every colour at least
 * 7:1, WCAG 2.2 "contrast (enhanced)"); `mono` no colour at all, structure in bold, dim and
 * inverse only (what NO_COLOR selects, no-color.org). tests/themes.test.ts computes each
 * colour's contrast against its background.
 */
export const THEMES: Readonly<Record<ThemeName, Theme>> = {
  dark: {
    name: 'dark',
    background: '#121212',
    text: '#d0d0d0',
    title: '#00d7ff',
    accent: '#00d7ff',
    bullet: '#00d7ff',
    progress: '#00d7ff',
    code: '#ffd75f',
    muted: '#8a8a8a',
    border: '#00afd7',
    ahead: '#5fd75f',
    behind: '#ff875f',
    error: '#ff5f5f',
    ok: '#5fd75f',
    notice: '#ffd700',
    noticeText: '#000000',
  },
  light: {
    name: 'light',
    background: '#ffffff',
    text: '#1c1c1c',
    title: '#005f87',
    accent: '#005f87',
    bullet: '#005f87',
    progress: '#005f87',
    code: '#875f00',
    muted: '#585858',
    border: '#005f87',
    ahead: '#005f00',
    behind: '#af0000',
    error: '#af0000',
    ok: '#005f00',
    notice: '#ffd700',
    noticeText: '#000000',
  },
  projector: {
    name: 'projector',
    background: '#000000',
    text: '#ffffff',
    title: '#ffff00',
    accent: '#00ffff',
    bullet: '#00ffff',
    progress: '#00ffff',
    code: '#ffaf00',
    muted: '#c6c6c6',
    border: '#ffffff',
    ahead: '#00ff00',
    behind: '#ff8787',
    error: '#ff8787',
    ok: '#00ff00',
    notice: '#ffd700',
    noticeText: '#000000',
  },
  mono: { name: 'mono' },
};

/** The theme a frame is drawn in; `dark` outside a provider. */
export const ThemeContext = createContext<Theme>(THEMES.dark);

/** A border said quietly: in the theme's muted colour, or dimmed (SGR 2) where it has none; on the theme's background. */
export function mutedBorder(theme: Theme): { borderColor?: string; borderDimColor?: boolean; borderBackgroundColor?: string } {
  return {
    ...(theme.muted === undefined ? { borderDimColor: true } : { borderColor: theme.muted }),
    borderBackgroundColor: theme.background,
  };
}

/** The theme of the frame being drawn (see {@link ThemeContext}). */
export function useTheme(): Theme {
  return use(ThemeContext);
}

/**
 * The theme to draw in: `choice` (from `--theme`, else the deck's `theme:`, else `dark`), with
 * `auto` as `light` on a light terminal background and `dark` otherwise (`background`, its
 * relative luminance from 0 to 1, or undefined when the terminal did not say), and `mono`
 * wherever colour is off (`NO_COLOR`, no-color.org) unless a theme was asked for on the command
 * line.
 */
export function resolveTheme(
  choice: ThemeChoice | undefined,
  {
    isExplicit = false,
    isColorOff = false,
    backgroundLuminance,
  }: { isExplicit?: boolean; isColorOff?: boolean; backgroundLuminance?: number } = {},
): Theme {
  if (isColorOff && !isExplicit) return THEMES.mono;
  if (choice === 'auto') return backgroundLuminance !== undefined && backgroundLuminance > 0.5 ? THEMES.light : THEMES.dark;
  return THEMES[choice ?? 'dark'];
}
