// Turning arbitrary text into Markdown that renders as exactly that text: quotes, notes and titles
// come from the web and may contain anything, including Markdown, HTML and javascript: links.
import { isWebLink } from '../../../shared/urls'

/**
 * GFM; Pandoc's Markdown, which has more syntax to keep inert; or Obsidian's, which is GFM with
 * tags, highlights, comments and block ids (see {@link OBSIDIAN}).
 */
export type Flavor = 'gfm' | 'pandoc' | 'obsidian'

/** Characters that are Markdown or HTML syntax anywhere in a line. */
const ALWAYS = /[\\`*_[\]<>|~&$]/g

/**
 * Pandoc's extra inline syntax: ^superscript^, {attributes} (after code spans and headings), and
 * the `smart` extension, which would turn straight quotes, "--" and "..." into typographic ones
 * and so change a quote's characters.
 */
const PANDOC = /[\^{}'"]|-(?=-)|\.(?=\.)/g
/**
 * Obsidian's own inline syntax: "#word" is a tag, "==text==" a highlight, "%%text%%" a comment, and
 * " ^id" at the end of a block a block id. A backslash keeps each literal, as in CommonMark.
 */
const OBSIDIAN = /#(?=[^\s#])|=(?==)|%(?=%)|\^/g
/** The same, inside "[@key, …]", where a ";" would start the next citation of the group. */
const PANDOC_CITATION = /[\^{};'"]|-(?=-)|\.(?=\.)/g

/**
 * Pandoc's `smart` extension joins a known abbreviation to the next word with a no-break space
 * ("p. 3" becomes "p.\u00a03"), changing the text; an escaped period is not part of the word, so
 * the abbreviation is not recognised. The list is Pandoc's default (`pandoc
 * --print-default-data-file abbreviations`); its check is case-sensitive, so is this one.
 */
const ABBREVIATIONS = (
  'aet aetat al Apr Aug bk Bros c Capt cf ch chap chs Co col Corp cp d Dec Dr e.g ed eds esp f ' +
  'fasc Feb ff fig fl fol fols Fr Gen Gov Hon i.e ill Inc incl Jan Jr Jul Jun Ltd M.A M.D Mar ' +
  'Mr Mrs Ms n n.b nn No Nov Oct p Ph.D pp Pres Prof pt q.v Rep Rev s.v s.vv saec sec Sen Sep ' +
  'Sept Sgt Sr St univ viz vol vs'
).split(' ')
/** Such a word, where Pandoc's reader starts one: after anything but a letter, digit or ".". */
const ABBREVIATION = new RegExp(
  `(?<![\\p{L}\\p{N}.])(${ABBREVIATIONS.map((word) => word.replace(/\./g, '\\.')).join('|')})\\.(?= )`,
  'gu',
)

/**
 * An empty HTML comment: nothing to a reader, but it splits the text around it. GFM finds bare
 * URLs and e-mail addresses in text after escapes are resolved ("https\\://" is still a link to
 * remark), so only a split stops it; and emphasis needs it at times (see render-blocks).
 */
export const SEPARATOR = '<!---->'

/**
 * Escapes `text` for the middle of a Markdown line: the result renders as the literal text with
 * CommonMark + GFM (and Pandoc), including a bare URL, which GFM would otherwise make a link.
 * `inCitation`: the text goes inside Pandoc's "[@key, …]".
 */
export function escapeText(text: string, flavor: Flavor = 'gfm', inCitation = false): string {
  let escaped = text.replace(ALWAYS, '\\$&')
  if (flavor === 'pandoc') {
    // Pandoc's Markdown does not link bare URLs, but other tools reading the file may; "@key"
    // is a citation. Pandoc makes one space of a run of them, so the rest are references.
    return escaped
      .replace(inCitation ? PANDOC_CITATION : PANDOC, '\\$&')
      .replace(/(https?|ftp):\/\//gi, '$1\\://')
      .replace(/\bwww\./gi, 'www\\.')
      .replace(/@/g, '\\@')
      .replace(ABBREVIATION, '$1\\.')
      .replace(/\t/g, '&#9;')
      .replace(/ {2,}/g, (run) => ` ${'&#32;'.repeat(run.length - 1)}`)
  }
  escaped = escaped
    .replace(/(https?|ftp)(?=:\/\/)/gi, `$1${SEPARATOR}`)
    .replace(/\bwww(?=\.)/gi, `$&${SEPARATOR}`)
    .replace(/(?<=[-.\w+])@/g, `${SEPARATOR}@`)
  if (flavor === 'obsidian') escaped = escaped.replace(OBSIDIAN, '\\$&')
  return escaped.replace(/\t/g, '&#9;')
}

/** The locator in Pandoc's "[@key, locator]", read back by Pandoc as exactly `text`. */
export function escapeCitationSuffix(text: string): string {
  return escapeLines(escapeText(text, 'pandoc', true), 'pandoc')
}

/**
 * Makes the start and end of each line inert: a line beginning with "#", ">", "-" or "1." would
 * become a heading, a quote or a list, and Markdown strips blanks at either end (or makes leading
 * ones code), so those are kept as character references. Pandoc adds lists marked "a.", "iv)" and
 * "(1)", and definition lists and fenced divs that start with ":".
 */
export function escapeLines(markdown: string, flavor: Flavor = 'gfm'): string {
  return markdown
    .split('\n')
    .map((line) => {
      if (isPlainLine(line, flavor)) return line
      let safe = line.replace(/^([#>+=-])/, '\\$1').replace(/^(\d+)([.)])/, '$1\\$2')
      if (flavor === 'pandoc') {
        safe = safe
          .replace(/^([:(])/, '\\$1')
          .replace(/^([A-Za-z]|[ivxlcdm]+|[IVXLCDM]+)([.)])(?=[ \t]|$)/, '$1\\$2')
      }
      return safe.replace(/^[ \t]+/, blanks).replace(/(?<!\\)[ \t]+$/, blanks)
    })
    .join('\n')
}

/**
 * A line whose first and last characters none of the rules below could touch, as most lines of
 * prose are: checked by character, since a long essay has thousands of lines and each rule is a
 * regex run.
 */
function isPlainLine(line: string, flavor: Flavor): boolean {
  if (line === '') return true
  const first = line[0] as string
  const last = line[line.length - 1] as string
  if (' \t'.includes(first) || ' \t'.includes(last)) return false
  if ('#>+=-'.includes(first) || (first >= '0' && first <= '9')) return false
  if (flavor === 'pandoc' && (':('.includes(first) || /[A-Za-z]/.test(first))) return false
  return true
}

function blanks(run: string): string {
  return run.replace(/ /g, '&#32;').replace(/\t/g, '&#9;')
}

/** A locator or comment of only blanks is none: nothing to show. */
export function isBlank(text: string): boolean {
  return /^\s*$/.test(text)
}

/** A whole field (title, note, quote) as literal Markdown text. */
export function escapeMarkdown(text: string, flavor: Flavor = 'gfm'): string {
  return escapeLines(escapeText(text, flavor), flavor)
}

/** A heading's trailing "#"s would be read as its closing sequence. */
export function escapeClosingHashes(heading: string): string {
  return heading.replace(/(^|\s)(#+)$/, '$1\\$2')
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
  // eslint-disable-next-line no-control-regex
  return `<${url.replace(/[\x00-\x20\x7f<>\\]/g, (c) => encodeURIComponent(c))}>`
}

/**
 * A web address as an autolink ("<https://…>"), or nothing when it is not http(s): a snapshot read
 * back from a file could carry a javascript: URL, and an autolink would make it live.
 */
export function webAutolink(url: string | undefined): string | undefined {
  if (!url || !isWebLink(url.trim())) return undefined
  return linkDestination(url.trim())
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
