// The benchmark's floor (issue #7): the plain Ink "hello" with a big title that the issue names,
// and the least a talk's first frame can cost with the libraries inkdeck draws with (Ink, React,
// ink-big-text). bench/run.mjs bundles it and runs it with a code cache exactly as the app is
// (scripts/bundle-app.mjs), so the two differ only in what the app does itself.
import { createElement } from 'react';
import { Box, Text, render, useApp, useInput } from 'ink';
import BigText from 'ink-big-text';

/** A big title, `line` under it; `q` quits. */
function Hello({ line }) {
  const { exit } = useApp();
  useInput((input) => {
    if (input === 'q') exit();
  });
  return createElement(
    Box,
    { flexDirection: 'column' },
    createElement(BigText, { text: 'Hello', font: 'tiny' }),
    createElement(Text, null, line),
  );
}

/** Draws the hello with `line` under the title until `q`; resolves to the exit status, 0. */
export async function showHello(line) {
  await render(createElement(Hello, { line })).waitUntilExit();
  return 0;
}

/** What the binary runs (src/bin.ts imports the bundle and calls main). */
export function main() {
  return showHello('first frame');
}
