// The strict check of an essay's saved state, at the boundary where it comes in (autosave, the
// CLI, an import) and where it is read back (each block on disk). Every refusal names the place:
// "root.children[3].snapshot.exact: missing (a string is required)".
import { z } from 'zod'
import {
  UNREADABLE_BLOCK_TYPE,
  type SerializedEditorStateJson,
  type SerializedNodeJson,
} from '../essay'
import { atPath, EDITOR_STATE_LIMITS, isJsonObject, limitProblem, type JsonPath } from './limits'
import { rootFields, savedBlockSchema } from './nodes'
import { isPlainSavedBlock } from './plainBlocks'

export type Checked<T> = { ok: true; value: T } | { ok: false; problem: string }

/**
 * A node as the store loads it (a type, a version, children that are nodes too): an unreadable
 * block's original must stay loadable, or writing it back would damage the whole essay file.
 */
const storedNodeSchema: z.ZodType<SerializedNodeJson> = z.lazy(() =>
  z.looseObject({
    type: z.string().min(1, 'must not be empty'),
    version: z.number(),
    children: z.array(storedNodeSchema).optional(),
  }),
)

/**
 * The original as it came, not a parsed copy: a copy would have its keys reordered (the
 * schema's first), and the point is to write back the very bytes that were read.
 */
const untouchedNode = z.unknown().superRefine((value, context) => {
  const parsed = storedNodeSchema.safeParse(value, { error: messageOf })
  if (parsed.success) return
  // A failed parse always has an issue.
  const issue = parsed.error.issues[0] as z.core.$ZodIssue
  context.addIssue({ code: 'custom', message: issue.message, path: issue.path, input: value })
})

const unreadableBlockSchema = z.strictObject({
  type: z.literal(UNREADABLE_BLOCK_TYPE),
  version: z.literal(1),
  raw: untouchedNode,
})

/** What the editor sends to be saved: our blocks, and unreadable ones carried through as they were. */
const editorStateSchema = z.strictObject({
  root: z.strictObject({
    ...rootFields,
    children: z.array(
      z.discriminatedUnion('type', [...savedBlockSchema.options, unreadableBlockSchema]),
    ),
  }),
})

function kindOf(value: unknown): string {
  if (value === null) return 'null'
  if (Array.isArray(value)) return 'an array'
  if (typeof value === 'object') return 'an object'
  if (typeof value === 'string') return value.length > 40 ? 'a string' : JSON.stringify(value)
  return String(value)
}

const article = (noun: string): string => {
  const word = noun === 'int' ? 'integer' : noun
  return /^[aeiou]/.test(word) ? `an ${word}` : `a ${word}`
}

/** Messages in the writer's terms, for the codes these schemas raise. */
function messageOf(issue: z.core.$ZodRawIssue): string | undefined {
  switch (issue.code) {
    case 'invalid_type':
      return issue.input === undefined
        ? `missing (${article(issue.expected)} is required)`
        : `expected ${article(issue.expected)}, got ${kindOf(issue.input)}`
    case 'invalid_value':
      return `expected ${issue.values.map((value) => JSON.stringify(value)).join(' or ')}, got ${kindOf(issue.input)}`
    case 'unrecognized_keys':
      return `unknown ${issue.keys.length === 1 ? 'field' : 'fields'} ${issue.keys.map((key) => JSON.stringify(key)).join(', ')}`
    case 'invalid_union': {
      if (issue.discriminator === undefined) return undefined
      const input = issue.input as Record<string, unknown> | undefined
      const type = typeof input === 'object' && input !== null ? input.type : input
      const expected = ((issue.options ?? []) as unknown[])
        .map((option) => JSON.stringify(option))
        .join(', ')
      return type === undefined
        ? `missing (a node type is required: one of ${expected})`
        : `${kindOf(type)} is not a node that can stand here (expected one of ${expected})`
    }
    case 'too_big':
      return issue.origin === 'string'
        ? `longer than ${issue.maximum} characters`
        : `more than ${issue.maximum}`
    case 'too_small':
      return issue.origin === 'string'
        ? `shorter than ${issue.minimum} characters`
        : `less than ${issue.minimum}`
    default:
      return undefined
  }
}

function parseWith<T>(schema: z.ZodType<T>, value: unknown, at: JsonPath): Checked<T> {
  const parsed = schema.safeParse(value, { error: messageOf })
  if (parsed.success) return { ok: true, value: parsed.data }
  const issue = parsed.error.issues[0] as z.core.$ZodIssue
  return {
    ok: false,
    problem: atPath([...at, ...(issue.path as (string | number)[])], issue.message),
  }
}

/**
 * The state the editor saves, checked strictly: our nodes only, each where it may stand, within
 * the limits; unreadable blocks carried through (see ./unreadable). The value is a fresh copy.
 */
