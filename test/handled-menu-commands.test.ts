// The page's list of handled menu commands (which main's smoke test compares the menu against)
// must not name a command nothing in the page acts on.
import { readdir, readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { handledMenuCommands } from '../src/renderer/src/ui/handled-commands'

async function rendererSources(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true })
  return entries
    .filter((entry) => entry.isFile() && /\.tsx?$/.test(entry.name) && !/\.test\./.test(entry.name))
    .map((entry) => join(entry.parentPath, entry.name))
}

describe('the list of handled menu commands', () => {
  it('names only commands some part of the page acts on', async () => {
    const code = (
      await Promise.all(
        (await rendererSources(join(__dirname, '..', 'src', 'renderer', 'src'))).map((f) =>
          readFile(f, 'utf8'),
        ),
      )
    ).join('\n')
    for (const command of handledMenuCommands) {
      const handled =
        command === 'before-close'
          ? /command === 'before-close'/.test(code)
          : code.includes(`useCommand('${command}'`)
      expect(handled, command).toBe(true)
    }
  })
})
