// `commonplace export --format obsidian` as a user runs it: the built CLI in its own process, on a
// notebook seeded in-process with an essay citing both article fixtures.
import { join } from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import { openCommonplace } from '../src/main/core/commonplace'
import { ensureBuilt, runCli } from './cli-support'
import { quotes, seedEssay, seedLibrary } from './essay-support'
import { useTempDir } from './support'

const tempDir = useTempDir()
const notebook = () => join(tempDir(), 'notebook')
const commonplace = (...args: string[]) => runCli(notebook(), ...args)

beforeAll(ensureBuilt)

describe('commonplace export --format obsidian', { timeout: 60_000 }, () => {
  it('is offered in export --help', async () => {
    const help = await commonplace('export', '--help')
    expect(help.stdout).toContain('obsidian')
  })

  it('writes each citation block as a quote callout with a block id, footnotes as GFM', async () => {
    const app = await openCommonplace(notebook())
    const library = await seedLibrary(app)
    const essay = await seedEssay(app, library)
    const run = await commonplace('export', essay.id, '--format', 'obsidian')
    expect(run.code).toBe(0)
    expect(run.stdout).toContain(`> [!quote] ${library.anora.title}`)
    expect(run.stdout).toMatch(new RegExp(`\\n> ${quotes.sean}\\[\\^\\d+\\]\\n\\n\\^cite-3\\n\\n`))
    expect(run.stdout).toMatch(/^\[\^1\]: .*#:~:text=/m)
    expect(run.stdout).toContain('\n## References\n')
  })
})
