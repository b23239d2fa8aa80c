import { spawn } from 'node:child_process';
import { CLI, ROOT } from './paths.js';

export interface CliResult {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/**
 * Runs the built CLI with pipes (no terminal) and collects its output.
 *
 * @param env - Added to a copy of this process's environment.
 * @param binary - The binary to run: the built one unless given.
 * @param options - `input` is written to its stdin (nothing by default), `cwd` is where it runs
 *   (the repository's root by default).
 */
export function runCli(
  args: readonly string[],
  env: NodeJS.ProcessEnv = {},
  binary = CLI,
  options: { readonly input?: string; readonly cwd?: string } = {},
): Promise<CliResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [binary, ...args], {
      cwd: options.cwd ?? ROOT,
      env: { ...process.env, ...env },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
    child.stdin.end(options.input);
  });
}
