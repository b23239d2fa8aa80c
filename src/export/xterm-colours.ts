/** xterm's default 16 colours (its `XTerm*color0`..`color15` resources), as `#rrggbb`. */
const SIXTEEN = [
  '#000000',
  '#cd0000',
  '#00cd00',
  '#cdcd00',
  '#0000ee',
  '#cd00cd',
  '#00cdcd',
  '#e5e5e5',
  '#7f7f7f',
  '#ff0000',
  '#00ff00',
  '#ffff00',
  '#5c5cff',
  '#ff00ff',
  '#00ffff',
  '#ffffff',
];

/**
 * Colour `index` (0–255) of xterm's 256-colour palette as `#rrggbb`: the 16 colours, the 6x6x6
 * cube (16–231, levels 0, 95, 135, 175, 215, 255) and the grey ramp (232–255, 8 to 238 by 10),
 * as xterm's 256colres.pl makes them.
 */
export function xtermColour(index: number): string {
  const hex = (value: number) => value.toString(16).padStart(2, '0');
  const at = Math.max(0, Math.min(255, Math.trunc(index)));
  if (at < 16) return SIXTEEN[at] ?? '#000000';
  if (at >= 232) {
    const grey = 8 + (at - 232) * 10;
    return `#${hex(grey)}${hex(grey)}${hex(grey)}`;
  }
  const cube = at - 16;
  const level = (value: number) => (value === 0 ? 0 : 55 + value * 40);
  return `#${hex(level(Math.floor(cube / 36)))}${hex(level(Math.floor(cube / 6) % 6))}${hex(level(cube % 6))}`;
}
