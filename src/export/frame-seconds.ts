/** Seconds each frame stays on screen in a recording (`export --format cast`), by default. */
export const DEFAULT_FRAME_SECONDS = 3;
