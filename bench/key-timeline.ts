// `npx tsx bench/key-timeline.ts [keys] [headed]`: where a key's time goes on its way to the
// screen, in an essay of 10 citation blocks and one of 1,000. Types keys under a Chromium trace
// and follows each from its keydown through the renderer's main thread (the key's handlers, the
// browser inserting the text, the editor's input handling, the next frame up to its commit) to the
// display compositor drawing the frame: the path Event Timing measures, to the tenth of a
// millisecond where Event Timing counts in steps of 8. A diagnosis tool, not a figure of the bench.
import { median, percentile } from './stats'
import { collectTrace, onThread, openEssayForTyping, type TraceEvent } from './typing-trace'

const WARMUP = 10
/** Event Timing reports a key as 16 ms or more from about here (it rounds to steps of 8). */
const REPORTED_FROM_MS = 12

interface KeyPath {
  /** keydown to the end of the input event: handlers, text insertion, the editor's update. */
  handled: number
  /** Of that: the browser inserting the text (its layout and selection sync included). */
  insertion: number
  /** Of that: telling the input method the selection (walks the editable from its start). */
  selectionSync: number
  /** Of `handled`: the input event's handlers (the editor reconciling). */
  inputHandlers: number
  /** From handled to the start of the next frame on the main thread. */
  waitForFrame: number
  /** That frame on the main thread: its lifecycle and paint, up to its commit. */
  frame: number
  /** From the commit to the display compositor's draw of the frame finishing. */
  toDisplay: number
  total: number
}

const during = (events: TraceEvent[], from: number, to: number): TraceEvent[] =>
  events.filter((event) => event.ph === 'X' && event.ts >= from && event.ts < to)

const end = (event: TraceEvent): number => event.ts + (event.dur ?? 0)

const totalOf = (events: TraceEvent[], name: string): number =>
  events.filter((event) => event.name === name).reduce((sum, event) => sum + (event.dur ?? 0), 0)

/** Follows each keydown on the main thread to the frame that shows it; microseconds in. */
function keyPaths(main: TraceEvent[], all: TraceEvent[]): KeyPath[] {
  const dispatches = main.filter((event) => event.ph === 'X' && event.name === 'EventDispatch')
  const typeOf = (event: TraceEvent): unknown => event.args?.data?.type
  const keydowns = dispatches.filter((event) => typeOf(event) === 'keydown')
  const frames = main.filter((e) => e.ph === 'X' && e.name === 'ProxyMain::BeginMainFrame')
  const commits = main.filter((e) => e.ph === 'X' && e.name === 'Commit')
  // Whichever process draws (the GPU process, or the browser's when there is none).
  const draws = all
    .filter((e) => e.ph === 'X' && e.name === 'Display::DrawAndSwap')
    .sort((a, b) => a.ts - b.ts)
  const paths: KeyPath[] = []
  for (const keydown of keydowns) {
    const start = keydown.ts
    const input = dispatches.find((event) => typeOf(event) === 'input' && event.ts > start)
    if (!input) continue
    const handled = end(input)
    const frame = frames.find((event) => event.ts >= handled)
    // The frame's commit: the main thread goes on after it (ending the frame's bookkeeping)
    // while the compositor draws, so the draw is looked for after the commit, not the frame.
    const commit = frame && commits.find((event) => event.ts >= frame.ts && event.ts < end(frame))
    const draw = commit && draws.find((event) => event.ts >= commit.ts)
    if (!frame || !commit || !draw) continue
    const work = during(main, start, handled)
    const ms = (us: number): number => us / 1000
    paths.push({
      handled: ms(handled - start),
      insertion: ms(totalOf(work, 'TypingCommand::InsertText')),
      selectionSync: ms(
        totalOf(work, 'Editor::SyncSelection') + totalOf(work, 'GetSelectionOffsets'),
      ),
      inputHandlers: ms(input.dur ?? 0),
      waitForFrame: ms(frame.ts - handled),
      frame: ms(commit.ts - frame.ts),
      toDisplay: ms(end(draw) - commit.ts),
      total: ms(end(draw) - start),
    })
  }
  return paths
}

async function trace(citations: number, keys: number, headed: boolean): Promise<KeyPath[]> {
  const session = await openEssayForTyping(citations, headed)
  try {
    await session.typeKeys(WARMUP)
    const cdp = await session.page.context().newCDPSession(session.page)
    const events = await collectTrace(
      cdp,
      [
        'devtools.timeline',
        'disabled-by-default-devtools.timeline',
        'blink',
        'viz',
        'benchmark',
        'cc',
      ],
      () => session.typeKeys(keys),
    )
    return keyPaths(onThread(events, 'CrRendererMain'), events)
  } finally {
    await session.close()
  }
}

async function main(): Promise<void> {
  const keys = Number(process.argv[2] ?? 40)
  const headed = process.argv[3] === 'headed'
  const essays = [10, 1000]
  const results = []
  for (const citations of essays) results.push(await trace(citations, keys, headed))
  const rows: [string, keyof KeyPath][] = [
    ['keydown to input handled', 'handled'],
    ['  text insertion', 'insertion'],
    ['    selection sync', 'selectionSync'],
    ['  input handlers', 'inputHandlers'],
    ['wait for the frame', 'waitForFrame'],
    ['frame, to its commit', 'frame'],
    ['commit to display', 'toDisplay'],
    ['keydown to display', 'total'],
  ]
  console.log(`${headed ? 'headed' : 'headless'}, ${keys} keys after ${WARMUP} warm-up keys`)
  console.log(`ms, median / p95${essays.map((n) => `    ${n} citations`).join('')}`)
  for (const [label, key] of rows) {
    const cells = results.map((paths) => {
      const values = paths.map((path) => path[key])
      return `${median(values).toFixed(2)} / ${percentile(values, 95).toFixed(2)}`.padStart(17)
    })
    console.log(`${label.padEnd(28)}${cells.join('')}`)
  }
  const shares = results.map((paths) => {
    const slow = paths.filter((path) => path.total >= REPORTED_FROM_MS).length
    return `${slow} of ${paths.length}`.padStart(17)
  })
  console.log(`${`keys at ${REPORTED_FROM_MS} ms or more`.padEnd(28)}${shares.join('')}`)
}

main().catch((error: unknown) => {
  console.error(error)
  process.exit(1)
})
