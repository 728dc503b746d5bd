// Damaged files, one row per case: the index, a source file and an essay file, each damaged in
// each way a real notebook gets damaged. What the user must see: a message naming the file, the
// damaged file left as it was (or kept aside), everything else still working, and a way back.
import { readFile } from 'node:fs/promises'
import { basename, dirname, join, relative } from 'node:path'
import { describe, expect, it } from 'vitest'
import {
  damage,
  filesIn,
  paragraphState,
  seedNotebook,
  stateOf,
  UNKNOWN,
  type Damage,
  type Seeded,
  type Target,
} from '../../../../test/notebook-damage'
import { rejection, useTempDir } from '../../../../test/support'
import { openCommonplace, type Commonplace } from '../commonplace'
import { NotebookSession } from '../notebook-session'
import { backupsDir } from './backups'

const tempDir = useTempDir()

type Outcome =
  /** Opening is refused, naming the file; it is kept aside; `repair` or `restore` recover. */
  | { expect: 'open refused'; why: RegExp; recover: 'repair' | 'restore' }
  /** Listed in problems, naming the file, left as it was; everything else works. */
  | { expect: 'reported'; why: RegExp }
  /** Reads as if it were not there; the next write of the file drops it. */
  | { expect: 'BOM dropped on write' }
  /** The write that would replace it is refused; memory and disk stay as they were. */
  | { expect: 'write refused' }
  /** A write of the file keeps fields this version does not know. */
  | { expect: 'unknown fields kept' }

interface Case {
  target: Target
  damage: Damage
  outcome: Outcome
}

const refused = (why: RegExp, recover: 'repair' | 'restore' = 'repair'): Outcome => ({
  expect: 'open refused',
  why,
  recover,
})
const reported = (why: RegExp): Outcome => ({ expect: 'reported', why })
const bom: Outcome = { expect: 'BOM dropped on write' }
const readOnly: Outcome = { expect: 'write refused' }
const unknownKept: Outcome = { expect: 'unknown fields kept' }

const cases: Case[] = [
  { target: 'index', damage: 'empty', outcome: refused(/is not valid JSON/) },
  { target: 'index', damage: 'truncated', outcome: refused(/is not valid JSON/, 'restore') },
  { target: 'index', damage: 'NUL bytes', outcome: refused(/holds NUL bytes/) },
  { target: 'index', damage: 'BOM prefix', outcome: bom },
  { target: 'index', damage: 'null', outcome: refused(/holds null/, 'restore') },
  { target: 'index', damage: '[]', outcome: refused(/received array/) },
  { target: 'index', damage: 'wrong schema', outcome: refused(/damaged at sources/) },
  { target: 'index', damage: 'missing', outcome: refused(/is missing/, 'restore') },
  { target: 'index', damage: 'a folder in its place', outcome: refused(/is a folder/) },
  { target: 'index', damage: 'read-only', outcome: readOnly },
  { target: 'index', damage: 'unknown fields', outcome: unknownKept },

  { target: 'source', damage: 'empty', outcome: reported(/is not valid JSON/) },
  { target: 'source', damage: 'truncated', outcome: reported(/is not valid JSON/) },
  { target: 'source', damage: 'NUL bytes', outcome: reported(/holds NUL bytes/) },
  { target: 'source', damage: 'BOM prefix', outcome: bom },
  { target: 'source', damage: 'null', outcome: reported(/received null/) },
  { target: 'source', damage: '[]', outcome: reported(/received array/) },
  { target: 'source', damage: 'wrong schema', outcome: reported(/damaged at versions/) },
  { target: 'source', damage: 'missing', outcome: reported(/is missing/) },
  { target: 'source', damage: 'a folder in its place', outcome: reported(/is a folder/) },
  { target: 'source', damage: 'read-only', outcome: readOnly },
  { target: 'source', damage: 'unknown fields', outcome: unknownKept },

  { target: 'essay', damage: 'empty', outcome: reported(/is not valid JSON/) },
  { target: 'essay', damage: 'truncated', outcome: reported(/is not valid JSON/) },
  { target: 'essay', damage: 'NUL bytes', outcome: reported(/holds NUL bytes/) },
  { target: 'essay', damage: 'BOM prefix', outcome: bom },
  { target: 'essay', damage: 'null', outcome: reported(/received null/) },
  { target: 'essay', damage: '[]', outcome: reported(/received array/) },
  {
    target: 'essay',
    damage: 'wrong schema',
    outcome: reported(/entry\.title: a title is required/),
  },
  { target: 'essay', damage: 'missing', outcome: reported(/is missing/) },
  { target: 'essay', damage: 'a folder in its place', outcome: reported(/is a folder/) },
  { target: 'essay', damage: 'read-only', outcome: readOnly },
  { target: 'essay', damage: 'unknown fields', outcome: unknownKept },
]

