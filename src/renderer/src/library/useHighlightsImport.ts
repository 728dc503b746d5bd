import { useState } from 'react'
import { describeHighlightsImport } from '../../../shared/highlights'
import { call } from '../api'
import { useNotify } from '../ui/notices'

/**
 * File > Import highlights…: main asks for the file and imports it; the notice says what came of
 * it ("12 highlights imported: 10 verified, 1 changed, 1 missing; 1 conflict kept"), each refused
 * record is an error naming the file, and `afterImport` refreshes the lists and the open source.
 */
export function useHighlightsImport(afterImport: () => Promise<void>): () => Promise<void> {
  const notify = useNotify()
  const [busy, setBusy] = useState(false)
  return async () => {
    if (busy) return
    setBusy(true)
    const result = await call((api) => api.importHighlights())
    setBusy(false)
    if (!result.ok) return notify.error(result.error.message)
    const report = result.value
    if (!report) return
    for (const refused of report.refused) {
      notify.error(`${report.fileName}, ${refused.where}: ${refused.message}`)
    }
    await afterImport()
    const created = report.sourcesCreated.length
    notify.info(
      describeHighlightsImport(report) +
        (created > 0
          ? `. ${created} new source${created === 1 ? '' : 's'} of highlights only: import the page itself to anchor them.`
          : ''),
    )
  }
}
