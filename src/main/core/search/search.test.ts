import { mkdir, readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import { ensureBuilt, runCli } from '../../../../test/cli-support'
import { fixtureNames, fixturePath, useTempDir } from '../../../../test/support'
import { openCommonplace, type Commonplace } from '../commonplace'

const tempDir = useTempDir()
const notebook = (): string => join(tempDir(), 'notebook')

beforeAll(() => ensureBuilt())

interface Clipped {
  app: Commonplace
  baker: string
  anora: string
  ids: Record<string, string>
}

/** Two interviews and a few clippings, one a minute apart (so recency is well defined). */
async function clipped(): Promise<Clipped> {
  let minute = 0
  const now = (): Date => new Date(Date.UTC(2026, 0, 1, 9, minute++))
  const app = await openCommonplace(notebook(), { now })
  const [baker, anora] = (
    await app.sources.importFiles([
      fixturePath(fixtureNames.bakerTxt),
      fixturePath(fixtureNames.anoraTxt),
    ])
  ).imported
  if (!baker || !anora) throw new Error('the interviews did not import')
  const clip = async (sourceId: string, quote: string, extra = {}): Promise<string> =>
    (await app.clippings.createFromQuote({ sourceId, quote, ...extra })).id
  const ids = {
    hypocrisy: await clip(baker.id, 'I hate the hypocrisy in our society', { occurrence: 1 }),
    redRocket: await clip(baker.id, 'Red Rocket is a fascinating look'),
    noteOnly: await clip(anora.id, 'the respect of sex workers', {
      note: 'hypocrisy, said plainly',
    }),
    tagged: await clip(anora.id, 'Calvert', { occurrence: 1, tags: ['hypocrisy'] }),
  }
  return { app, baker: baker.id, anora: anora.id, ids }
}

const search = async (app: Commonplace, query: string): Promise<string[]> =>
  (await app.clippings.page({ search: query, limit: 50 })).items.map((view) => view.id)

describe('clipping search', () => {
  it('ranks quote and tag hits above note hits, and source titles last; recency breaks ties', async () => {
    const { app, ids } = await clipped()
    // Both the quote and the tag score as high; the tagged one is newer.
    expect(await search(app, 'hypocrisy')).toEqual([ids.tagged, ids.hypocrisy, ids.noteOnly])
    // "Baker" is only in one source's title: both its clippings, newest first.
    expect(await search(app, 'baker')).toEqual([ids.redRocket, ids.hypocrisy])
  })

  it('needs every word, matches the last one as a prefix, and folds case and accents', async () => {
    const { app, ids } = await clipped()
    expect(await search(app, 'HYPOCRISY society')).toEqual([ids.hypocrisy])
    expect(await search(app, 'fascinating ro')).toEqual([ids.redRocket])
    expect(await search(app, 'fascinating ro ')).toEqual([])
    await app.clippings.update({ id: ids.redRocket!, note: 'Ça, c’est un vrai café' })
    expect(await search(app, 'CAFE')).toEqual([ids.redRocket])
    expect(await search(app, 'ca c est')).toEqual([ids.redRocket])
  })

  it('returns only clippings holding a quoted phrase, word for word', async () => {
    const { app, ids } = await clipped()
    // All three words are in this quote, but not in this order.
    expect(await search(app, 'society hypocrisy our')).toEqual([ids.hypocrisy])
    expect(await search(app, '"society hypocrisy our"')).toEqual([])
    expect(await search(app, '"hypocrisy in our"')).toEqual([ids.hypocrisy])
    expect(await search(app, '"HYPOCRISY IN OUR" hate')).toEqual([ids.hypocrisy])
  })

  it('marks the match on the original quote, typographic characters and accents kept', async () => {
    const { app, baker } = await clipped()
    const text = (await app.sources.get(baker)).version.text
    const quote = text.slice(0, 40)
    await app.clippings.create({ sourceId: baker, start: 0, end: 40, note: '' })
    const [view] = (await app.clippings.page({ search: '"new film" sean', limit: 5 })).items
    expect(view?.target[0].exact).toBe(quote)
    const marked = view?.highlight?.map(([start, end]) => quote.slice(start, end))
    expect(marked).toEqual(['Sean', 'new film'])
  })

  it('finds Chinese and Japanese text by its characters', async () => {
    const app = await openCommonplace(notebook())
    const file = join(tempDir(), 'cjk.txt')
    await writeFile(
      file,
      '研究表明，东京大学の学生は毎日图书馆で勉強しています。\n\nFolded Ünïcödé too.\n',
    )
    const [source] = (await app.sources.importFiles([file])).imported
    const sourceId = source?.id ?? ''
    const cjk = await app.clippings.createFromQuote({ sourceId, quote: '东京大学の学生' })
    expect(await search(app, '大学')).toEqual([cjk.id])
    expect(await search(app, '学生')).toEqual([cjk.id])
    expect(await search(app, '京')).toEqual([cjk.id])
    // Both characters pairs are in the text, but not next to each other.
    expect(await search(app, '东京学生')).toEqual([])
    const [view] = (await app.clippings.page({ search: '大学', limit: 5 })).items
    expect(view?.highlight).toEqual([[2, 4]])
  })

  it('is saved beside the store and opens from it, taking in what other writers changed since', async () => {
    const { app, baker, ids } = await clipped()
    expect(await search(app, 'fascinating')).toEqual([ids.redRocket])
    await app.clippings.searchIndex.flush()
    const saved = JSON.parse(await readFile(join(notebook(), 'derived', 'search.json'), 'utf8'))
    expect(saved).toMatchObject({ format: 1 })

    expect((await runCli(notebook(), 'clip', baker, '--quote', 'washed-up porn star')).code).toBe(0)
    // The CLI has no edit or delete: another instance of the services writes them to disk.
    const other = await openCommonplace(notebook())
    await other.clippings.delete(ids.redRocket!)
    await other.clippings.update({ id: ids.hypocrisy!, note: 'zeppelin' })

    // The app that was open, and one opened now from the saved file.
    for (const open of [app, await openCommonplace(notebook())]) {
      expect(await search(open, 'fascinating')).toEqual([])
      expect(await search(open, 'porn star')).toHaveLength(1)
      expect(await search(open, 'zeppelin')).toEqual([ids.hypocrisy])
    }
  })

  it('is rebuilt when its file is damaged, and by reindex', async () => {
    const { ids } = await clipped()
    await mkdir(join(notebook(), 'derived'), { recursive: true })
    await writeFile(
      join(notebook(), 'derived', 'search.json'),
      '{"format":1,"revision":1,"data":"{"}',
    )
    expect(await search(await openCommonplace(notebook()), 'society')).toEqual([ids.hypocrisy])
    const run = await runCli(notebook(), 'reindex')
    expect(run.stdout).toContain(
      'Indexed 4 clippings (4 searchable) of 2 sources; the text of 2 sources.',
    )
    const found = await runCli(notebook(), 'search', 'hypocrisy', 'society')
    expect(found.stdout).toContain('[hypocrisy] in our [society]')
  })
})

describe('source text search', () => {
  it('finds a phrase in the sources’ text, with where it is and the words around it', async () => {
    const { app, anora } = await clipped()
    const hits = await app.sourceSearch.search('Sex Workers cheering')
    expect(hits.map((hit) => hit.sourceId)).toEqual([anora])
    const [hit] = hits
    const text = (await app.sources.get(anora)).version.text
    expect(text.slice(hit?.start, hit?.end)).toBe('sex workers cheering')
    expect(hit?.snippet.match).toBe('sex workers cheering')
    expect(hit?.snippet.before).toContain('one of many')
    // The words are in both texts, the phrase in neither.
    expect(await app.sourceSearch.search('"cheering workers sex"')).toEqual([])
  })

  it('follows a source the CLI imports, and is kept beside the store', async () => {
    const { app } = await clipped()
    expect(await app.sourceSearch.search('zeppelin airship')).toEqual([])
    const file = join(tempDir(), 'airship.md')
    await writeFile(file, '# Airships\n\nThe Zeppelin airship flew over the lake.\n')
    expect((await runCli(notebook(), 'import', file)).code).toBe(0)
    const [hit] = await app.sourceSearch.search('zeppelin airship')
    expect(hit?.title).toBe('Airships')
    const cli = await runCli(notebook(), 'search', '--sources', '--json', 'zeppelin airship')
    expect(JSON.parse(cli.stdout)).toMatchObject([{ title: 'Airships', start: hit?.start }])
  })

  it('reads the text of the sources it shows and of no other', async () => {
    const app = await openCommonplace(notebook())
    const files = ['one', 'two', 'three'].map((name) => join(tempDir(), `${name}.txt`))
    // Every source has each word and each pair of "alpha beta gamma"; only the last, the phrase.
    await writeFile(files[0] as string, 'alpha beta beta gamma\n')
    await writeFile(files[1] as string, 'beta gamma, alpha beta\n')
    await writeFile(files[2] as string, 'so: alpha beta gamma\n')
    const imported = (await app.sources.importFiles(files)).imported
    await app.sourceSearch.search('zeppelin')
    await app.sourceSearch.index.flush()
    const reopened = await openCommonplace(notebook())
    // Only the hit's file is read, and not parsed whole: its snippet is cut from its bytes.
    const read = new Set<string>()
    const parsed: string[] = []
    const { store } = reopened
    const [text, textPath] = [store.text.bind(store), store.textPath.bind(store)]
    store.text = (hash) => (parsed.push(hash), text(hash))
    store.textPath = (hash) => (read.add(hash), textPath(hash))
    const hits = await reopened.sourceSearch.search('alpha beta gamma')
    expect(hits.map((hit) => [hit.sourceId, hit.start, hit.end])).toEqual([
      [imported[2]?.id, 4, 20],
    ])
    expect(hits[0]?.snippet).toEqual({ before: 'so: ', match: 'alpha beta gamma', after: '' })
    expect([...read]).toEqual([imported[2]?.currentVersionHash])
    expect(parsed).toEqual([])
  })

  it('builds its index again from an older file rather than reading it as this one', async () => {
    const { app, anora } = await clipped()
    await app.sourceSearch.search('sex workers')
    await app.sourceSearch.index.flush()
    const path = join(notebook(), 'derived', 'source-text.json')
    const saved = JSON.parse(await readFile(path, 'utf8'))
    // The shape of format 3: no word sequences.
    delete saved.data.sequences
    await writeFile(path, JSON.stringify({ ...saved, format: 3 }))
    const reopened = await openCommonplace(notebook())
    const [hit] = await reopened.sourceSearch.search('Sex Workers cheering')
    expect(hit?.sourceId).toBe(anora)
    expect(reopened.sourceSearch.index.lastRead).toBe(2)
    await reopened.sourceSearch.index.flush()
    expect(JSON.parse(await readFile(path, 'utf8')).format).toBe(4)
  })
})