/** Everything a user sees of the notebook, in an order that does not depend on timing. */
async function contents(app: Commonplace, seeded: Seeded) {
  const byId = <T extends { id: string }>(items: T[]) =>
    [...items].sort((a, b) => a.id.localeCompare(b.id))
  return {
    sources: byId(await app.sources.list()),
    clippings: byId(await app.clippings.list()),
    essays: byId(await app.essays.list()),
    essay: (await app.essays.get(seeded.essayId)).editorState,
  }
}

/** The write that replaces the target's file: a new essay (index), a clipping, an essay save. */
function writeTo(app: Commonplace, target: Target, seeded: Seeded): Promise<unknown> {
  if (target === 'index') return app.essays.create('Written after the damage')
  if (target === 'source')
    return app.clippings.createFromQuote({
      sourceId: seeded.baker.id,
      quote: 'Red Rocket',
      occurrence: 2,
    })
  return app.essays.save(seeded.essayId, paragraphState('Words written after the damage.'))
}

/** The file, read back after `writeTo`, holds what it wrote. */
function expectWritten(data: Record<string, unknown>, target: Target): void {
  if (target === 'index') expect(data.essays).toHaveLength(3)
  if (target === 'source') expect(data.clippings).toHaveLength(2)
  if (target === 'essay') expect(JSON.stringify(data.editorState)).toContain('after the damage')
}

async function expectOpenRefused(dir: string, seeded: Seeded, row: Case, why: RegExp) {
  const path = seeded.paths.index
  const damaged = await stateOf(path)
  const error = await rejection(openCommonplace(dir, { create: false }))
  expect(error.code).toBe('damaged')
  expect(error.message).toContain(path)
  expect(error.message).toMatch(why)
  const aside = (await filesIn(dir)).filter((name) => name.startsWith('library.json.damaged-'))
  if (row.damage === 'missing') expect(aside).toEqual([])
  else {
    // Kept, exactly as it was, and the message says where.
    expect(aside).toHaveLength(1)
    expect(error.message).toContain(join(dir, aside[0]!))
    expect(await stateOf(join(dir, aside[0]!))).toEqual(damaged)
  }
}

