import { render } from 'ink-testing-library';
import type { ReactElement } from 'react';
import { stepCountOf, type Slide } from '../../src/deck/slides.js';
import { initialDeckState, type DeckState } from '../../src/navigation/deck-state.js';
import { normalizeFrame } from '../../src/render/render-frame.js';
import { DeckFrame } from '../../src/ui/DeckFrame.js';
import { PresenterFrame } from '../../src/ui/PresenterFrame.js';
import type { PresenterLayout } from '../../src/layout/presenter-layout.js';
import { layoutScreen, type ScreenLayout } from '../../src/layout/screen-layout.js';

/**
 * Renders `element` through ink-testing-library in a terminal `columns` wide and returns the
 * frame ANSI-stripped with trailing spaces trimmed, the form `inkdeck render` prints.
 *
 * ink-testing-library's fake stdout is always 100 columns wide; the element is rendered once,
 * the width is set on that stdout, and it is rendered again so Ink lays the root out anew.
 */
export function renderElement(element: () => ReactElement, columns: number): string {
  const instance = render(element());
  Object.defineProperty(instance.stdout, 'columns', { value: columns, configurable: true });
  instance.rerender(element());
  const output = instance.lastFrame() ?? '';
  instance.unmount();
  return normalizeFrame(output);
}

/** The audience frame for 1-based `slide` (and `step`) in a `columns` x `rows` terminal. */
export function renderWithInk(
  slides: readonly Slide[],
  options: { slide: number; step?: number; columns: number; rows: number; state?: Partial<DeckState> },
): string {
  const state: DeckState = {
    ...initialDeckState(slides.map(stepCountOf)),
    slide: options.slide - 1,
    step: (options.step ?? 1) - 1,
    ...options.state,
  };
  return renderElement(
    () => (
      <DeckFrame
        slides={slides}
        state={state}
        screen={layoutScreen({ terminal: options, view: 'audience', state, slides, hasNotice: false })}
      />
    ),
    options.columns,
  );
}

/** The presenter view's screen in a `columns` x `rows` terminal, as App lays it out (layoutScreen). */
export function presenterScreen(
  slides: readonly Slide[],
  state: DeckState,
  columns: number,
  rows: number,
): ScreenLayout & { readonly presenter: PresenterLayout } {
  const screen = layoutScreen({ terminal: { columns, rows }, view: 'presenter', state, slides, hasNotice: false });
  if (screen.presenter === undefined) throw new Error('layoutScreen gave the presenter view no panes');
  return { ...screen, presenter: screen.presenter };
}

/** The presenter view's frame for `state` in a `columns` x `rows` terminal, at talk time 0 and wall clock 14:05. */
export function renderPresenter(slides: readonly Slide[], state: DeckState, columns: number, rows: number): string {
  return renderElement(
    () => (
      <PresenterFrame
        slides={slides}
        state={state}
        elapsedMs={0}
        isTimerRunning={false}
        wallClock="14:05"
        screen={presenterScreen(slides, state, columns, rows)}
      />
    ),
    columns,
  );
}
