import type { Span } from '../text/inline.js';
import { Text } from './Text.js';
import { useTheme } from './theme.js';

export interface SpansProps {
  /** Styled runs of text, as parseInline or wrapSpans give them. */
  readonly spans: readonly Span[];
}

/**
 * Runs of a deck's text in their emphasis: bold, italic, and code spans in the theme's code
 * colour. Drawn inside a Text, whose colour the plain runs keep.
 */
export function Spans({ spans }: SpansProps) {
  const theme = useTheme();
  return spans.map((span, index) =>
    span.bold !== true && span.italic !== true && span.code !== true ? (
      span.text
    ) : (
      <Text key={index} bold={span.bold} italic={span.italic} color={span.code === true ? theme.code : undefined}>
        {span.text}
      </Text>
    ),
  );
}
