// "Open the sample notebook": a short article shipped in resources/sample, put into an empty
// notebook through the same services a writer's own work goes through (import, clip by quote,
// save an essay), so the sample's clippings are real selectors on its text and every citation in
// its essay verifies.
import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { z } from 'zod'
import type { ClippingView, SourceSummary } from '../../shared/domain'
import {
  CITATION_BLOCK_TYPE,
  type SerializedCitationBlockJson,
  type SerializedEditorStateJson,
  type SerializedNodeJson,
} from '../../shared/essay'
import type { SampleNotebookReport } from '../../shared/ipc'
import type { Commonplace } from './commonplace'
import { CommonplaceError } from './errors'

/** The manifest beside the article: what to clip, and the essay that cites the clippings. */
const manifestSchema = z.strictObject({
  article: z.string().regex(/^[\w.-]+$/, 'a file name in the sample folder'),
  clippings: z
    .array(
      z.strictObject({
        key: z.string().min(1),
        quote: z.string().min(1),
        note: z.string(),
        tags: z.array(z.string()),
      }),
    )
    .min(1),
  essay: z.strictObject({
    title: z.string().min(1),
    blocks: z.array(
      z.union([
        z.strictObject({ paragraph: z.string().min(1) }),
        z.strictObject({ cite: z.string().min(1), locator: z.string(), comment: z.string() }),
      ]),
    ),
  }),
})

type Manifest = z.infer<typeof manifestSchema>

export const SAMPLE_MANIFEST = 'sample.json'

/**
 * Fills an empty notebook with the sample. A notebook that already holds anything is refused and
 * left as it is: the sample is for trying Commonplace out, never mixed into a writer's own work
 * (and a second run cannot add it twice).
 */
export async function openSampleNotebook(
  app: Commonplace,
  sampleDir: string,
): Promise<SampleNotebookReport> {
  const manifest = await readManifest(sampleDir)
  await refuseUnlessEmpty(app)

  const report = await app.sources.importFiles([join(sampleDir, manifest.article)])
  const [source] = report.imported
  if (!source) {
    // Another window or the CLI may have imported the sample a moment ago: the duplicate check
    // refuses it then, with its own message.
    const why = report.failed[0]?.message ?? 'nothing was imported'
    throw new CommonplaceError('import-failed', `The sample notebook could not be opened: ${why}`)
  }

  const clippings = new Map<string, ClippingView>()
  for (const { key, quote, note, tags } of manifest.clippings) {
    clippings.set(
      key,
      await app.clippings.createFromQuote({ sourceId: source.id, quote, note, tags }),
    )
  }

  const essay = await app.essays.create(manifest.essay.title)
  await app.essays.save(essay.id, essayState(manifest, clippings, source))
  return {
    source,
    clippings: clippings.size,
    essay: await app.essays.get(essay.id),
  }
}

async function readManifest(sampleDir: string): Promise<Manifest> {
  const path = join(sampleDir, SAMPLE_MANIFEST)
  let raw: unknown
  try {
    raw = JSON.parse(await readFile(path, 'utf8'))
  } catch (error) {
    throw new CommonplaceError(
      'not-found',
      `The sample notebook is missing from this installation (${path}: ${(error as Error).message}).`,
    )
  }
  const parsed = manifestSchema.safeParse(raw)
  if (!parsed.success) {
    const issue = parsed.error.issues[0]
    throw new CommonplaceError(
      'internal',
      `The sample notebook's ${path} is not valid: ${issue?.path.join('.')}: ${issue?.message}.`,
    )
  }
  return parsed.data
}

async function refuseUnlessEmpty(app: Commonplace): Promise<void> {
  const sources = (await app.sources.page({ limit: 1 })).total
  const essays = (await app.essays.list()).length
  if (sources === 0 && essays === 0) return
  const held = [
    sources > 0 ? `${sources} ${sources === 1 ? 'source' : 'sources'}` : '',
    essays > 0 ? `${essays} ${essays === 1 ? 'essay' : 'essays'}` : '',
  ]
    .filter(Boolean)
    .join(' and ')
  throw new CommonplaceError(
    'invalid-argument',
    `The sample notebook opens only in an empty notebook, and this one already has ${held}. ` +
      'Nothing was changed.',
  )
}

const blockFields = { direction: null, format: '', indent: 0 }

function essayState(
  manifest: Manifest,
  clippings: Map<string, ClippingView>,
  source: SourceSummary,
): SerializedEditorStateJson {
  const children = manifest.essay.blocks.map((block): SerializedNodeJson => {
    if ('paragraph' in block) return paragraph(block.paragraph)
    const clipping = clippings.get(block.cite)
    if (!clipping) {
      throw new CommonplaceError(
        'internal',
        `The sample essay cites “${block.cite}”, which the sample does not clip.`,
      )
    }
    return citationBlock(clipping, source, block.locator, block.comment)
  })
  return { root: { type: 'root', version: 1, children, ...blockFields } }
}

function paragraph(text: string): SerializedNodeJson {
  return {
    type: 'paragraph',
    version: 1,
    children: [{ type: 'text', version: 1, text, format: 0, detail: 0, mode: 'normal', style: '' }],
    ...blockFields,
    textFormat: 0,
    textStyle: '',
  }
}

/** A citation as "Cite" makes it: the clipping's exact words and the source's attribution. */
function citationBlock(
  clipping: ClippingView,
  source: SourceSummary,
  locator: string,
  comment: string,
): SerializedCitationBlockJson {
  const snapshot: SerializedCitationBlockJson['snapshot'] = {
    exact: clipping.target[0].exact,
    title: source.title,
  }
  if (source.author) snapshot.author = source.author
  if (source.siteName) snapshot.siteName = source.siteName
  if (source.publishedAt) snapshot.publishedAt = source.publishedAt
  if (source.url) snapshot.url = source.url
  return {
    type: CITATION_BLOCK_TYPE,
    version: 1,
    clippingId: clipping.id,
    sourceId: source.id,
    snapshot,
    locator,
    comment,
  }
}
