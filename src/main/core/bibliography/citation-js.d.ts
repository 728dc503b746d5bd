// The little of citation-js that Commonplace calls (the packages ship no types): parse input of a
// named format into CSL-JSON items. The plugins register their formats on core when loaded.
declare module '@citation-js/core' {
  export interface ChainOptions {
    /** The input format, e.g. '@biblatex/text', '@ris/file', '@csl/object'. */
    forceType?: string
    generateGraph?: boolean
    strict?: boolean
  }
  export const plugins: {
    input: {
      chain(input: unknown, options?: ChainOptions): Record<string, unknown>[]
    }
  }
  export const logger: { _log: unknown[] }
}

declare module '@citation-js/plugin-bibtex'
declare module '@citation-js/plugin-ris'
