// Document → store for essays' records (title, dates, deletion); their text syncs in a document
// of its own (essays over Yjs). A new essay starts empty here until that document fills it.
import { emptyEditorState } from '../../../../shared/essay'
import type { NotebookStore } from '../../store/notebook-store'
import { SCHEMA_VERSION, type EssayEntry, type LibraryFile } from '../../store/schema'
import { applyFields, changedKeys, formOf, parseForm, type CatalogMaps, type Form } from './forms'
import { effectiveEssay } from './conflicts'
import { ESSAY_SKIP, type Shadow } from './store-to-doc'

/** What the document's essay records changed in the store. */
export interface EssaysApplied {
  essays: string[]
  /** Deleted on another device, but written in here or elsewhere meanwhile: kept (conflicts.ts). */
  restoredBecauseEdited: string[]
}

/** Writes these essays' records from the document; a new essay starts empty (its text syncs apart). */
export async function essaysToStore(
  store: NotebookStore,
  maps: CatalogMaps,
  shadow: Shadow,
  ids: Iterable<string>,
): Promise<EssaysApplied> {
  const forms = new Map<string, Form>()
  const restored = new Set<string>()
  for (const id of ids) {
    const map = maps.essays.get(id)
    if (!map) continue
    const { form, restoredBecauseEdited } = effectiveEssay(map)
    forms.set(id, form)
    if (restoredBecauseEdited) restored.add(id)
  }
  const changed: string[] = []
  const listed = new Set((await store.essays()).map(({ id }) => id))
  await store.write(async (tx) => {
    for (const [id, form] of forms) {
      const library = (): Promise<LibraryFile> => tx.library()
      if (!listed.has(id)) {
        const entry = { id, ...parseForm(form) } as unknown as EssayEntry
        tx.createEssay({
          schemaVersion: SCHEMA_VERSION,
          id,
          entry,
          editorState: emptyEditorState(),
        })
        ;(await library()).essays.push({ ...entry })
        changed.push(id)
        continue
      }
      const file = await tx.essay(id)
      const keys = changedKeys(form, shadow.get(`e:${id}`) ?? formOf(file.entry, ESSAY_SKIP))
      if (keys.length === 0) {
        tx.essays.delete(id)
        continue
      }
      applyFields(file.entry as unknown as Record<string, unknown>, form, keys)
      const essays = (await library()).essays
      essays[essays.findIndex((entry) => entry.id === id)] = { ...file.entry }
      changed.push(id)
    }
  })
  for (const [id, form] of forms) shadow.set(`e:${id}`, form)
  // Announced only where the store was about to delete it: the writer's own device never had it
  // deleted, and a later pass over the same record changes nothing.
  return { essays: changed, restoredBecauseEdited: changed.filter((id) => restored.has(id)) }
}
