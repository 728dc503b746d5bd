// The names of the Yjs documents one notebook is made of, as the sync server knows them. One
// server holds many notebooks: every name starts with the notebook's name, which is also what its
// token is checked against.

/** A notebook's name on a server: what `sync --notebook` and Settings > Sync call it. */
export const NOTEBOOK_NAME_PATTERN = /^[a-z0-9][a-z0-9-]{0,62}$/

export function isNotebookName(name: string): boolean {
  return NOTEBOOK_NAME_PATTERN.test(name)
}

/** Sources, versions' texts, clippings and the essays' titles and dates: one document. */
export function catalogDocName(notebook: string): string {
  return `${notebook}/catalog`
}

/** One essay's Lexical content, as `@lexical/yjs` shares it: a document per essay. */
export function essayDocName(notebook: string, essayId: string): string {
  return `${notebook}/essays/${essayId}`
}

/** The notebook a document belongs to, or null when the name is not one of ours. */
export function notebookOfDoc(docName: string): string | null {
  // A split always has a first piece.
  const [notebook, kind, id, ...rest] = docName.split('/') as [string, ...string[]]
  if (rest.length > 0 || !isNotebookName(notebook)) return null
  if (kind === 'catalog' && id === undefined) return notebook
  if (kind === 'essays' && id !== undefined && /^[a-z]-[0-9a-z]{4,40}$/.test(id)) return notebook
  return null
}
