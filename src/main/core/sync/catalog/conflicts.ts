// What a record in the catalog document means once concurrent edits have merged. Yjs merges each
// field on its own: two devices setting the same field concurrently end with one of the two values
// (last writer wins, the same one everywhere). That is the rule for a note edited on two devices,
// a title, tags. Two cases would lose a user's work under that rule alone, so they are resolved
// here, from the document only, so that every device computes the same end state:
//
// 1. A clipping deleted on one device and edited (note or tags) on another. The deleting device
//    records the note and tags it deleted (`deletedNote`, `deletedTags`). When a merged clipping
//    is deleted but its note or tags differ from those, someone edited what the deleter never
//    saw: the clipping counts as not deleted (restored), and the sync announces it in its change
//    (`restoredBecauseEdited`), so the app can say so.
// 2. A source deleted on one device and clipped on another. The deleting device records the live
//    clippings it deleted with the source (`deletedClippings`). When a live clipping of a deleted
//    source is not among them, someone clipped what the deleter never saw: the source is restored.
// 3. An essay deleted on one device and written in on another. Every save of its text moves the
//    record's `updatedAt`, so the deleting device records the `updatedAt` it deleted
//    (`deletedUpdatedAt`); a deleted essay whose `updatedAt` differs from it was written in where
//    the deletion was not seen, and is restored with those words (they come in its own document).
//
// Deleting again after seeing the edit deletes for good (the new deletion records what it saw).
import type * as Y from 'yjs'
import { canonical, mapForm, type CatalogMaps, type Form } from './forms'

/** A clipping's or an essay's record as it counts once concurrent edits have merged. */
export interface EffectiveRecord {
  form: Form
  /** Deleted in the document, but edited where the deletion was not seen: counts as live. */
  restoredBecauseEdited: boolean
}

export function effectiveClipping(map: Y.Map<unknown>): EffectiveRecord {
  const form = mapForm(map)
  if (form.deletedAt === undefined || !map.has('deletedNote')) {
    return { form, restoredBecauseEdited: false }
  }
  const editedSince =
    canonical(map.get('note') ?? '') !== canonical(map.get('deletedNote')) ||
    canonical(map.get('tags') ?? []) !== canonical(map.get('deletedTags') ?? [])
  if (!editedSince) return { form, restoredBecauseEdited: false }
  const { deletedAt: _restored, ...live } = form
  return { form: live, restoredBecauseEdited: true }
}

/** A source's fields as they count, given the clippings the document holds for it. */
export function effectiveSource(
  map: Y.Map<unknown>,
  clippingIds: readonly string[],
  maps: CatalogMaps,
): { form: Form; restoredBecauseClipped: boolean } {
  const form = mapForm(map)
  const seen = map.get('deletedClippings')
  if (form.deletedAt === undefined || !Array.isArray(seen)) {
    return { form, restoredBecauseClipped: false }
  }
  const known = new Set(seen as string[])
  const unseen = clippingIds.some((id) => {
    const clipping = maps.clippings.get(id)
    return clipping && !known.has(id) && effectiveClipping(clipping).form.deletedAt === undefined
  })
  if (!unseen) return { form, restoredBecauseClipped: false }
  const { deletedAt: _restored, ...live } = form
  return { form: live, restoredBecauseClipped: true }
}

/** What a deleting device records beside a clipping's `deletedAt`. */
export function clippingDeletionSeen(
  note: string,
  tags: readonly string[],
): Record<string, unknown> {
  return { deletedNote: note, deletedTags: [...tags] }
}

/** An essay's record as it counts: deleted, unless written in where the deletion was not seen. */
export function effectiveEssay(map: Y.Map<unknown>): EffectiveRecord {
  const form = mapForm(map)
  if (form.deletedAt === undefined || !map.has('deletedUpdatedAt')) {
    return { form, restoredBecauseEdited: false }
  }
  if (canonical(map.get('updatedAt')) === canonical(map.get('deletedUpdatedAt'))) {
    return { form, restoredBecauseEdited: false }
  }
  const { deletedAt: _restored, ...live } = form
  return { form: live, restoredBecauseEdited: true }
}
