/**
 * Says in a few words why a file operation failed, from its errno code (POSIX strerror wording),
 * falling back to the error's own message.
 */
export function describeFsError(error: unknown): string {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  if (code === 'ENOENT') return 'no such file or directory';
  if (code === 'EISDIR') return 'it is a directory';
  if (code === 'EACCES') return 'permission denied';
  if (code === 'ENOSPC') return 'no space left on device';
  return error instanceof Error ? error.message : String(error);
}
