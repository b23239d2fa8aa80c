import { Box } from 'ink';
import { Spans } from './Spans.js';
import { Text } from './Text.js';
import type { ReactNode } from 'react';
import { partWidth, type PartRole, type RowPart, type SlideRow } from '../layout/slide-rows.js';
import type { ContentSlideLayout } from '../layout/slide-layout.js';
import { useTheme, type Theme } from './theme.js';

export interface ContentSlideViewProps {
  /** The slide's rows, padding and place in its area, as layoutSlide lays them out at its step. */
  readonly layout: ContentSlideLayout;
}

/**
 * A content slide of any layout: the rows {@link layoutContentBlock} laid out, each part at its
 * column, styled by its role and its emphasis; parts of items not yet revealed are left blank
 * (a timeline's line is kept, without its mark), or dimmed with hollow marks in a presenter's pane.
 */
export function ContentSlideView({ layout }: ContentSlideViewProps) {
  const { size, paddingX, paddingTop, left, top, rows, revealed, showsHidden } = layout;
  return (
    <Box
      flexDirection="column"
      width={size.columns}
      height={size.rows}
      paddingX={paddingX}
      paddingTop={paddingTop + top}
      overflowY="hidden"
      flexShrink={0}
    >
      {rows.map((line, index) => (
        <Row key={index} line={line} left={left} revealed={revealed} showsHidden={showsHidden} />
      ))}
    </Box>
  );
}

interface RowProps {
  readonly line: SlideRow;
  readonly left: number;
  readonly revealed: number;
  readonly showsHidden: boolean;
}

function Row({ line, left, revealed, showsHidden }: RowProps) {
  const children: ReactNode[] = [];
  let cursor = 0;
  line.parts.forEach((part, index) => {
    if (part.column > cursor) children.push(' '.repeat(part.column - cursor));
    const isHidden = part.item !== undefined && part.item >= revealed;
    children.push(<Part key={index} part={part} isHidden={isHidden} showsHidden={showsHidden} />);
    cursor = Math.max(cursor, part.column) + partWidth(part);
  });
  // Truncated, never wrapped: a row is one terminal row (the layout wrapped it already).
  return (
    <Text wrap="truncate-end">
      {' '.repeat(left)}
      {children.length === 0 ? ' ' : children}
    </Text>
  );
}

/** Marks that stand for an item, drawn hollow while it is not yet revealed (NO_COLOR turns dimming off). */
const HOLLOW: Readonly<Record<string, string>> = { '•': '○', '●': '○' };

function Part({ part, isHidden, showsHidden }: { readonly part: RowPart; readonly isHidden: boolean; readonly showsHidden: boolean }) {
  const theme = useTheme();
  if (isHidden && !showsHidden) {
    const width = partWidth(part);
    // A timeline keeps its line whole; only the marks of events to come are left out.
    if (part.role === 'axis') return <Text color={theme.accent}>{'─'.repeat(width)}</Text>;
    return <Text>{' '.repeat(width)}</Text>;
  }
  const spans = isHidden
    ? part.spans.map((span) => ({ ...span, text: span.text.replace(/[•●]/gu, (mark) => HOLLOW[mark] ?? mark) }))
    : part.spans;
  const style = roleStyle(part.role, isHidden, theme);
  return (
    <Text {...style}>
      <Spans spans={spans} />
    </Text>
  );
}

interface PartStyle {
  readonly color?: string;
  readonly bold?: boolean;
  readonly italic?: boolean;
  readonly dimColor?: boolean;
}

function roleStyle(role: PartRole, isHidden: boolean, theme: Theme): PartStyle {
  if (isHidden) return { dimColor: true };
  switch (role) {
    case 'title':
      return { bold: true, color: theme.title };
    case 'rule':
    case 'axis':
    case 'mark':
      return { color: theme.accent };
    case 'marker':
      return { color: theme.bullet };
    case 'heading':
    case 'when':
      return { bold: true, color: theme.accent };
    case 'quote':
    case 'statement':
      return { bold: true };
    case 'big':
      return { color: theme.title };
    case 'attribution':
      return { italic: true };
    case 'more':
      return { dimColor: true };
    case 'text':
      return {};
  }
}
