import { createHash } from 'node:crypto';
import { chmodSync, lstatSync, mkdirSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

/** Owner-only access for the directories that hold sockets. */
const PRIVATE_DIRECTORY_MODE = 0o700;

/**
 * The directory of a sync session, created if needed: `$XDG_RUNTIME_DIR/inkdeck/<hash>`, or
 * `<os temp dir>/inkdeck-<uid>/<hash>` when XDG_RUNTIME_DIR is unset, relative or not an existing
 * directory (XDG Base Directory spec: the runtime dir is user-owned, 0700, meant for sockets,
 * and an absolute path; the system creates it, never the application). Every directory inkdeck creates
 * is 0700; one that exists with other permissions is tightened, and one owned by another user
 * is refused.
 *
 * The session name is hashed so that any name (a path, spaces, `..`) maps to a short, safe
 * file name and socket paths stay under the 108-byte limit of `sun_path`.
 *
 * @throws {Error} If a directory is not ours, or cannot be created.
 */
export function sessionDirectory(session: string, env: NodeJS.ProcessEnv = process.env): string {
  const uid = process.getuid?.() ?? 0;
  const runtime = env.XDG_RUNTIME_DIR;
  const base = runtime !== undefined && isRuntimeDirectory(runtime) ? path.join(runtime, 'inkdeck') : path.join(tmpdir(), `inkdeck-${uid}`);
  const directory = path.join(base, createHash('sha256').update(session).digest('hex').slice(0, 16));
  for (const dir of [base, directory]) ensurePrivateDirectory(dir, uid);
  return directory;
}

function isRuntimeDirectory(directory: string): boolean {
  if (!path.isAbsolute(directory)) return false;
  try {
    return statSync(directory).isDirectory();
  } catch {
    return false;
  }
}

/**
 * Makes `directory` (and its parents) if needed, owner-only (0700, tightened if it exists).
 *
 * @throws {Error} If it is not a directory, or belongs to a user other than `uid`.
 */
export function ensurePrivateDirectory(directory: string, uid = process.getuid?.() ?? 0): void {
  mkdirSync(directory, { recursive: true, mode: PRIVATE_DIRECTORY_MODE });
  const stats = lstatSync(directory);
  if (!stats.isDirectory() || stats.uid !== uid) {
    throw new Error(`${directory} is not a directory of this user; refusing to put sockets in it`);
  }
  if ((stats.mode & 0o777) !== PRIVATE_DIRECTORY_MODE) chmodSync(directory, PRIVATE_DIRECTORY_MODE);
}
