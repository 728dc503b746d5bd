// What a crashed writer may leave in a notebook folder, looked at from outside, as a user would.
import { readdir, readFile } from 'node:fs/promises'
import { join } from 'node:path'

/** Temporary files anywhere in the notebook (a write's `<file>.<pid>.tmp`), relative paths. */
export async function temporaryFiles(notebook: string): Promise<string[]> {
  const found: string[] = []
  for (const folder of ['', 'sources', 'essays', 'texts']) {
    const names = await readdir(join(notebook, folder)).catch(() => [] as string[])
    for (const name of names) if (name.endsWith('.tmp')) found.push(join(folder, name))
  }
  return found.sort()
}

/**
 * Who holds the notebook lock: null when nobody, else the holder's pid, or 'no owner file' when
 * the lock folder exists without a readable owner (a writer killed just after taking it).
 */
export async function lockHolder(notebook: string): Promise<number | 'no owner file' | null> {
  const lock = join(notebook, 'notebook.lock')
  const names = await readdir(lock).catch(() => null)
  if (names === null) return null
  try {
    return (JSON.parse(await readFile(join(lock, 'owner.json'), 'utf8')) as { pid: number }).pid
  } catch {
    return 'no owner file'
  }
}
