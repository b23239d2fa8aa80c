import { render } from 'ink-testing-library';
import { stepCountOf, type Slide } from '../../src/deck/slides.js';
import { initialDeckState, type DeckState } from '../../src/navigation/deck-state.js';
import { normalizeFrame } from '../../src/render/render-frame.js';
import { DeckFrame } from '../../src/ui/DeckFrame.js';
import { frameRows } from '../../src/ui/layout.js';

/**
 * Renders one frame through ink-testing-library at `columns` x `rows` (terminal size) and returns
 * it ANSI-stripped with trailing spaces trimmed, the form `inkdeck render` prints.
 *
 * ink-testing-library's fake stdout is always 100 columns wide; the frame is rendered once, the
 * width is set on that stdout, and it is rendered again so Ink lays the root out at the new width.
 */
export function renderWithInk(slides: readonly Slide[], options: { slide: number; columns: number; rows: number; state?: Partial<DeckState> }): string {
  const state: DeckState = { ...initialDeckState(slides.map(stepCountOf)), slide: options.slide - 1, ...options.state };
  const frame = () => <DeckFrame slides={slides} state={state} columns={options.columns} rows={frameRows(options.rows)} />;
  const instance = render(frame());
  Object.defineProperty(instance.stdout, 'columns', { value: options.columns, configurable: true });
  instance.rerender(frame());
  const output = instance.lastFrame() ?? '';
  instance.unmount();
  return normalizeFrame(output);
}
