#!/usr/bin/env node
// The `inkdeck` binary, dist/inkdeck.js: checks the Node version, then runs the bundled app,
// dist/inkdeck-app.js. Nothing but Node's own modules and the check below is loaded before the
// check passes, so an old Node gets one line instead of a syntax error from a dependency.
import module from 'node:module';
import { unsupportedNodeMessage } from './launch/node-version.js';
import { packageVersion } from './launch/package-version.js';

const unsupported = unsupportedNodeMessage(process.versions.node);
if (unsupported !== undefined) {
  process.stderr.write(`${unsupported}\n`);
  process.exit(1);
}

// `pgrep inkdeck` and `ps` find a running talk by this name (Node 24 names its main thread
// MainThread, older ones node).
process.title = 'inkdeck';

// Node keeps the bytecode of what it compiles, for this Node and this build, in its cache
// directory (NODE_COMPILE_CACHE, or the system's temporary directory), so a later start skips
// parsing and compiling the bundle. A cache made by another Node or for another build is
// ignored. See https://nodejs.org/api/module.html#module-compile-cache.
module.enableCompileCache?.();

// `inkdeck --version` alone needs nothing of the app: answered here, it costs little more than
// Node's own start (issue 21: at most 1.3x bare node).
const args = process.argv.slice(2);
if (args.length === 1 && (args[0] === '--version' || args[0] === '-V')) {
  process.stdout.write(`${packageVersion(import.meta.url)}\n`);
} else {
  await runApp();
}

async function runApp(): Promise<void> {
  // Until the app's own handlers are in place (main installs them, and restores the terminal
  // first), an error while the app loads or starts still ends in one line and status 1.
  const { describeCrash } = await import('./launch/describe-crash.js');
  const crashWhileStarting = (error: unknown) => {
    process.stderr.write(`${describeCrash(error, process.argv.includes('--debug'))}\n`);
    process.exit(1);
  };
  process.on('uncaughtException', crashWhileStarting);
  process.on('unhandledRejection', crashWhileStarting);

  // The app loads each command's modules when it runs it (main's lazily, which also keeps yoga's
  // loader from fetch).
  const { main } = (await import(new URL('inkdeck-app.js', import.meta.url).href)) as {
    main: (argv: readonly string[]) => Promise<number>;
  };
  process.off('uncaughtException', crashWhileStarting);
  process.off('unhandledRejection', crashWhileStarting);
  process.exitCode = await main(process.argv);
}
