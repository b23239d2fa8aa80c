import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    // Frames are laid out for an explicit size, but pin the environment anyway so nothing
    // read from the host terminal (cfonts reads its size at import) can change a snapshot.
    env: { COLUMNS: '80', LINES: '24', FORCE_COLOR: '0', TZ: 'UTC' },
    testTimeout: 20_000,
    // Most end-to-end tests wait on the processes they start, not on the CPU, so a 2-core machine
    // runs more files at once than it has cores: 4 workers took a full run from 156 to 77 s here.
    maxWorkers: 4,
    projects: [
      {
        extends: true,
        // Logic and components, in-process: no build. `vitest run --project unit` takes seconds.
        test: {
          name: 'unit',
          include: ['tests/**/*.test.{ts,tsx}'],
          exclude: ['tests/**/*.e2e.test.{ts,tsx}'],
          // Files share a worker's modules instead of importing Ink, React and the app afresh
          // each: the unit project took 16 to 19 s instead of 23 to 24 s (two runs each). The
          // tests restore what they change (spies, chalk's level, stdout's write).
          isolate: false,
          globalSetup: ['tests/global-setup.ts'],
        },
      },
      {
        extends: true,
        // What runs the built binary (in a pipe, a pseudo-terminal or a packed install): built
        // once by its global setup.
        test: {
          name: 'e2e',
          include: ['tests/**/*.e2e.test.{ts,tsx}'],
          globalSetup: ['tests/global-setup.ts', 'tests/build-setup.ts'],
          // Four at a time, as the unit project: they wait on the processes they start. (Two were
          // run for a while after a crash test found the tty mode not restored; the cause was the
          // test reading `stty -g`'s file before stty had written it, mended in the test.)
          maxWorkers: 4,
          // The unit project first: it needs no build, and a mistake there is the quicker to see.
          sequence: { groupOrder: 1 },
        },
      },
    ],
  },
});
