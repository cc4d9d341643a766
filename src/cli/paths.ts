import { access } from 'node:fs/promises';

/** True when something is at `path` (the CLI never overwrites a bundle, key or time stamp). */
export async function exists(path: string): Promise<boolean> {
  return access(path).then(
    () => true,
    () => false,
  );
}
