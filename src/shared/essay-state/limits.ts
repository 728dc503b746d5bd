// How large a saved essay may be. One iterative walk checks these before the schema runs, so a
// hostile state (lists nested a million deep, a gigabyte of text, a cycle) is refused with the
// place it goes wrong before anything recurses into it.

export interface Limits {
  maxNodes: number
  maxDepth: number
  maxTextLength: number
  maxTotalText: number
  maxValues: number
  maxNesting: number
}

export const EDITOR_STATE_LIMITS: Readonly<Limits> = {
  /** Lexical nodes in one essay: every paragraph, text run, list item and citation is one. */
  maxNodes: 100_000,
  /** Node levels below the root; a list inside a list item adds two. */
  maxDepth: 64,
  /** Characters in one string: a text run, a quote, a comment. */
  maxTextLength: 1_000_000,
  /** Characters in all the strings of one essay together. */
  maxTotalText: 20_000_000,
  /** JSON values of any kind, those inside an unreadable block included. */
  maxValues: 2_000_000,
  /** Objects and arrays inside one another, whatever they are (an unreadable block's too). */
  maxNesting: 200,
}

/** Where in the state: property names and array indexes from the top. */
export type JsonPath = readonly (string | number)[]

/** Longer paths keep their ends: where it starts, and where exactly it goes wrong. */
const MAX_SHOWN_KEYS = 16

function keyText(key: string | number, first: boolean): string {
  if (typeof key === 'number') return `[${key}]`
  if (/^[A-Za-z_$][\w$]*$/.test(key)) return first ? key : `.${key}`
  return `[${JSON.stringify(key)}]`
}

/** `["root", "children", 3, "snapshot", "exact"]` -> "root.children[3].snapshot.exact". */
export function formatPath(path: JsonPath): string {
  const text = (keys: JsonPath, first: boolean): string =>
    keys.map((key, index) => keyText(key, first && index === 0)).join('')
  if (path.length <= MAX_SHOWN_KEYS) return text(path, true)
  const half = MAX_SHOWN_KEYS / 2
  const hidden = path.length - MAX_SHOWN_KEYS
  return `${text(path.slice(0, half), true)}…(${hidden} more)…${text(path.slice(-half), false)}`
}

/** "root.children[3].text: longer than …", or the message alone at the top. */
export function atPath(path: JsonPath, message: string): string {
  const where = formatPath(path)
  return where ? `${where}: ${message}` : message
}

interface Frame {
  value: object
  parent: Frame | null
  key: string | number
  /** The node level of the nearest node at or above this value. */
  nodeDepth: number
  nesting: number
}

/** A JSON object as JSON.parse makes it: not an array, not a class instance. */
export function isJsonObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false
  const prototype = Object.getPrototypeOf(value)
  return prototype === Object.prototype || prototype === null
}

const count = (n: number): string => n.toLocaleString('en-US')

/**
 * The first limit `value` breaks, as "path: problem", or null. `at` is where `value` sits and
 * `depth` its node level: -1 for a whole state (whose `root` is level 0), 1 for a top-level
 * block, so that one block is measured as it would be inside its essay. Also refuses what JSON
 * cannot hold (functions, NaN, class instances): the state is written to disk as JSON.
 */
export function limitProblem(
  value: unknown,
  at: JsonPath = [],
  depth = -1,
  limits: Readonly<Limits> = EDITOR_STATE_LIMITS,
): string | null {
  const stack: Frame[] = []
  let nodes = 0
  let values = 0
  let text = 0

  const pathOf = (frame: Frame | null, key?: string | number): (string | number)[] => {
    const keys: (string | number)[] = key === undefined ? [] : [key]
    for (let f = frame; f?.parent; f = f.parent) keys.push(f.key)
    return [...at, ...keys.reverse()]
  }
  // Where a value found in `parent` under `key` sits; only built for a message (an essay has
  // tens of thousands of values, and the walk allocates nothing per leaf).
  const placeOf = (parent: Frame | null, key: string | number): (string | number)[] =>
    parent ? pathOf(parent, key) : [...at]

  // A value found in `parent` under `key` (the top value has neither): a leaf is checked now,
  // an object or array is queued.
  const visit = (child: unknown, parent: Frame | null, key: string | number): string | null => {
    if (++values > limits.maxValues)
      return atPath(at, `more than ${count(limits.maxValues)} values`)
    switch (typeof child) {
      case 'string':
        if (child.length > limits.maxTextLength) {
          return atPath(
            placeOf(parent, key),
            `longer than ${count(limits.maxTextLength)} characters`,
          )
        }
        text += child.length
        if (text > limits.maxTotalText) {
          return atPath(at, `more than ${count(limits.maxTotalText)} characters of text`)
        }
        return null
      case 'number':
        return Number.isFinite(child) ? null : atPath(placeOf(parent, key), 'not a finite number')
      case 'boolean':
        return null
      case 'undefined':
        // An absent property, as JSON leaves it out; in an array it would turn into null.
        return parent && !Array.isArray(parent.value)
          ? null
          : atPath(placeOf(parent, key), 'not JSON')
      case 'object': {
        if (child === null) return null
        if (!Array.isArray(child) && !isJsonObject(child)) {
          return atPath(placeOf(parent, key), 'not a plain JSON object')
        }
        const nesting = (parent?.nesting ?? 0) + 1
        if (nesting > limits.maxNesting) {
          return atPath(placeOf(parent, key), `nested more than ${limits.maxNesting} levels deep`)
        }
        let nodeDepth = parent ? parent.nodeDepth : depth
        // Nodes: the top value (unless it is a whole state), the state's root, each element of
        // a `children` array, and an unreadable block's original (on its wrapper's level).
        const isNode =
          !Array.isArray(child) &&
          (parent === null
            ? depth >= 0
            : (Array.isArray(parent.value) && parent.key === 'children') ||
              key === 'raw' ||
              (key === 'root' && parent.parent === null))
        if (isNode) {
          if (parent !== null && key !== 'raw') nodeDepth++
          if (++nodes > limits.maxNodes)
            return atPath(at, `more than ${count(limits.maxNodes)} nodes`)
          if (nodeDepth > limits.maxDepth) {
            return atPath(placeOf(parent, key), `nested more than ${limits.maxDepth} nodes deep`)
          }
        }
        stack.push({ value: child, parent, key, nodeDepth, nesting })
        return null
      }
      default:
        return atPath(placeOf(parent, key), `a ${typeof child} is not JSON`)
    }
  }

  const problem = visit(value, null, '')
  if (problem) return problem
  for (let frame = stack.pop(); frame; frame = stack.pop()) {
    const { value: container } = frame
    if (Array.isArray(container)) {
      for (let index = 0; index < container.length; index++) {
        const found = visit(container[index], frame, index)
        if (found) return found
      }
    } else {
      for (const key of Object.keys(container)) {
        const found = visit((container as Record<string, unknown>)[key], frame, key)
        if (found) return found
      }
    }
  }
  return null
}
