// `npx tsx bench/editor-trace.ts [citations] [keys] [headed]`: where one keystroke's main-thread
// time goes in an essay of n citation blocks. Types keys one at a time under a Chromium trace
// (devtools.timeline) and prints the renderer main thread's time per key by trace event (style,
// layout, pre-paint, paint, script…) and how many elements each style recalc touched.
// A diagnosis tool beside the editor bench, not a figure of it.
import { chromium, type CDPSession } from '@playwright/test'
import { openCommonplace } from '../src/main/core/commonplace'
import { chromiumArgs, findChromium } from '../e2e/environment'
import { startHarness } from '../e2e/harness'
import { clickParagraph, KEY_INTERVAL_MS } from './editor-typing'
import { seedEssayWithCitations } from './essay-seed'

interface TraceEvent {
  name: string
  ph: string
  pid: number
  tid: number
  ts: number
  dur?: number
  /** The thread's own CPU time in the event (dur is wall time, which a busy machine inflates). */
  tdur?: number
  args?: { name?: string; elementCount?: number; data?: Record<string, unknown> }
}

const WARMUP = 10

async function collectTrace(cdp: CDPSession, during: () => Promise<void>): Promise<TraceEvent[]> {
  const events: TraceEvent[] = []
  cdp.on('Tracing.dataCollected', ({ value }) => events.push(...(value as unknown as TraceEvent[])))
  const done = new Promise<void>((resolve) => cdp.once('Tracing.tracingComplete', () => resolve()))
  await cdp.send('Tracing.start', {
    transferMode: 'ReportEvents',
    traceConfig: {
      includedCategories: [
        'devtools.timeline',
        'disabled-by-default-devtools.timeline',
        'blink',
        'v8.execute',
      ],
    },
  })
  await during()
  await cdp.send('Tracing.end')
  await done
  return events
}

/** Self time per event name (a child's time is not counted in its parent) on one thread. */
function selfTimes(events: TraceEvent[]): Map<string, number> {
  const complete = events
    .filter((event) => event.ph === 'X' && event.dur !== undefined)
    .sort((a, b) => a.ts - b.ts || (b.dur ?? 0) - (a.dur ?? 0))
  const totals = new Map<string, number>()
  const stack: TraceEvent[] = []
  for (const event of complete) {
    while (
      stack.length &&
      stack[stack.length - 1].ts + (stack[stack.length - 1].dur ?? 0) <= event.ts
    )
      stack.pop()
    const parent = stack[stack.length - 1]
    if (parent) totals.set(parent.name, (totals.get(parent.name) ?? 0) - (event.dur ?? 0))
    totals.set(event.name, (totals.get(event.name) ?? 0) + (event.dur ?? 0))
    stack.push(event)
  }
  return totals
}

async function main(): Promise<void> {
  const citations = Number(process.argv[2] ?? 1000)
  const keys = Number(process.argv[3] ?? 30)
  const browser = await chromium.launch({
    executablePath: findChromium(),
    args: chromiumArgs,
    headless: process.argv[4] !== 'headed',
  })
  try {
    const app = await startHarness(browser)
    await seedEssayWithCitations(await openCommonplace(app.dataDir), citations)
    const { page } = app
    await app.restart()
    await page.getByRole('button', { name: 'Essays' }).click()
    await page.waitForFunction(
      (count) => document.querySelectorAll('[aria-label="Essay"] figure').length >= count,
      citations,
      { timeout: 60_000 },
    )
    // TRACE_CSS: a stylesheet to try on the page (an experiment without rebuilding).
    if (process.env.TRACE_CSS) await page.addStyleTag({ content: process.env.TRACE_CSS })
    await clickParagraph(page, Math.round(citations / 2))
    await page.keyboard.press('End')
    // At the typing bench's pace, into a page idle between keys (see typeSlowly there).
    const typeKeys = async (n: number): Promise<void> => {
      for (let i = 0; i < n; i++) {
        await page.keyboard.type('x')
        await new Promise((resolve) => setTimeout(resolve, KEY_INTERVAL_MS))
      }
    }
    await typeKeys(WARMUP)
    const cdp = await page.context().newCDPSession(page)
    const events = await collectTrace(cdp, () => typeKeys(keys))
    const threadNames = events.filter((e) => e.ph === 'M' && e.name === 'thread_name')
    const main = threadNames.find((e) => e.args?.name === 'CrRendererMain')
    if (!main) throw new Error('The trace has no renderer main thread.')
    const onMain = events.filter((e) => e.pid === main.pid && e.tid === main.tid)
    const totals = selfTimes(onMain)
    const cpu = selfTimes(
      onMain
        .map((e) => ({ ...e, dur: e.tdur ?? e.dur }))
        .filter((e) => e.tdur !== undefined || e.ph !== 'X'),
    )
    const rows = [...totals.entries()]
      .map(([name, us]) => [name, us / 1000 / keys] as const)
      .filter(([, perKey]) => perKey >= 0.05)
      .sort((a, b) => b[1] - a[1])
    console.log(`${citations} citations, ${keys} keys traced (${WARMUP} warm-up keys before)`)
    const tasks = onMain.filter((e) => e.name === 'RunTask' && e.ph === 'X')
    const busy = selfTimes(tasks).get('RunTask') ?? 0
    console.log(`main thread busy per key (tasks): ${(busy / 1000 / keys).toFixed(2)} ms`)
    console.log('self time per key on the renderer main thread, ms: wall / thread CPU')
    for (const [name, perKey] of rows) {
      const cpuPerKey = (cpu.get(name) ?? 0) / 1000 / keys
      console.log(`  ${perKey.toFixed(2).padStart(7)} ${cpuPerKey.toFixed(2).padStart(7)}  ${name}`)
    }
    // Chromium's Layout event says how many layout objects were dirty of how many in all.
    const layouts = onMain
      .filter((e) => e.name === 'Layout' && e.ph === 'X')
      .map((e) => {
        const begin = (e.args as { beginData?: { dirtyObjects?: number; totalObjects?: number } })
          .beginData
        return `${begin?.dirtyObjects ?? '?'}/${begin?.totalObjects ?? '?'}`
      })
    console.log(
      `layouts: ${layouts.length}, dirty/total objects: ${layouts.slice(0, 12).join(' ')}`,
    )
    const recalcs = onMain.filter((e) => e.name === 'UpdateLayoutTree' && e.ph === 'X')
    const counts = recalcs.map((e) => e.args?.elementCount ?? 0).filter((n) => n > 0)
    console.log(
      `style recalcs: ${recalcs.length}, elements per recalc: ${counts.sort((a, b) => a - b).join(' ')}`,
    )
    await app.close()
  } finally {
    await browser.close()
  }
}

main().catch((error: unknown) => {
  console.error(error)
  process.exit(1)
})
