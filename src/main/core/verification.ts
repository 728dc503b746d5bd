import type { CitationCheck, CitationData, CitationState } from '../../shared/essay'
import { normalizeLineEndings } from '../../shared/line-endings'
import { CommonplaceError } from './errors'
import { referenceSourceOf, type ReferenceSource } from './export/references'
import { anchorInNewest, once } from './clipping-views'
import { PassageStore, type Passage } from './export/passage-store'
import { fragmentText, textDirective, type FragmentText } from './export/text-fragment'
import type { Frozen } from './store/json-store-file'
import type { NotebookStore } from './store/notebook-store'
import type { SourceEntry, SourceFile } from './store/schema'

/** What the checks of one export share: each source's file and details, read once. */
export interface CheckRun {
  sourceFile(sourceId: string): Promise<Frozen<SourceFile> | null>
  entry(sourceId: string): Promise<Frozen<SourceEntry> | undefined>
}

/** A check, plus what the exporter needs to point at the passage. */
export interface VerifiedCitation extends Omit<CitationCheck, 'essayId'> {
  source: ReferenceSource
  /** "#:~:text=…" pointing at the passage; only for a verified quote. */
  fragment?: string
}

/** Directives are a few hundred bytes: 50,000 of them stay small. */
const MAX_FRAGMENTS = 50_000
/** Lowercased copies of texts, kept while consecutive citations share a source. */
const MAX_FRAGMENT_TEXTS = 8

const MESSAGES: Record<CitationState, string> = {
  verified: 'The quote matches the updated source, at the same place.',
  moved: 'The quote is in the updated source, at another place.',
  changed: 'The updated source words this passage differently.',
  missing: 'The updated source no longer has this passage (the old version still does).',
  kept: 'Kept as clipped: the writer chose this wording over the updated source’s.',
  unreadable: 'The saved citation cannot be read.',
  waiting:
    'It was clipped on another device, and sync has not brought it here yet; the quote can be checked once it arrives.',
}

/**
 * Checks a citation's snapshot against the source text at its clipping's selectors: the one check
 * behind the export gate, "Verify all" and `commonplace verify`.
 */
export class CitationVerifier {
  /** Each passage's directive, computed once: a version's text never changes (its hash names it). */
  private readonly fragments = new Map<string, string>()
  /** Clipped passages' words and fragments, by version hash and offsets, kept on disk. */
  private readonly passages: PassageStore
  /** The last few texts, lowercased for the directive search. */
  private readonly fragmentTexts = new Map<string, FragmentText>()

  constructor(
    private readonly store: NotebookStore,
    /** Whether sync has told of this clipping, made on another device, before bringing it here. */
    private readonly isWaiting: (clippingId: string) => boolean = () => false,
  ) {
    this.passages = new PassageStore(store.dataDir)
  }

  /** The text directive for [start, end) of the version `hash`, from the cache when it has it. */
  fragmentFor(hash: string, text: string, start: number, end: number): string {
    const key = `${hash}:${start}:${end}`
    const cached = this.fragments.get(key)
    if (cached !== undefined) return cached
    let prepared = this.fragmentTexts.get(hash)
    if (!prepared) {
      prepared = fragmentText(text)
      this.fragmentTexts.set(hash, prepared)
      if (this.fragmentTexts.size > MAX_FRAGMENT_TEXTS) {
        this.fragmentTexts.delete(this.fragmentTexts.keys().next().value as string)
      }
    }
    const fragment = textDirective(prepared, start, end)
    if (this.fragments.size >= MAX_FRAGMENTS) this.fragments.clear()
    this.fragments.set(key, fragment)
    return fragment
  }

  /**
   * The words at [start, end) of a version (line endings as the export writes them) and the text
   * fragment pointing at them: read from the version's text once, then kept, since a version's
   * text never changes. A warm export reads no text at all.
   */
  private async passageAt(hash: string, start: number, end: number): Promise<Passage | null> {
    const kept = await this.passages.get(hash, start, end)
    if (kept) return kept
    const text = await this.textOrNull(hash)
    if (text === null) return null
    const passage = {
      current: normalizeLineEndings(text.slice(start, end)),
      fragment: this.fragmentFor(hash, text, start, end),
    }
    await this.passages.set(hash, start, end, passage)
    return passage
  }

  /** Saves the passages worked out since the last call (after an export or a verification). */
  async savePassages(): Promise<void> {
    await this.passages.save()
  }

