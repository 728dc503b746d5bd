// What the two typing diagnoses share (editor-trace.ts, key-timeline.ts): an essay of n citation
// blocks opened in the harness with the caret at the end of a paragraph (halfway in), keys typed at
// the editor bench's pace, and a Chromium trace taken while they are typed.
import type { CDPSession, Page } from '@playwright/test'
import { clickParagraph, KEY_INTERVAL_MS, openEssayOfCitations } from './editor-typing'

export interface TraceEvent {
  name: string
  ph: string
  pid: number
  tid: number
  ts: number
  dur?: number
  /** The thread's own CPU time in the event (dur is wall time, which a busy machine inflates). */
  tdur?: number
  args?: {
    name?: string
    elementCount?: number
    data?: Record<string, unknown>
    beginData?: { dirtyObjects?: number; totalObjects?: number }
  }
}

export interface TypingSession {
  page: Page
  /** Types `n` keys, each after the typist's pause. */
  typeKeys(n: number): Promise<void>
  close(): Promise<void>
}

/** The essay open, its caret at the end of the writer's paragraph `paragraph` (else halfway in). */
export async function openEssayForTyping(
  citations: number,
  headed: boolean,
  paragraph?: number,
): Promise<TypingSession> {
  const essay = await openEssayOfCitations(citations, headed)
  try {
    const { page } = essay.app
    await clickParagraph(page, paragraph ?? Math.round(citations / 2))
    await page.keyboard.press('End')
    return {
      page,
      // Into a page idle between keys, as the editor bench types (see typeSlowly there).
      async typeKeys(n) {
        for (let i = 0; i < n; i++) {
          await page.keyboard.type('x')
          await new Promise((resolve) => setTimeout(resolve, KEY_INTERVAL_MS))
        }
      },
      close: () => essay.close(),
    }
  } catch (error) {
    await essay.close()
    throw error
  }
}

/** Every trace event of the given categories recorded while `during` runs. */
export async function collectTrace(
  cdp: CDPSession,
  categories: string[],
  during: () => Promise<void>,
): Promise<TraceEvent[]> {
  const events: TraceEvent[] = []
  cdp.on('Tracing.dataCollected', ({ value }) => events.push(...(value as unknown as TraceEvent[])))
  const done = new Promise<void>((resolve) => cdp.once('Tracing.tracingComplete', () => resolve()))
  await cdp.send('Tracing.start', {
    transferMode: 'ReportEvents',
    traceConfig: { includedCategories: categories },
  })
  await during()
  await cdp.send('Tracing.end')
  await done
  return events
}

/** The events of the thread Chromium named `name` (the first such, in any process). */
export function onThread(events: TraceEvent[], name: string): TraceEvent[] {
  const thread = events.find(
    (event) => event.ph === 'M' && event.name === 'thread_name' && event.args?.name === name,
  )
  if (!thread) throw new Error(`The trace has no ${name} thread.`)
  return events.filter((event) => event.pid === thread.pid && event.tid === thread.tid)
}