export function checkEditorState(value: unknown): Checked<SerializedEditorStateJson> {
  const problem = limitProblem(value)
  if (problem) return { ok: false, problem }
  return parseWith(editorStateSchema, value, []) as Checked<SerializedEditorStateJson>
}

/**
 * Why a top-level block read from disk cannot go into the editor, or null when it can. `index`
 * is its place in the root, so that the message names it as the whole state would.
 */
export function savedBlockProblem(block: unknown, index: number): string | null {
  // Most blocks are plain paragraphs and citations, which a hand check passes far quicker.
  if (isPlainSavedBlock(block)) return null
  return fullBlockProblem(block, index)
}

/** {@link savedBlockProblem} without the shortcut: the limits, then the schema. */
export function fullBlockProblem(block: unknown, index: number): string | null {
  const at = ['root', 'children', index]
  const problem = limitProblem(block, at, 1)
  if (problem) return problem
  const checked = parseWith(savedBlockSchema, block, at)
  return checked.ok ? null : checked.problem
}

const storedStateSchema = z.looseObject({
  root: storedNodeSchema.refine((node) => node.type === 'root', 'the editor state has no root'),
})

/** On load only what would crash the check itself is a limit: the rest is each block's matter. */
const LOAD_LIMITS = {
  maxNodes: Infinity,
  maxDepth: Infinity,
  maxTextLength: Infinity,
  maxTotalText: Infinity,
  maxValues: Infinity,
  maxNesting: EDITOR_STATE_LIMITS.maxNesting,
}

/**
 * The loose check an essay file's state passes when the store loads it: a root, and nodes that
 * each have a type and a version (the blocks are checked one by one on their way to the editor).
 * The value is the very object that was read, not a parsed copy, whose keys zod would reorder:
 * a block the editor cannot read must go back to disk as it was read.
 */
export const storedEditorStateSchema = z
  .unknown()
  .transform((value, context): SerializedEditorStateJson => {
    if (isPlainStoredState(value)) return value as SerializedEditorStateJson
    // Something is off: the full checks find it and word the message.
    const tooDeep = limitProblem(value, [], -1, LOAD_LIMITS)
    const parsed = tooDeep ? null : storedStateSchema.safeParse(value)
    if (!tooDeep && parsed?.success) return value as SerializedEditorStateJson
    const issue = parsed?.error?.issues[0]
    context.addIssue({
      code: 'custom',
      message: tooDeep ?? issue?.message ?? 'not an editor state',
      path: issue?.path ?? [],
      input: value,
    })
    return z.NEVER
  })

/**
 * The common case of the load check in one walk that allocates little: plain JSON, a root, every
 * node (the root, each element of a `children` array) with a non-empty type and a numeric
 * version, `children` an array, nothing nested deeper than the load limit. True only when the
 * two checks above would both pass; anything else goes to them (an essay with 2,000 blocks is
 * checked on every open and export, and the zod walk alone cost a fresh CLI export ~100 ms).
 */
function isPlainStoredState(value: unknown): boolean {
  if (!isJsonObject(value)) return false
  const root = value.root
  if (!isJsonObject(root) || root.type !== 'root') return false
  const stack: Array<{ container: object; nesting: number; isNode: boolean; isChildren: boolean }> =
    [{ container: value, nesting: 1, isNode: false, isChildren: false }]
  for (let frame = stack.pop(); frame; frame = stack.pop()) {
    const { container, nesting, isNode } = frame
    if (nesting > LOAD_LIMITS.maxNesting) return false
    const record = container as Record<string, unknown>
    if (isNode) {
      const { type, version, children } = record
      if (typeof type !== 'string' || type === '' || typeof version !== 'number') return false
      if (children !== undefined && !Array.isArray(children)) return false
    }
    const inChildren = Array.isArray(container) && frame.isChildren
    const keys = Array.isArray(container) ? null : Object.keys(container)
    const length = keys ? keys.length : (container as unknown[]).length
    for (let index = 0; index < length; index++) {
      const key = keys ? keys[index] : index
      const child = record[key as string]
      if (inChildren && !isJsonObject(child)) return false
      if (child === null || typeof child === 'string' || typeof child === 'boolean') continue
      if (typeof child === 'number') {
        if (!Number.isFinite(child)) return false
        continue
      }
      if (Array.isArray(child)) {
        stack.push({
          container: child,
          nesting: nesting + 1,
          isNode: false,
          isChildren: key === 'children' && isNode,
        })
      } else if (isJsonObject(child)) {
        stack.push({
          container: child,
          nesting: nesting + 1,
          isNode: inChildren || (key === 'root' && container === value),
          isChildren: false,
        })
      } else if (child !== undefined || keys === null) return false
    }
  }
  return true
}
