// The writer's two answers to a clipping whose passage the newest version of its source words
// differently. Each changes the clipping and every citation of it in the same transaction, so an
// essay never quotes other words than its clipping.
import { selectorsAt, type Clipping } from '../../shared/domain'
import { reanchor } from './anchoring'
import type { EssaysService } from './essays'
import { CommonplaceError } from './errors'
import type { SourceFile } from './store/schema'
import type { Transaction } from './store/transaction'

type Version = SourceFile['versions'][number]

/**
 * Accept the updated source's wording: the clipping now points into the newest version (whole
 * words, as re-anchoring found them), and its citations quote the new wording. The old version stays.
 */
export async function acceptNewWording(
  tx: Transaction,
  clipping: Clipping,
  newest: Version,
  essays: EssaysService,
  now: Date,
): Promise<void> {
  const { text } = await tx.text(newest.hash)
  const anchor = reanchor(clipping.target[0], clipping.target[1], text)
  if (anchor.state === 'missing') {
    throw new CommonplaceError(
      'invalid-argument',
      'The updated source no longer has this passage: there is no new wording to accept.',
    )
  }
  clipping.versionHash = newest.hash
  clipping.target = selectorsAt(text, anchor.start, anchor.end)
  delete clipping.reanchored
  delete clipping.keptWording
  clipping.updatedAt = now.toISOString()
  await essays.updateQuoteIn(tx, clipping.id, anchor.exact)
}

/** Keep the wording clipped from an older version: recorded for the newest version only. */
export async function keepOldWording(
  tx: Transaction,
  clipping: Clipping,
  newest: Version,
  essays: EssaysService,
  now: Date,
): Promise<void> {
  if (clipping.versionHash === newest.hash) {
    // An imported highlight's own words are in no version of this source: no quote could verify them.
    throw new CommonplaceError(
      'invalid-argument',
      "This highlight's own wording is not in any version of its source, so it cannot be kept: accept the source's wording, or delete the clipping.",
    )
  }
  const decision = { versionHash: newest.hash, keptAt: now.toISOString() }
  clipping.keptWording = decision
  clipping.updatedAt = decision.keptAt
  await essays.keepWordingIn(tx, clipping.id, decision)
}