  /**
   * One check. Checking many (an export, "Verify all")? Pass one {@link CheckRun} to them all, so
   * each source's file and details are looked up once, not once per citation.
   */
  async check(citation: CitationData, run: CheckRun = this.run()): Promise<VerifiedCitation> {
    // Line endings are compared, and the quote shown, as the export writes them: "\n" only.
    const quote = normalizeLineEndings(citation.snapshot.exact)
    const base = { clippingId: citation.clippingId, sourceId: citation.sourceId, quote }
    const file = await run.sourceFile(citation.sourceId)
    const source = await this.referenceSource(citation, file, run)
    const clipping = file?.clippings.find((candidate) => candidate.id === citation.clippingId)
    if (!clipping && this.isWaiting(citation.clippingId)) {
      return { ...base, source, state: 'waiting', message: MESSAGES.waiting }
    }
    if (!file || !clipping || clipping.deletedAt) {
      const what = !file ? 'Its source is no longer in the library' : 'Its clipping was deleted'
      return { ...base, source, state: 'missing', message: `${what}; the quote cannot be checked.` }
    }
    const version = file.versions.find((candidate) => candidate.hash === clipping.versionHash)
    if (!version) {
      return {
        ...base,
        source,
        state: 'missing',
        message: 'The source version it was clipped from is gone.',
      }
    }
    const { start, end } = clipping.target[1]
    const passage = await this.passageAt(version.hash, start, end)
    if (passage === null) {
      return {
        ...base,
        source,
        state: 'missing',
        message: 'The text of the source version it was clipped from cannot be read.',
      }
    }
    const current = passage.current
    if (current !== quote) {
      return {
        ...base,
        source,
        state: 'changed',
        current,
        message: 'The quote in the essay differs from the source text at the clipped passage.',
      }
    }
    const newest = file.versions[file.versions.length - 1] ?? version
    if (newest.hash === version.hash) {
      return {
        ...base,
        source,
        state: 'verified',
        message: 'The quote matches its source.',
        versionHash: newest.hash,
        fragment: passage.fragment,
      }
    }
    // The source was updated since: where is the passage in its newest version?
    const newestText = once(async () => (await this.textOrNull(newest.hash)) ?? '')
    const anchor = await anchorInNewest(clipping, newest.hash, newestText)
    const checked = { ...base, source, versionHash: newest.hash }
    if (anchor.state === 'missing') {
      return { ...checked, state: 'missing', message: MESSAGES.missing }
    }
    if (anchor.state === 'changed') {
      const kept = citation.keptWording?.versionHash === newest.hash
      return {
        ...checked,
        state: kept ? 'kept' : 'changed',
        current: anchor.exact,
        message: kept ? MESSAGES.kept : MESSAGES.changed,
      }
    }
    return {
      ...checked,
      state: anchor.state,
      message: MESSAGES[anchor.state],
      fragment: this.fragmentFor(newest.hash, await newestText(), anchor.start, anchor.end),
    }
  }

  /** Lookups shared by the checks of one export or verification, and dropped after it. */
  run(): CheckRun {
    const files = new Map<string, Promise<Frozen<SourceFile> | null>>()
    let entries: Promise<Map<string, Frozen<SourceEntry>>> | null = null
    return {
      sourceFile: (sourceId) => {
        let file = files.get(sourceId)
        if (!file) {
          file = this.sourceFileOrNull(sourceId)
          files.set(sourceId, file)
        }
        return file
      },
      entry: async (sourceId) => {
        entries ??= this.store
          .sources()
          .then((sources) => new Map(sources.map((entry) => [entry.id, entry])))
        return (await entries).get(sourceId)
      },
    }
  }

  private async sourceFileOrNull(sourceId: string): Promise<Frozen<SourceFile> | null> {
    try {
      return await this.store.sourceFile(sourceId)
    } catch (error) {
      if (error instanceof CommonplaceError) return null
      throw error
    }
  }

  private async textOrNull(hash: string): Promise<string | null> {
    try {
      return (await this.store.text(hash)).text
    } catch (error) {
      if (error instanceof CommonplaceError) return null
      throw error
    }
  }

  private async referenceSource(
    citation: CitationData,
    file: Frozen<SourceFile> | null,
    run: CheckRun,
  ): Promise<ReferenceSource> {
    const entry = file ? await run.entry(citation.sourceId) : undefined
    if (!entry) {
      const { exact: _exact, ...snapshot } = citation.snapshot
      return { id: citation.sourceId, ...snapshot }
    }
    return referenceSourceOf(entry)
  }
}
