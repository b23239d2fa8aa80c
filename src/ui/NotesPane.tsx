import { Text } from './Text.js';
import { ScrollPane } from './ScrollPane.js';
import { Spans } from './Spans.js';
import stringWidth from 'string-width';
import type { NotesLayout } from '../layout/screen-layout.js';

export interface NotesPaneProps {
  /** The pane, the notes reflowed to it and the window onto them, as layoutScreen works them out. */
  readonly notes: NotesLayout;
}

/**
 * The speaker-notes pane, in the presenter view and beside or below the audience view's slide:
 * a bordered box with the notes reflowed to its width, in their emphasis. Notes longer than the pane scroll with
 * `d`/`u`, and its header then says which lines are shown (`lines 1–6 of 13 · d/u scroll`), so
 * nothing is ever cut silently.
 */
export function NotesPane({ notes: { pane, lines, window } }: NotesPaneProps) {
  const first = window.start;
  const shown = lines.slice(window.start, window.end);
  const isScrollable = window.maxScroll > 0;
  const header = isScrollable ? scrollHeader(first + 1, first + shown.length, lines.length, pane.headerColumns) : 'Speaker notes';
  return (
    <ScrollPane
      pane={pane}
      isDim
      isRigid
      header={
        <Text bold dimColor wrap="truncate-end">
          {header}
        </Text>
      }
    >
      {lines.length === 0 ? (
        <Text dimColor>(no notes for this slide)</Text>
      ) : (
        // A row each, never wrapped again: notesLines wrapped them to the pane.
        shown.map((spans, index) => (
          <Text key={first + index} wrap="truncate-end">
            {spans.length === 0 ? ' ' : <Spans spans={spans} />}
          </Text>
        ))
      )}
    </ScrollPane>
  );
}

/**
 * The header of notes that scroll, the longest that fits `width` columns: the range shown and the
 * keys matter more than the words around them, so words go first, the title last.
 */
function scrollHeader(from: number, to: number, total: number, width: number): string {
  const candidates = [
    `Speaker notes  lines ${from}–${to} of ${total} · d/u scroll`,
    `Speaker notes  ${from}–${to} of ${total} · d/u scroll`,
    `Speaker notes ${from}–${to}/${total} · d/u`,
    `Notes ${from}–${to}/${total} · d/u`,
    `${from}–${to}/${total} d/u`,
  ];
  return candidates.find((candidate) => stringWidth(candidate) <= width) ?? candidates[candidates.length - 1] ?? '';
}
