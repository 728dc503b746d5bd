// A quote shown inside a sentence or on a terminal line. A passage may begin and end with quote
// marks of its own (“Sean gets sex work. He just does,”); wrapping it in more would double them.

const OPENING_DOUBLE = /^["“„«]/
const CLOSING_DOUBLE = /["”»“]$/

/** The quote on one line, in quote marks unless it already carries its own. */
export function quoted(text: string): string {
  const line = text.replace(/\s*\n+\s*/g, ' / ')
  const opens = OPENING_DOUBLE.test(line)
  const closes = CLOSING_DOUBLE.test(line)
  if (opens && closes && line.length > 1) return line
  // One mark of its own at an edge: single marks around it keep the two apart.
  if (opens || closes) return `‘${line}’`
  return `“${line}”`
}
