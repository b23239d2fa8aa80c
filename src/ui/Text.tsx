import { Text as InkText, type TextProps } from 'ink';
import { createContext, use } from 'react';
import { useTheme } from './theme.js';

/** Whether a Text is inside another one, whose colour it then inherits. */
const NestedContext = createContext(false);

/**
 * Ink's Text in the frame's theme: an outermost Text without a colour takes the theme's text
 * colour (a painted background needs a foreground of its own: the terminal's could be anything),
 * and `dimColor` becomes the theme's muted colour where it has one (how dim SGR 2 draws is up to
 * the terminal, so its contrast is unknown). Nested Texts inherit their parent's colour, as in Ink.
 */
export function Text({ color, dimColor, ...props }: TextProps) {
  const theme = useTheme();
  const isNested = use(NestedContext);
  const isMuted = dimColor === true && theme.muted !== undefined;
  const themed = color ?? (isMuted ? theme.muted : isNested ? undefined : theme.text);
  return (
    <NestedContext value={true}>
      <InkText {...props} color={themed} dimColor={dimColor === true && !isMuted}>
        {props.children}
      </InkText>
    </NestedContext>
  );
}
