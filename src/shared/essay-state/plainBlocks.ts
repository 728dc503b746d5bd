// The two blocks nearly every essay is made of, a paragraph of plain text and a citation block,
// checked by hand in one pass that allocates little. An essay of 2,000 blocks is checked on
// every open and every CLI export, and zod's walk of them took 40-50 ms of each.
//
// The rule: true only when ./limits and the schema in ./nodes would both pass the block. Whatever
// this does not recognise (another block type, a link, an absent-but-listed field, a string near
// a limit) is false, and the full checks decide and word the message. plainBlocks.test.ts holds
// every true here to a pass there.
import { CITATION_BLOCK_TYPE, MAX_COMMENT_LENGTH, MAX_LOCATOR_LENGTH } from '../essay'
import { EDITOR_STATE_LIMITS, isJsonObject } from './limits'
import {
  ALL_DETAIL_BITS,
  ALL_TEXT_FORMAT_BITS,
  ELEMENT_FORMATS,
  MAX_INDENT,
  TEXT_DIRECTIONS,
  TEXT_MODES,
} from './nodes'

type Fields = Record<string, unknown>

/** More runs than this in one paragraph go to the full checks (so the node and value limits hold). */
const MAX_PLAIN_RUNS = 10_000
const MAX_PLAIN_STRING = EDITOR_STATE_LIMITS.maxTextLength
/**
 * A paragraph's text and style strings together, with room left for its other strings (a run's
 * type and mode, 30 characters at most, times MAX_PLAIN_RUNS) under the limit on all its text.
 */
const MAX_PLAIN_PARAGRAPH_TEXT = EDITOR_STATE_LIMITS.maxTotalText - 30 * (MAX_PLAIN_RUNS + 1)

const ELEMENT_FORMAT_VALUES: readonly unknown[] = ELEMENT_FORMATS
const DIRECTION_VALUES: readonly unknown[] = [null, ...TEXT_DIRECTIONS]
const TEXT_MODE_VALUES: readonly unknown[] = TEXT_MODES

const isShortString = (value: unknown, max = MAX_PLAIN_STRING): boolean =>
  typeof value === 'string' && value.length <= max

const isId = (value: unknown): boolean => isShortString(value, 100) && value !== ''

const isBits = (value: unknown, all: number): boolean =>
  Number.isSafeInteger(value) && (value as number) >= 0 && ((value as number) & ~all) === 0

/** Every own key is one of `allowed` and holds a value (an explicit undefined is left to zod). */
function onlyKeys(fields: Fields, allowed: readonly string[]): boolean {
  for (const key of Object.keys(fields)) {
    if (!allowed.includes(key) || fields[key] === undefined) return false
  }
  return true
}

const ELEMENT_KEYS = ['type', 'version', 'direction', 'format', 'indent', 'textFormat', 'textStyle']
const PARAGRAPH_KEYS = [...ELEMENT_KEYS, 'children']

function hasPlainElementFields(fields: Fields): boolean {
  const { direction, format, indent, textFormat, textStyle } = fields
  return (
    fields.version === 1 &&
    (direction === undefined || DIRECTION_VALUES.includes(direction)) &&
    (format === undefined || ELEMENT_FORMAT_VALUES.includes(format)) &&
    (indent === undefined ||
      (Number.isSafeInteger(indent) &&
        (indent as number) >= 0 &&
        (indent as number) <= MAX_INDENT)) &&
    (textFormat === undefined || isBits(textFormat, ALL_TEXT_FORMAT_BITS)) &&
    (textStyle === undefined || isShortString(textStyle))
  )
}

const TEXT_KEYS = ['type', 'version', 'text', 'format', 'detail', 'mode', 'style']

function isPlainRun(run: unknown): boolean {
  if (!isJsonObject(run)) return false
  if (run.type === 'linebreak') return run.version === 1 && onlyKeys(run, ['type', 'version'])
  if (run.type !== 'text' && run.type !== 'tab') return false
  const { text, format, detail, mode, style } = run
  return (
    onlyKeys(run, TEXT_KEYS) &&
    run.version === 1 &&
    isShortString(text) &&
    (run.type === 'text' || text === '\t') &&
    (format === undefined || isBits(format, ALL_TEXT_FORMAT_BITS)) &&
    (detail === undefined || isBits(detail, ALL_DETAIL_BITS)) &&
    (mode === undefined || TEXT_MODE_VALUES.includes(mode)) &&
    (style === undefined || isShortString(style))
  )
}

const lengthOf = (value: unknown): number => (typeof value === 'string' ? value.length : 0)

function isPlainParagraph(block: Fields): boolean {
  const { children } = block
  if (!onlyKeys(block, PARAGRAPH_KEYS) || !hasPlainElementFields(block)) return false
  if (!Array.isArray(children) || children.length > MAX_PLAIN_RUNS) return false
  let text = lengthOf(block.textStyle)
  for (let index = 0; index < children.length; index++) {
    const run = children[index] as unknown
    if (!isPlainRun(run)) return false
    text += lengthOf((run as Fields).text) + lengthOf((run as Fields).style)
  }
  return text <= MAX_PLAIN_PARAGRAPH_TEXT
}

const CITATION_KEYS = [
  'type',
  'version',
  'clippingId',
  'sourceId',
  'snapshot',
  'keptWording',
  'locator',
  'comment',
]
const SNAPSHOT_KEYS = ['exact', 'title', 'author', 'siteName', 'publishedAt', 'url']

function isPlainSnapshot(snapshot: unknown): boolean {
  if (!isJsonObject(snapshot) || !onlyKeys(snapshot, SNAPSHOT_KEYS)) return false
  const { exact, title, author, siteName, publishedAt, url } = snapshot
  return (
    isShortString(exact) &&
    exact !== '' &&
    isShortString(title, 1000) &&
    (author === undefined || isShortString(author, 500)) &&
    (siteName === undefined || isShortString(siteName, 500)) &&
    (publishedAt === undefined || isShortString(publishedAt, 100)) &&
    (url === undefined || isShortString(url, 4000))
  )
}

function isPlainKeptWording(kept: unknown): boolean {
  if (kept === undefined) return true
  if (!isJsonObject(kept) || !onlyKeys(kept, ['versionHash', 'keptAt'])) return false
  return isId(kept.versionHash) && isId(kept.keptAt)
}

function isPlainCitationBlock(block: Fields): boolean {
  return (
    onlyKeys(block, CITATION_KEYS) &&
    block.version === 1 &&
    isId(block.clippingId) &&
    isId(block.sourceId) &&
    isPlainSnapshot(block.snapshot) &&
    isPlainKeptWording(block.keptWording) &&
    isShortString(block.locator, MAX_LOCATOR_LENGTH) &&
    isShortString(block.comment, MAX_COMMENT_LENGTH)
  )
}

/** Whether `block` is a plain paragraph or citation block that every check would pass. */
export function isPlainSavedBlock(block: unknown): boolean {
  if (!isJsonObject(block)) return false
  if (block.type === 'paragraph') return isPlainParagraph(block)
  if (block.type === CITATION_BLOCK_TYPE) return isPlainCitationBlock(block)
  return false
}
