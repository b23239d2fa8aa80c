import { useStdout } from 'ink';
import { useEffect, useState } from 'react';

/** Size assumed when the terminal does not report one, in columns and rows (VT100). */
export const FALLBACK_SIZE = { columns: 80, rows: 24 } as const;

/** The terminal's size in columns and rows, updated on every resize (SIGWINCH). */
export function useTerminalSize(): { columns: number; rows: number } {
  const { stdout } = useStdout();
  const read = () => ({
    columns: stdout.columns > 0 ? stdout.columns : FALLBACK_SIZE.columns,
    rows: stdout.rows > 0 ? stdout.rows : FALLBACK_SIZE.rows,
  });
  const [size, setSize] = useState(read);
  useEffect(() => {
    const onResize = () => {
      const next = read();
      setSize((previous) => (previous.columns === next.columns && previous.rows === next.rows ? previous : next));
    };
    stdout.on('resize', onResize);
    return () => {
      stdout.off('resize', onResize);
    };
    // `read` only reads `stdout`.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [stdout]);
  return size;
}
