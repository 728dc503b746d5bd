// The engines the search bench compares on the same clippings: ours (ClippingSearchIndex),
// MiniSearch as main had it (now with toJSON/loadJSON), FlexSearch's Document index, and a plain
// folded `includes` scan over every clipping.
import { Document } from 'flexsearch'
import MiniSearch, { type Options } from 'minisearch'
import type { SourceEntry, SourceFile } from '../src/main/core/store/schema'
import { ClippingSearchIndex } from '../src/main/core/search/clipping-search-index'
import { foldQuery, foldText, wordsOf } from '../src/main/core/search/folding'
import { parseQuery } from '../src/main/core/search/query'
import type { Doc } from './search-corpus'

export interface Engine {
  name: string
  build(sources: SourceFile[], docs: Doc[]): void
  serialize(): string
  load(saved: string): void
  /** Ids, best first. */
  search(query: string): string[]
}

export function ours(): Engine {
  let index = new ClippingSearchIndex()
  return {
    name: 'ours (inverted index)',
    build(sources) {
      for (const file of sources) index.updateSource(file.id, file, file.entry as SourceEntry)
    },
    serialize: () => JSON.stringify(index.serialize()),
    load(saved) {
      index = new ClippingSearchIndex()
      index.restore(JSON.parse(saved))
    },
    search: (query) => index.search(parseQuery(query)).map((hit) => hit.id),
  }
}

const fold = (term: string): string => term.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase()
const miniOptions: Options<Doc> = {
  fields: ['exact', 'note', 'tags', 'title'],
  processTerm: (term: string) => fold(term) || null,
  searchOptions: {
    boost: { exact: 2, tags: 1.5 },
    prefix: true,
    fuzzy: (term: string) => (term.length > 4 ? 0.2 : false),
    combineWith: 'AND',
  },
}

/** The old ClippingSearch's configuration, quotes stripped from the query as MiniSearch does. */
export function miniSearch(): Engine {
  let index = new MiniSearch<Doc>(miniOptions)
  return {
    name: 'MiniSearch (old approach)',
    build(_sources, docs) {
      index.addAll(docs)
    },
    serialize: () => JSON.stringify(index),
    load(saved) {
      index = MiniSearch.loadJSON<Doc>(saved, miniOptions)
    },
    search: (query) => index.search(query).map((result) => String(result.id)),
  }
}

export function flexSearch(): Engine {
  type FlexDoc = Doc & Record<string, string>
  const make = (): Document<FlexDoc> =>
    new Document<FlexDoc>({
      tokenize: 'forward',
      cache: false,
      document: { id: 'id', index: ['exact', 'note', 'tags', 'title'] },
    })
  let index = make()
  return {
    name: 'FlexSearch Document',
    build(_sources, docs) {
      for (const doc of docs) index.add(doc as FlexDoc)
    },
    serialize() {
      const parts: Record<string, string> = {}
      void index.export((key: string | number, data: string) => {
        parts[String(key)] = data
      })
      return JSON.stringify(parts)
    },
    load(saved) {
      index = make()
      for (const [key, data] of Object.entries(JSON.parse(saved) as Record<string, string>)) {
        index.import(key, data)
      }
    },
    search(query) {
      const fields = index.search(query.replaceAll('"', ''), { limit: 200_000 }) as unknown as {
        result: (string | number)[]
      }[]
      return [...new Set(fields.flatMap((field) => field.result.map(String)))]
    },
  }
}

/** Every clipping's folded text, each query word (or phrase) looked for with `includes`. */
export function scan(): Engine {
  let ids: string[] = []
  let texts: string[] = []
  return {
    name: 'folded includes scan',
    build(_sources, docs) {
      ids = docs.map((doc) => doc.id)
      texts = docs.map((doc) =>
        foldText([doc.exact, doc.note, doc.tags, doc.title].join('\n').normalize('NFC')),
      )
    },
    serialize: () => JSON.stringify([ids, texts]),
    load(saved) {
      ;[ids, texts] = JSON.parse(saved) as [string[], string[]]
    },
    search(query) {
      const phrase = query.startsWith('"')
      const folded = foldQuery(query.replaceAll('"', ''))
      const needles = phrase ? [wordsOf(folded).join(' ')] : wordsOf(folded)
      const found: string[] = []
      for (let i = 0; i < texts.length; i++) {
        const text = texts[i] as string
        if (needles.every((needle) => text.includes(needle))) found.push(ids[i] as string)
      }
      return found
    },
  }
}
