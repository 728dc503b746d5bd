import { appendFile, mkdtemp, readFile, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { ChangeFeed } from './change-feed'

const touch = (id: string) => ({ sources: [id], essays: [], all: false })

async function feedIn(): Promise<{ dir: string; path: string }> {
  const dir = await mkdtemp(join(tmpdir(), 'commonplace-feed-'))
  return { dir, path: join(dir, 'changes.json') }
}

/** A process's view of the feed, from the revision it finds. */
async function startedFeed(dir: string): Promise<ChangeFeed> {
  const feed = new ChangeFeed(dir)
  await feed.start()
  return feed
}

describe('the change feed', () => {
  it('appends one line per write, so a save does not rewrite the whole feed', async () => {
    const { dir, path } = await feedIn()
    const app = await startedFeed(dir)
    const cli = await startedFeed(dir)
    await cli.record(touch('s-aaaa'))
    const before = await readFile(path, 'utf8')
    await cli.record(touch('s-bbbb'))
    const after = await readFile(path, 'utf8')
    expect(after.startsWith(before)).toBe(true)
    expect(after.trim().split('\n')).toHaveLength(2)
    expect(await app.news()).toEqual({ sources: ['s-aaaa', 's-bbbb'], essays: [], all: false })
    expect(await app.since(1)).toMatchObject({ sources: ['s-bbbb'], revision: 2 })
  })

  it('reads the one-object feed earlier versions wrote, and goes on numbering from it', async () => {
    const { dir, path } = await feedIn()
    const old = { revision: 7, writer: 'old', sources: ['s-old1'], essays: [], all: false }
    await writeFile(path, JSON.stringify({ revision: 7, entries: [old] }))
    const feed = await startedFeed(dir)
    expect(feed.revision).toBe(7)
    await feed.record(touch('s-new1'))
    expect(await feed.latest()).toBe(8)
    expect(await new ChangeFeed(dir).since(6)).toMatchObject({
      sources: ['s-old1', 's-new1'],
      revision: 8,
    })
  })

  it('skips a line a killed writer cut short, and the next write still lands whole', async () => {
    const { dir, path } = await feedIn()
    const feed = await startedFeed(dir)
    await feed.record(touch('s-aaaa'))
    await appendFile(path, '{"revision":2,"writer":"dead","sour')
    const next = await startedFeed(dir)
    expect(next.revision).toBe(1)
    await next.record(touch('s-cccc'))
    expect(await next.latest()).toBe(2)
    expect(await new ChangeFeed(dir).since(1)).toMatchObject({ sources: ['s-cccc'] })
  })

  it('numbers each write once when writers take turns, and a line cut after its own still counts', async () => {
    const { dir, path } = await feedIn()
    const app = await startedFeed(dir)
    const cli = await startedFeed(dir)
    // A writer that appended last skips reading the feed; one another writer appended after
    // must read it, or it would number its write as if nothing came between.
    for (const [feed, id] of [
      [app, 's-aaaa'],
      [cli, 's-bbbb'],
      [app, 's-cccc'],
      [app, 's-dddd'],
      [cli, 's-eeee'],
    ] as const) {
      await feed.record(touch(id))
    }
    await appendFile(path, '{"revision":6,"writer":"dead","sour')
    await app.record(touch('s-ffff'))
    const revisions = (await readFile(path, 'utf8'))
      .trim()
      .split('\n')
      .flatMap((line) => (line.endsWith('}') ? [JSON.parse(line).revision as number] : []))
    expect(revisions).toEqual([1, 2, 3, 4, 5, 6])
    expect(await new ChangeFeed(dir).since(4)).toMatchObject({
      sources: ['s-eeee', 's-ffff'],
      revision: 6,
    })
  })

  it('cuts itself back to the last thousand entries now and then', async () => {
    const { dir, path } = await feedIn()
    const feed = await startedFeed(dir)
    const lines = Array.from({ length: 1998 }, (_, index) =>
      JSON.stringify({ revision: index + 1, writer: 'x', ...touch('s-aaaa') }),
    )
    await writeFile(path, `${lines.join('\n')}\n`)
    await feed.record(touch('s-bbbb'))
    await feed.record(touch('s-cccc'))
    const kept = (await readFile(path, 'utf8')).trim().split('\n')
    expect(kept).toHaveLength(1000)
    expect(await feed.latest()).toBe(2000)
    expect(await feed.since(1998)).toMatchObject({ sources: ['s-bbbb', 's-cccc'] })
    expect(await feed.since(10)).toBeNull()
  })
})
