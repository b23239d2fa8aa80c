import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.{ts,tsx}'],
    globalSetup: ['tests/global-setup.ts'],
    // Frames are laid out for an explicit size, but pin the environment anyway so nothing
    // read from the host terminal (cfonts reads its size at import) can change a snapshot.
    env: { COLUMNS: '80', LINES: '24', FORCE_COLOR: '0', TZ: 'UTC' },
    testTimeout: 20_000,
  },
});
