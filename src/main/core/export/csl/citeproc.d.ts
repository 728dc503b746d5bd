// The part of citeproc-js (CommonJS, untyped) that Commonplace uses.
declare module 'citeproc' {
  interface CitationItem {
    id: string
    locator?: string
    label?: string
    suffix?: string
  }
  interface Citation {
    citationID: string
    citationItems: CitationItem[]
    properties: { noteIndex: number }
  }
  interface Sys {
    retrieveLocale(lang: string): string
    retrieveItem(id: string): Record<string, unknown>
  }
  interface Engine {
    rebuildProcessorState(citations: Citation[], mode?: string): [string, number, string][]
    updateItems(ids: string[]): void
    makeBibliography(): [{ bibliography_errors: unknown[] }, string[]] | false
  }
  const CSL: {
    Engine: new (sys: Sys, style: string, lang?: string, forceLang?: boolean) => Engine
  }
  export default CSL
}
