// The nodes an essay's saved state may hold, each where it may stand: exactly what the essay
// editor registers (EssayEditor's nodes plus Lexical's own) and serializes at 0.52. A field that
// Lexical fills in with a default when it is absent may be absent; a field that is there must be
// of its kind; a field no node has is refused. Sizes are held by ./limits, before these run.
import { z } from 'zod'
import {
  CITATION_BLOCK_TYPE,
  INLINE_CITATION_TYPE,
  MAX_COMMENT_LENGTH,
  MAX_LOCATOR_LENGTH,
} from '../essay'

// Lexical's own domains (lexical/LexicalConstants and the node schemas in each package).
export const ELEMENT_FORMATS = ['', 'left', 'start', 'center', 'right', 'end', 'justify'] as const
export const TEXT_DIRECTIONS = ['ltr', 'rtl'] as const
export const TEXT_MODES = ['normal', 'token', 'segmented'] as const
/**
 * Lexical's IS_ALL_FORMATTING (bold 1 through capitalize 1024), spelled out so that main and the
 * CLI need not load Lexical to check a saved essay; nodes.test.ts holds it equal to Lexical's.
 */
export const ALL_TEXT_FORMAT_BITS = 2047
/** IS_DIRECTIONLESS | IS_UNMERGEABLE: the only detail bits a text node has (not exported). */
export const ALL_DETAIL_BITS = 3
/** ListItemNode clamps its indent to this; other elements get the same bound. */
export const MAX_INDENT = 128

const version = z.literal(1)
const bits = (all: number, what: string) =>
  z
    .int()
    .min(0)
    .refine((value) => (value & ~all) === 0, `not a combination of Lexical's ${what} bits`)

const elementFields = {
  version,
  direction: z.enum(TEXT_DIRECTIONS).nullable().optional(),
  format: z.enum(ELEMENT_FORMATS).optional(),
  indent: z.int().min(0).max(MAX_INDENT).optional(),
  // Written only for an element without text of its own: the format typing there would take.
  textFormat: bits(ALL_TEXT_FORMAT_BITS, 'text format').optional(),
  textStyle: z.string().optional(),
}

const textFields = {
  version,
  text: z.string(),
  format: bits(ALL_TEXT_FORMAT_BITS, 'text format').optional(),
  detail: bits(ALL_DETAIL_BITS, 'text detail').optional(),
  mode: z.enum(TEXT_MODES).optional(),
  style: z.string().optional(),
}

const textNode = z.strictObject({ type: z.literal('text'), ...textFields })
// A tab is a text node whose text is always one tab character.
const tabNode = z.strictObject({ type: z.literal('tab'), ...textFields, text: z.literal('\t') })
const lineBreakNode = z.strictObject({ type: z.literal('linebreak'), version })

/** Every id in Commonplace is short; the IPC contract takes no longer one. */
export const idSchema = z.string().min(1, 'must not be empty').max(100)

/** The quote and attribution as they were when cited (limits as for a source's metadata). */
export const snapshotSchema = z.strictObject({
  exact: z.string().min(1, 'the quote must not be empty'),
  title: z.string().max(1000),
  author: z.string().max(500).optional(),
  siteName: z.string().max(500).optional(),
  publishedAt: z.string().max(100).optional(),
  url: z.string().max(4000).optional(),
})

export const keptWordingSchema = z.strictObject({
  versionHash: idSchema,
  keptAt: z.string().min(1, 'must not be empty').max(100),
})

const citationFields = {
  version,
  clippingId: idSchema,
  sourceId: idSchema,
  snapshot: snapshotSchema,
  keptWording: keptWordingSchema.optional(),
  locator: z.string().max(MAX_LOCATOR_LENGTH),
}

const inlineCitationNode = z.strictObject({
  type: z.literal(INLINE_CITATION_TYPE),
  ...citationFields,
})

export const citationBlockNode = z.strictObject({
  type: z.literal(CITATION_BLOCK_TYPE),
  ...citationFields,
  comment: z.string().max(MAX_COMMENT_LENGTH),
})

/** What a link may hold: a link inside a link is not something the editor makes. */
const linkContent = z.discriminatedUnion('type', [
  textNode,
  tabNode,
  lineBreakNode,
  inlineCitationNode,
])

const linkFields = {
  ...elementFields,
  url: z.string(),
  rel: z.string().nullable().optional(),
  target: z.string().nullable().optional(),
  title: z.string().nullable().optional(),
  children: z.array(linkContent),
}

const linkNode = z.strictObject({ type: z.literal('link'), ...linkFields })
const autoLinkNode = z.strictObject({
  type: z.literal('autolink'),
  ...linkFields,
  isUnlinked: z.boolean().optional(),
})

const inlineOptions = [
  textNode,
  tabNode,
  lineBreakNode,
  linkNode,
  autoLinkNode,
  inlineCitationNode,
] as const
const inlineContent = z.discriminatedUnion('type', [...inlineOptions])

const paragraphNode = z.strictObject({
  type: z.literal('paragraph'),
  ...elementFields,
  children: z.array(inlineContent),
})

const headingNode = z.strictObject({
  type: z.literal('heading'),
  ...elementFields,
  tag: z.enum(['h1', 'h2', 'h3', 'h4', 'h5', 'h6']),
  children: z.array(inlineContent),
})

const quoteNode = z.strictObject({
  type: z.literal('quote'),
  ...elementFields,
  children: z.array(inlineContent),
})

// A list holds items; an item holds inline content and, for a nested list, that list (Lexical
// keeps it in an item of its own). The getters let the two refer to each other.
const listItemNode = z.strictObject({
  type: z.literal('listitem'),
  ...elementFields,
  value: z.int().optional(),
  checked: z.boolean().optional(),
  // Annotated loosely to break the type cycle; the schema itself is exact.
  get children(): z.ZodArray<z.ZodType<unknown>> {
    return z.array(z.discriminatedUnion('type', [...inlineOptions, listNode]))
  },
})

const listNode = z.strictObject({
  type: z.literal('list'),
  ...elementFields,
  listType: z.enum(['bullet', 'number', 'check']),
  start: z.int().optional(),
  tag: z.enum(['ul', 'ol']).optional(),
  get children(): z.ZodArray<typeof listItemNode> {
    return z.array(listItemNode)
  },
})

/** A block of the essay as saved on disk: what may stand directly in the root. */
export const savedBlockSchema = z.discriminatedUnion('type', [
  paragraphNode,
  headingNode,
  quoteNode,
  listNode,
  citationBlockNode,
])

// The browser's editor writes textFormat and textStyle on the root too (the format a caret
// there would type with), which a headless one does not.
export const rootFields = {
  ...elementFields,
  type: z.literal('root'),
}
