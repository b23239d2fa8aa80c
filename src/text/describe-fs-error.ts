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
  if (code === 'EIO') return 'input/output error (the device or file system failed to read it)';
  if (code === 'ELOOP') return 'too many symbolic links: they lead round in a loop';
  if (code === 'ENOTDIR') return 'a part of the path is not a directory';
  if (code === 'ENXIO') return 'no such device or address (a socket, or a device with nothing behind it)';
  return error instanceof Error ? error.message : String(error);
}