describe('a damaged notebook file', () => {
  const named = cases.map((row) => [`${row.target}, ${row.damage}: ${row.outcome.expect}`, row])
  it.each(named as [string, Case][])('%s', async (_name, row) => {
    const dir = join(tempDir(), 'notebook')
    const seeded = await seedNotebook(dir)
    const original = await contents(await openCommonplace(dir), seeded)
    const path = seeded.paths[row.target]
    await damage(path, row.target, row.damage)
    const damaged = await stateOf(path)
    const { outcome } = row

    if (outcome.expect === 'open refused') {
      await expectOpenRefused(dir, seeded, row, outcome.why)
      // The app's way back: it opens the notebook refused, then repairs or restores it.
      const session = await NotebookSession.open(dir, { create: false })
      expect(session.status().state).toBe('refused')
      if (outcome.recover === 'repair') await session.repair()
      else {
        const [backup] = (await session.listBackups()).filter((one) => one.reason === 'manual')
        await session.restore(backup!.name)
      }
      expect(await contents(session.commonplace, seeded)).toEqual(original)
      expect(await contents(await openCommonplace(dir), seeded)).toEqual(original)
      return
    }

    const app = await openCommonplace(dir, { create: false })
    if (outcome.expect === 'reported') {
      const problem = await rejection(
        row.target === 'source' ? app.sources.get(seeded.baker.id) : app.essays.get(seeded.essayId),
      )
      expect(problem.code).toBe('damaged')
      expect(problem.message).toContain(path)
      expect(problem.message).toMatch(outcome.why)
      // Not shown as empty: its clippings are not listed, its file is named among the problems.
      const clippings = (await app.clippings.list()).map((clipping) => clipping.id)
      expect(clippings.sort()).toEqual(
        (row.target === 'source'
          ? [seeded.anoraClip.id]
          : [seeded.anoraClip.id, seeded.bakerClip.id]
        ).sort(),
      )
      expect(app.store.problems).toEqual([{ file: path, message: problem.message }])
      // A write to it is refused too, and the others work as before.
      expect((await rejection(writeTo(app, row.target, seeded))).code).toBe('damaged')
      await app.clippings.createFromQuote({
        sourceId: seeded.anora.id,
        quote: 'to win an Oscar is rare',
      })
      await app.essays.save(seeded.otherEssayId, paragraphState('The other essay still saves.'))
      expect(await stateOf(path)).toEqual(damaged)
      // The way back: restoring the backup, which first keeps the damaged state as a plain copy.
      const session = await NotebookSession.open(dir, { create: false })
      const [backup] = (await session.listBackups()).filter((one) => one.reason === 'manual')
      const { before } = await session.restore(backup!.name)
      // What was there is kept: the damaged file in a plain copy, a folder renamed aside.
      expect(before.verified).toBe(false)
      const inBackup = join(backupsDir(dir), before.name, relative(dir, path))
      if (row.damage === 'a folder in its place') {
        const kept = await filesIn(dirname(path))
        expect(kept.filter((name) => name.startsWith(`${basename(path)}.damaged-`))).toHaveLength(1)
      } else if (row.damage !== 'missing') expect(await stateOf(inBackup)).toEqual(damaged)
      const restored = await contents(session.commonplace, seeded)
      expect(restored.essay).toEqual(original.essay)
      expect(restored.clippings.map((clipping) => clipping.id)).toEqual(
        expect.arrayContaining(original.clippings.map((clipping) => clipping.id)),
      )
      return
    }

    if (outcome.expect === 'BOM dropped on write') {
      expect(await contents(app, seeded)).toEqual(original)
      await writeTo(app, row.target, seeded)
      const rewritten = await readFile(path, 'utf8')
      expect(rewritten.startsWith('{')).toBe(true)
      expectWritten(JSON.parse(rewritten), row.target)
      return
    }

    if (outcome.expect === 'write refused') {
      const folders = await Promise.all(
        ['sources', 'essays', 'texts'].map((f) => filesIn(join(dir, f))),
      )
      const refusal = await rejection(writeTo(app, row.target, seeded))
      expect(refusal.code).toBe('unwritable')
      expect(refusal.message).toContain(path)
      expect(refusal.message).toMatch(/is read-only.*Nothing was changed/)
      // Neither this process's memory nor the disk moved: no file written, none half-written.
      expect(await contents(app, seeded)).toEqual(original)
      expect(await contents(await openCommonplace(dir), seeded)).toEqual(original)
      expect(await stateOf(path)).toEqual(damaged)
      expect(
        await Promise.all(['sources', 'essays', 'texts'].map((f) => filesIn(join(dir, f)))),
      ).toEqual(folders)
      return
    }

    // Unknown fields: they survive the write, which itself lands.
    await writeTo(app, row.target, seeded)
    const data = JSON.parse(await readFile(path, 'utf8'))
    expectWritten(data, row.target)
    expect(data.syncedBy).toEqual(UNKNOWN.syncedBy)
    if (row.target === 'index') expect(data.sources[0].colour).toBe(UNKNOWN.colour)
    else expect(data.entry.colour).toBe(UNKNOWN.colour)
    if (row.target === 'source') expect(data.clippings[0].colour).toBe(UNKNOWN.colour)
  })
})
