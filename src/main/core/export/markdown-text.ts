// Turning arbitrary text into Markdown that renders as exactly that text: quotes, notes and titles
// come from the web and may contain anything, including Markdown, HTML and javascript: links.

/** Characters that are Markdown or HTML syntax anywhere in a line. */
const ALWAYS = /[\\`*_[\]<>|~&$]/g

/**
 * Escapes `text` for the middle of a Markdown line: the result renders as the literal text with
 * CommonMark + GFM (and Pandoc), including a bare URL, which GFM would otherwise make a link.
 */
export function escapeText(text: string): string {
  return text
    .replace(ALWAYS, '\\$&')
    .replace(/(https?|ftp):\/\//gi, '$1\\://')
    .replace(/\bwww\./gi, 'www\\.')
    .replace(/@/g, '\\@')
}

/**
 * Makes the start and end of each line inert: a line beginning with "#", ">", "-" or "1." would
 * become a heading, a quote or a list, and Markdown strips blanks at either end (or makes leading
 * ones code), so those are kept as character references.
 */
export function escapeLines(markdown: string): string {
  return markdown
    .split('\n')
    .map((line) =>
      line
        .replace(/^([#>+=-])/, '\\$1')
        .replace(/^(\d+)([.)])/, '$1\\$2')
        .replace(/^[ \t]+/, blanks)
        .replace(/(?<!\\)[ \t]+$/, blanks),
    )
    .join('\n')
}

function blanks(run: string): string {
  return run.replace(/ /g, '&#32;').replace(/\t/g, '&#9;')
}

/** A whole field (title, note, quote) as literal Markdown text. */
export function escapeMarkdown(text: string): string {
  return escapeLines(escapeText(text))
}

/** Inline code with a fence longer than any backtick run inside it. */
export function inlineCode(text: string): string {
  const longest = Math.max(0, ...(text.match(/`+/g) ?? []).map((run) => run.length))
  const fence = '`'.repeat(longest + 1)
  const pad = text.startsWith('`') || text.endsWith('`') || /^ .* $/.test(text) ? ' ' : ''
  return `${fence}${pad}${text}${pad}${fence}`
}

/** A link destination that cannot break out of its parentheses. */
export function linkDestination(url: string): string {
  return `<${url.replace(/[<>\s\\]/g, (c) => encodeURIComponent(c))}>`
}

export function isSafeLinkUrl(url: string): boolean {
  return /^(https?:|mailto:)/i.test(url.trim())
}

/** Prefixes every line, as blockquotes and list items need. */
export function indentLines(text: string, first: string, rest = first): string {
  return text
    .split('\n')
    .map((line, index) => {
      const prefix = index === 0 ? first : rest
      return line === '' ? prefix.trimEnd() : prefix + line
    })
    .join('\n')
}
