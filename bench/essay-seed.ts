// An essay the size a long piece reaches: 1,000 citation blocks from real clippings of the
// fixtures, each followed by a paragraph of the writer's own text.
import { fixturePath } from '../test/fixtures'
import type { Commonplace } from '../src/main/core/commonplace'
import type { SerializedNodeJson } from '../src/shared/essay'

const quotes: [string, string][] = [
  [
    'baker-red-rocket-interview.html',
    'Baker’s work does a great job at showing us that sex workers are just people',
  ],
  ['baker-red-rocket-interview.html', 'I hate the hypocrisy in our society'],
  ['baker-red-rocket-interview.html', 'it’s a pretty wild film'],
  ['anora-sex-work-oscars.html', '“Sean gets sex work. He just does,”'],
  [
    'anora-sex-work-oscars.html',
    'Sex workers don’t usually expect Hollywood to portray their lives authentically.',
  ],
]

export async function seedEssayWithCitations(app: Commonplace, citations: number): Promise<string> {
  const { imported } = await app.sources.importFiles([
    ...new Set(quotes.map(([file]) => fixturePath(file))),
  ])
  const byFile = new Map(
    imported.map((source, index) => [[...new Set(quotes.map(([f]) => f))][index], source]),
  )
  const cited: SerializedNodeJson[] = []
  for (const [file, quote] of quotes) {
    const source = byFile.get(file)
    if (!source) throw new Error(`The fixture ${file} did not import`)
    const clipping = await app.clippings.createFromQuote({ sourceId: source.id, quote })
    cited.push({
      type: 'citation-block',
      version: 1,
      clippingId: clipping.id,
      sourceId: source.id,
      snapshot: {
        exact: quote,
        title: source.title,
        siteName: source.siteName,
        publishedAt: source.publishedAt,
        url: source.url,
      },
      locator: '',
      comment: '',
    })
  }
  const children: SerializedNodeJson[] = []
  for (let i = 0; i < citations; i++) {
    const text = `Paragraph ${i + 1}: the writer weighs what the source says and why it matters here.`
    children.push(paragraph(text))
    children.push(cited[i % cited.length]!)
  }
  const essay = await app.essays.create(`An essay with ${citations} citations`)
  await app.essays.save(essay.id, {
    root: { type: 'root', version: 1, children, direction: null, format: '', indent: 0 },
  })
  return essay.id
}

/** A paragraph of plain text, as the editor saves it. */
export function paragraph(text: string): SerializedNodeJson {
  return {
    type: 'paragraph',
    version: 1,
    direction: null,
    format: '',
    indent: 0,
    textFormat: 0,
    textStyle: '',
    children: [{ type: 'text', version: 1, text, format: 0, detail: 0, mode: 'normal', style: '' }],
  }
}
