import MiniSearch from 'minisearch'
import type { Clipping } from '../../shared/domain'
import type { Frozen } from './store/json-store-file'

interface IndexedClipping {
  id: string
  exact: string
  note: string
  tags: string
  sourceTitle: string
}

/** Folds case and accents so "Anora" finds "anora" and "cafe" finds "café". */
function fold(term: string): string {
  return term.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase()
}

/**
 * Full-text index of clippings: quote, note, tags and source title, with prefix and typo-tolerant
 * matching, kept up to date one clipping at a time.
 */
export class ClippingSearch {
  private readonly index = new MiniSearch<IndexedClipping>({
    fields: ['exact', 'note', 'tags', 'sourceTitle'],
    processTerm: (term) => fold(term) || null,
    searchOptions: {
      boost: { exact: 2, tags: 1.5 },
      prefix: true,
      fuzzy: (term) => (term.length > 4 ? 0.2 : false),
      combineWith: 'AND',
    },
  })

  clear(): void {
    this.index.removeAll()
  }

  put(clipping: Frozen<Clipping>, sourceTitle: string): void {
    const document = {
      id: clipping.id,
      exact: clipping.target[0].exact,
      note: clipping.note,
      tags: clipping.tags.join(' '),
      sourceTitle,
    }
    if (this.index.has(clipping.id)) this.index.replace(document)
    else this.index.add(document)
  }

  remove(id: string): void {
    if (this.index.has(id)) this.index.discard(id)
  }

  /** Ids of matching clippings, best match first. */
  search(query: string): string[] {
    return this.index.search(query).map((result) => String(result.id))
  }
}
