// Issue 4's target: exporting an essay with 1,000 citations, verification included, under 200 ms.
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { openCommonplace } from '../src/main/core/commonplace'
import { seedEssayWithCitations } from './essay-seed'
import { ms, type BenchSection } from './report'
import { summarize } from './stats'

const CITATIONS = 1000
const RUNS = 20

export async function run(): Promise<BenchSection> {
  const dir = await mkdtemp(join(tmpdir(), 'commonplace-bench-export-'))
  try {
    const app = await openCommonplace(dir)
    const essayId = await seedEssayWithCitations(app, CITATIONS)
    const rows = []
    const details: Record<string, unknown> = {}
    for (const format of ['gfm', 'pandoc'] as const) {
      // A fresh process each time would pay for reading the files; this measures the conversion
      // and the quote check on an open library, as the app and a second CLI export do.
      const samples: number[] = []
      let bytes = 0
      for (let i = 0; i < RUNS + 2; i++) {
        const start = performance.now()
        const { markdown } = await app.exports.render(essayId, format)
        if (i >= 2) samples.push(performance.now() - start)
        bytes = Buffer.byteLength(markdown)
      }
      const summary = summarize(samples)
      details[format] = summary
      rows.push([
        format,
        ms(summary.median, summary.p95),
        `${(bytes / 1024).toFixed(0)} KiB`,
        summary.p95 < 200 ? 'yes' : 'NO',
      ])
    }
    return {
      title: `Export: an essay with ${CITATIONS.toLocaleString('en-US')} citation blocks`,
      columns: ['format', 'median / p95', 'output', 'p95 under 200 ms'],
      rows,
      notes: [
        `ExportService.render: loads the essay, verifies every citation against its source text, ` +
          `renders Markdown with footnotes/references (gfm) or [@key] + CSL-JSON (pandoc).`,
        `${RUNS} timed runs after 2 warm-ups on an open library.`,
      ],
      details,
    }
  } finally {
    await rm(dir, { recursive: true, force: true })
  }
}
