// Typing in an essay of n citation blocks, as the writer feels it: each key from keydown to the
// frame that shows it. Two views per key, taken in the page:
// - Event Timing (PerformanceObserver 'event', durationThreshold 16, the lowest Chromium allows):
//   keydown to the next paint, reported only for keys that took 16 ms or more;
// - keydown to the end of the next animation frame after it (rAF, then a message posted from
//   it, which runs once that frame is painted): a number for every key.
// A key's latency is the larger of the two (the frame view when Event Timing says "under 16").
// Keys come at a typist's pace into a page left idle between them, as a writer's do: see typeSlowly.
import { chromium, type Page } from '@playwright/test'
import { openCommonplace } from '../src/main/core/commonplace'
import { chromiumArgs, findChromium } from '../e2e/environment'
import { scrollEssayTo } from '../e2e/essay-scroll'
import { startHarness, type RunningApp } from '../e2e/harness'
import { seedEssayWithCitations } from './essay-seed'

export const RUNS = 3
export const WARMUP_KEYS = 10
export const MEASURED_KEYS = 40

export interface TypingResult {
  citations: number
  headed: boolean
  /** Per measured key: the larger of Event Timing's duration (when reported) and the frame view. */
  latencies: number[]
  /** Per measured key: keydown to the end of the next frame after it. */
  frames: number[]
  /** Event Timing durations reported (keys at or over 16 ms); the rest were faster. */
  eventTimings: number[]
  measuredKeys: number
  /**
   * The renderer's main-thread time per measured key (Chromium's Performance.getMetrics: all
   * tasks, and the script and layout parts of them): less swayed than wall time by other
   * processes on a busy machine.
   */
  mainThread: { task: number; script: number; layout: number }
}

interface KeySample {
  frame: number
  event: number | null
}

type ProbeWindow = Window & { __keys: KeySample[]; __stamps: number[] }

/** Installs the two views on the essay; keys typed afterwards are recorded in order. */
async function installProbe(page: Page): Promise<void> {
  await page.evaluate(() => {
    const probe = window as unknown as ProbeWindow
    const root = document.querySelector('[aria-label="Essay"]') as HTMLElement
    probe.__keys = []
    probe.__stamps = []
    root.addEventListener(
      'keydown',
      (event) => {
        const index = probe.__keys.length
        probe.__keys.push({ frame: Number.NaN, event: null })
        probe.__stamps.push(event.timeStamp)
        const channel = new MessageChannel()
        channel.port1.onmessage = () => {
          probe.__keys[index]!.frame = performance.now() - event.timeStamp
        }
        requestAnimationFrame(() => channel.port2.postMessage(null))
      },
      true,
    )
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) {
        if (entry.name !== 'keydown') continue
        const index = probe.__stamps.findIndex((stamp) => Math.abs(stamp - entry.startTime) < 1)
        if (index !== -1) probe.__keys[index]!.event = entry.duration
      }
    }).observe({ type: 'event', durationThreshold: 16, buffered: true } as PerformanceObserverInit)
  })
}

/** A key every 125 ms: eight a second, a quick typist's pace (about 95 words a minute). */
export const KEY_INTERVAL_MS = 125

/**
 * Types `text` one key at a time at a typist's pace, each once the last one's frame is recorded.
 * The page is watched on a timer, not with requestAnimationFrame: a rAF loop keeps the compositor
 * drawing frame after frame, so every key then lands just after a frame and waits a whole one,
 * which no writer's key does (between a writer's keys the page is idle, and a key's frame starts
 * as soon as it is ready). That wait was most of what the bench measured before, and it hid what a
 * key costs.
 */
async function typeSlowly(page: Page, text: string): Promise<void> {
  const before = await page.evaluate(() => (window as unknown as ProbeWindow).__keys.length)
  for (const [index, key] of [...text].entries()) {
    const sent = performance.now()
    await page.keyboard.type(key)
    await page.waitForFunction(
      (n) => {
        const keys = (window as unknown as ProbeWindow).__keys
        return keys.length > n && !Number.isNaN(keys[n]!.frame)
      },
      before + index,
      { polling: 20 },
    )
    const pause = KEY_INTERVAL_MS - (performance.now() - sent)
    // The typist's pause before the next key: the workload's pace, not a wait for a state.
    if (pause > 0) await new Promise((resolve) => setTimeout(resolve, pause))
  }
}

/** Clicks the writer's paragraph `n` (found by its text, scrolled into view first). */
export async function clickParagraph(page: Page, n: number): Promise<void> {
  await scrollEssayTo(page, `Paragraph ${n}:`)
  const handle = await page.evaluateHandle(
    (label) =>
      [...document.querySelectorAll('[aria-label="Essay"] p')].find((p) =>
        p.textContent?.startsWith(label),
      ) ?? null,
    `Paragraph ${n}:`,
  )
  const paragraph = handle.asElement()
  if (!paragraph) throw new Error(`The essay has no paragraph ${n}.`)
  await paragraph.scrollIntoViewIfNeeded()
  await paragraph.click()
}

