import { runCommandLine } from '../../src/main.js';
import type { CliResult } from './cli.js';

/**
 * Runs `inkdeck ARGS` in this process (runCommandLine, what the binary's main runs once it has
 * installed its process-wide handlers), collecting what it writes to stdout and stderr: the
 * same result as {@link runCli} without starting a process. Commands that need a terminal or
 * standard input, and checks of the environment or of the binary itself, use runCli.
 */
export async function runInProcess(args: readonly string[]): Promise<CliResult> {
  let stdout = '';
  let stderr = '';
  const { write: writeOut } = process.stdout;
  const { write: writeErr } = process.stderr;
  const collect = (append: (text: string) => void) =>
    ((chunk: string | Uint8Array, ...rest: unknown[]) => {
      append(typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8'));
      const callback = rest.find((argument) => typeof argument === 'function') as (() => void) | undefined;
      callback?.();
      return true;
    }) as typeof process.stdout.write;
  process.stdout.write = collect((text) => (stdout += text));
  process.stderr.write = collect((text) => (stderr += text));
  process.exitCode = undefined;
  try {
    const code = await runCommandLine(['node', 'inkdeck', ...args]);
    return { code, stdout, stderr };
  } finally {
    process.stdout.write = writeOut;
    process.stderr.write = writeErr;
    process.exitCode = undefined;
  }
}
