// `npx tsx bench/editor-trace.ts [citations] [keys] [headed]`: where one keystroke's main-thread
// time goes in an essay of n citation blocks. Types keys one at a time under a Chromium trace
// (devtools.timeline) and prints the renderer main thread's time per key by trace event (style,
// layout, pre-paint, paint, script…) and how many elements each style recalc touched.
// TRACE_PARAGRAPH=n types at the end of the writer's paragraph n instead of the middle one.
// A diagnosis tool beside the editor bench, not a figure of it.
import { collectTrace, onThread, openEssayForTyping, type TraceEvent } from './typing-trace'

const WARMUP = 10

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
      stack[stack.length - 1]!.ts + (stack[stack.length - 1]!.dur ?? 0) <= event.ts
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
  const paragraph = process.env.TRACE_PARAGRAPH ? Number(process.env.TRACE_PARAGRAPH) : undefined
  const session = await openEssayForTyping(citations, process.argv[4] === 'headed', paragraph)
  try {
    const { page } = session
    // Experiments without rebuilding: TRACE_CSS, a stylesheet to add to the page; TRACE_JS, a
    // script to run in it once the essay is open (say, to take the hidden blocks' content out).
    if (process.env.TRACE_CSS) await page.addStyleTag({ content: process.env.TRACE_CSS })
    if (process.env.TRACE_JS) await page.evaluate(process.env.TRACE_JS)
    await session.typeKeys(WARMUP)
    const cdp = await page.context().newCDPSession(page)
    const events = await collectTrace(
      cdp,
      ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'blink', 'v8.execute'],
      () => session.typeKeys(keys),
    )
    const onMain = onThread(events, 'CrRendererMain')
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
    const calls = new Map<string, number>()
    for (const event of onMain) {
      if (event.ph === 'X') calls.set(event.name, (calls.get(event.name) ?? 0) + 1)
    }
    console.log('self time per key on the renderer main thread, ms: wall / thread CPU; calls a key')
    for (const [name, perKey] of rows) {
      const cpuPerKey = (cpu.get(name) ?? 0) / 1000 / keys
      const callsPerKey = (calls.get(name) ?? 0) / keys
      console.log(
        `  ${perKey.toFixed(2).padStart(7)} ${cpuPerKey.toFixed(2).padStart(7)} ${callsPerKey.toFixed(1).padStart(6)}  ${name}`,
      )
    }
    // Chromium's Layout event says how many layout objects were dirty of how many in all.
    const layouts = onMain
      .filter((e) => e.name === 'Layout' && e.ph === 'X')
      .map((e) => {
        const begin = e.args?.beginData
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
  } finally {
    await session.close()
  }
}

main().catch((error: unknown) => {
  console.error(error)
  process.exit(1)
})