const PHRASE = ' and then the writer adds a few more words here'

/** Three places in the essay to type at: a quarter, half and three quarters in. */
function paragraphsToTypeIn(citations: number): number[] {
  return [0.25, 0.5, 0.75].map((at) => Math.max(1, Math.round(citations * at)))
}

export interface OpenEssay {
  app: RunningApp
  /** Closes the harness and its browser. */
  close(): Promise<void>
}

/**
 * A new Chromium (headless or headed) running the harness on a new notebook whose essay cites
 * `citations` clippings, that essay open. The browser is closed again if opening fails.
 */
export async function openEssayOfCitations(citations: number, headed: boolean): Promise<OpenEssay> {
  const browser = await chromium.launch({
    executablePath: findChromium(),
    args: chromiumArgs,
    headless: !headed,
  })
  try {
    const app = await startHarness(browser)
    await seedEssayWithCitations(await openCommonplace(app.dataDir), citations)
    await app.restart()
    await app.page.getByRole('button', { name: 'Essays' }).click()
    await app.page.waitForFunction(
      (count) => document.querySelectorAll('[aria-label="Essay"] figure').length >= count,
      citations,
      { timeout: 60_000 },
    )
    return {
      app,
      async close() {
        await app.close()
        await browser.close()
      },
    }
  } catch (error) {
    await browser.close()
    throw error
  }
}

export async function measureTyping(citations: number, headed: boolean): Promise<TypingResult> {
  const essay = await openEssayOfCitations(citations, headed)
  try {
    const { page } = essay.app
    // Typing is measured once the essay is settled: every citation checked against its source
    // and its badge drawn. The checks run in main and redraw every badge; while they run, the
    // first keys of a long essay also measured that (opening is its own figure, below).
    await page.waitForFunction(
      () =>
        [...document.querySelectorAll('[aria-label="Essay"] figure .citation-badge')].every(
          (badge) => !(badge as HTMLElement).hidden,
        ),
      undefined,
      { timeout: 60_000, polling: 100 },
    )
    await installProbe(page)
    const result: TypingResult = {
      citations,
      headed,
      latencies: [],
      frames: [],
      eventTimings: [],
      measuredKeys: 0,
      mainThread: { task: 0, script: 0, layout: 0 },
    }
    const cdp = await page.context().newCDPSession(page)
    await cdp.send('Performance.enable')
    const metrics = async (): Promise<Record<string, number>> =>
      Object.fromEntries(
        (await cdp.send('Performance.getMetrics')).metrics.map((m) => [m.name, m.value]),
      )
    const spent = { task: 0, script: 0, layout: 0 }
    for (const paragraph of paragraphsToTypeIn(citations).slice(0, RUNS)) {
      await clickParagraph(page, paragraph)
      await page.keyboard.press('End')
      const before = await page.evaluate(() => (window as unknown as ProbeWindow).__keys.length)
      const text = PHRASE.padEnd(WARMUP_KEYS + MEASURED_KEYS, 'x').slice(
        0,
        WARMUP_KEYS + MEASURED_KEYS,
      )
      await typeSlowly(page, text.slice(0, WARMUP_KEYS))
      const start = await metrics()
      await typeSlowly(page, text.slice(WARMUP_KEYS))
      const end = await metrics()
      spent.task += end.TaskDuration! - start.TaskDuration!
      spent.script += end.ScriptDuration! - start.ScriptDuration!
      spent.layout += end.LayoutDuration! - start.LayoutDuration!
      const keys = await page.evaluate(
        (from) => (window as unknown as ProbeWindow).__keys.slice(from),
        before,
      )
      // Typed text must have landed in the essay, or the figures measure nothing.
      await page.waitForFunction(
        (typed) => document.querySelector('[aria-label="Essay"]')?.textContent?.includes(typed),
        text.slice(-12),
      )
      for (const key of keys.slice(WARMUP_KEYS)) {
        result.frames.push(key.frame)
        result.latencies.push(Math.max(key.frame, key.event ?? 0))
        if (key.event !== null) result.eventTimings.push(key.event)
        result.measuredKeys += 1
      }
    }
    // Seconds in Chromium's metrics; milliseconds per key here.
    result.mainThread = {
      task: (spent.task * 1000) / result.measuredKeys,
      script: (spent.script * 1000) / result.measuredKeys,
      layout: (spent.layout * 1000) / result.measuredKeys,
    }
    return result
  } finally {
    await essay.close()
  }
}
