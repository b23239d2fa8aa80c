/**
 * The oldest Node.js inkdeck runs on, as `[major, minor, patch]`: 22.12 is the first 22 that
 * loads ES modules with `require()` unflagged and has `module.enableCompileCache()`, and the
 * oldest that Ink 8, commander 15 and the other dependencies accept (their `engines`). It must
 * match `engines.node` in package.json, which a test checks.
 */
export const REQUIRED_NODE: readonly [number, number, number] = [22, 12, 0];

/**
 * Why `version` (as `process.versions.node`, `'20.20.2'`) cannot run inkdeck, as one line for
 * the user, or `undefined` when it can. A version that does not parse is let through: Node's own
 * errors then say more than a guess would.
 */
export function unsupportedNodeMessage(version: string): string | undefined {
  const parts = /^(\d+)\.(\d+)\.(\d+)/.exec(version);
  if (parts === null) return undefined;
  const [major, minor, patch] = REQUIRED_NODE;
  const order = Number(parts[1]) - major || Number(parts[2]) - minor || Number(parts[3]) - patch;
  return order >= 0 ? undefined : `inkdeck: needs Node.js ${REQUIRED_NODE.join('.')} or newer; this is Node.js ${version}`;
}
