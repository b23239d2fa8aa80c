import { createRequire } from 'node:module';

/**
 * The package's version, for `--version`, from the package.json one folder above `moduleUrl`
 * (the caller's `import.meta.url`: every built entry point sits in dist/); 'unknown' when dist/
 * was copied without package.json.
 */
export function packageVersion(moduleUrl: string): string {
  try {
    return (createRequire(moduleUrl)('../package.json') as { version: string }).version;
  } catch {
    return 'unknown';
  }
}
