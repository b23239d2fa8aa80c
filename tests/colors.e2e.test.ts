import xtermHeadless from '@xterm/headless';
import { afterEach, describe, expect, it } from 'vitest';
import { frames, loadDeck } from '../src/index.js';
import { SLIDES_YAML } from './helpers/paths.js';
import { TerminalSession } from './helpers/terminal.js';

const { Terminal } = xtermHeadless;
type Screen = InstanceType<typeof Terminal>;

const COLUMNS = 80;
const ROWS = 24;

/**
 * The first `rows` rows of `terminal` as a person sees them, styles included: each row's text,
 * with `«fg bg flags»` wherever the colour or the bold, dim, italic, underline or inverse
 * attributes change.
 */
function styledRows(terminal: Screen, rows: number): string[] {
  const buffer = terminal.buffer.active;
  const cell = buffer.getNullCell();
  const result: string[] = [];
  for (let y = 0; y < rows; y += 1) {
    const line = buffer.getLine(buffer.viewportY + y);
    let row = '';
    let style = '';
    for (let x = 0; x < terminal.cols && line !== undefined; x += 1) {
      line.getCell(x, cell);
      const flags = [cell.isBold(), cell.isDim(), cell.isItalic(), cell.isUnderline(), cell.isInverse()]
        .map((isOn) => (isOn ? 1 : 0))
        .join('');
      const next = `«${cell.getFgColorMode()}:${cell.getFgColor()} ${cell.getBgColorMode()}:${cell.getBgColor()} ${flags}»`;
      if (next !== style) row += next;
      style = next;
      row += cell.getChars() || ' ';
    }
    result.push(row);
  }
  return result;
}

/** What `frame`, a frame of the public API with colour, looks like on a fresh terminal. */
async function drawn(frame: string): Promise<string[]> {
  const terminal = new Terminal({ cols: COLUMNS, rows: ROWS, allowProposedApi: true });
  await new Promise<void>((resolve) => terminal.write(frame.split('\n').join('\r\n'), resolve));
  const rows = styledRows(terminal, frame.split('\n').length);
  terminal.dispose();
  return rows;
}

let session: TerminalSession | undefined;
afterEach(() => session?.kill());

describe('colours and styles on screen', () => {
  it('are the same in the binary as in the public API, on every slide (the bundle changes how Ink writes styles)', async () => {
    const expected = [...frames(loadDeck(SLIDES_YAML), { columns: COLUMNS, rows: ROWS, color: true })].filter((frame) => frame.step === 1);
    // 24-bit colour, as the API draws them.
    session = TerminalSession.start(['present', 'slides.yaml', '--no-sync', '--no-watch'], { env: { FORCE_COLOR: '3' } });
    let styled = 0;
    for (const { slide, slideCount, frame } of expected) {
      const want = await drawn(frame);
      styled += want.filter((row) => /«(?!0:-1 0:-1 00000»)/.test(row)).length;
      if (slide > 1) session.jumpTo(slide);
      const live = session;
      await live.waitFor(() => styledRows(live.terminal, want.length).join('\n') === want.join('\n'), 5_000).catch(() => undefined);
      expect(styledRows(live.terminal, want.length), `slide ${slide}/${slideCount}`).toEqual(want);
    }
    // Rows with colour or a style, so the comparison compares styles.
    expect(styled).toBeGreaterThan(expected.length);
  });
});
