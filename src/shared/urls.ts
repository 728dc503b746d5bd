// What counts as a link, in one place: what the reader and the window open in the user's browser,
// what an essay's link may hold, what an export writes as a link, a source's address in shared
// annotations. Addresses are parsed as the browser parses them (URL), never matched by their
// first letters: "https://" alone is no address, and " javascript:…" is not let through by a
// prefix test that forgot to trim.

const WEB_PROTOCOLS = new Set(['http:', 'https:'])
const LINK_PROTOCOLS = new Set(['http:', 'https:', 'mailto:'])

function parse(url: string): URL | null {
  try {
    return new URL(url)
  } catch {
    return null
  }
}

// eslint-disable-next-line no-control-regex
const SPACE_OR_CONTROL = /[\s\x00-\x1f\x7f]/

/**
 * An http(s) address with a host, written as it stands (no whitespace or control characters,
 * which URL would quietly drop or encode): one the user's browser can be handed as it is.
 */
export function isWebLink(url: string): boolean {
  if (SPACE_OR_CONTROL.test(url)) return false
  const parsed = parse(url)
  return parsed !== null && WEB_PROTOCOLS.has(parsed.protocol) && parsed.hostname !== ''
}

/** What a link in an essay may point to: a web address or a mail address, nothing else. */
export function isAllowedLink(url: string): boolean {
  const parsed = parse(url)
  return parsed !== null && LINK_PROTOCOLS.has(parsed.protocol)
}

/**
 * What the writer typed -> a link, or null if it cannot be one. "example.org/x" becomes
 * "https://example.org/x" and "ann@example.org" becomes a mailto: link.
 */
export function normalizeUrl(input: string): string | null {
  const value = input.trim()
  if (value === '' || /\s/.test(value)) return null
  if (/^[^@/:]+@[^@/:]+\.[^@/:]+$/.test(value)) return `mailto:${value}`
  const candidate = /^[a-z][a-z0-9+.-]*:/i.test(value) ? value : `https://${value}`
  if (!isAllowedLink(candidate)) return null
  // A bare word ("hello") is no address; a host needs a dot (or is localhost).
  if (/^https?:/i.test(candidate)) {
    const host = new URL(candidate).hostname
    if (!host.includes('.') && host !== 'localhost') return null
  }
  return candidate
}
