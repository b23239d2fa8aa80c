import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CASES, SHARED_CASES } from './helpers/paths.js';

describe('the copied cases', () => {
  // Only where the team's shared folder is laid beside the clone (developers' machines, CI).
  it.skipIf(!existsSync(SHARED_CASES))('are byte for byte the shared cases', () => {
    const shared = readdirSync(SHARED_CASES)
      .filter((name) => name.endsWith('.yaml'))
      .sort();
    expect(readdirSync(CASES).sort()).toEqual(shared);
    for (const name of shared) {
      expect(readFileSync(path.join(CASES, name)).equals(readFileSync(path.join(SHARED_CASES, name))), name).toBe(true);
    }
  });
});
