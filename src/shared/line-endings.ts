// One rule for line breaks in quoted text, shared by import, verification and export: Windows
// (CRLF) and old Mac (lone CR) line endings mean the same break as "\n". Sources are stored with
// "\n" only; a quote or source text from before that rule (or from a hand-edited file) is read
// with it, so a quote that differs from its source only in how its lines end verifies, and the
// export writes it the way it verified.

/** Each CRLF or lone CR becomes "\n". */
export function normalizeLineEndings(text: string): string {
  return text.replace(/\r\n?/g, '\n')
}

/**
 * Text that must stay on one line (a locator, a comment inside a footnote or a citation): each
 * line break, of whichever platform, becomes one space; every other character stays as written.
 */
export function onOneLine(text: string): string {
  return normalizeLineEndings(text).replace(/\n/g, ' ')
}
