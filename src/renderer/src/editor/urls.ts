// Which links an essay may hold: web and mail addresses only. Anything else (javascript:, file:,
// data:, relative paths from pasted pages) could do harm or means nothing outside its page.

const ALLOWED_PROTOCOLS = new Set(['http:', 'https:', 'mailto:'])

export function isAllowedUrl(url: string): boolean {
  try {
    return ALLOWED_PROTOCOLS.has(new URL(url).protocol)
  } catch {
    return false
  }
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
  if (!isAllowedUrl(candidate)) return null
  // A bare word ("hello") is no address; a host needs a dot (or is localhost).
  if (/^https?:/i.test(candidate)) {
    const host = new URL(candidate).hostname
    if (!host.includes('.') && host !== 'localhost') return null
  }
  return candidate
}
