// One page, one address: the form of a URL that highlights and imported pages are matched by.

/**
 * Lowercase scheme and host, no fragment, no utm_* tracking parameters, no trailing slash; null
 * for what is not an http(s) URL (a Kindle book, a local file).
 */
export function canonicalUrl(url: string | undefined): string | null {
  if (!url) return null
  let parsed: URL
  try {
    parsed = new URL(url.trim())
  } catch {
    return null
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return null
  parsed.hash = ''
  for (const name of [...parsed.searchParams.keys()]) {
    if (name.toLowerCase().startsWith('utm_')) parsed.searchParams.delete(name)
  }
  const query = parsed.searchParams.toString()
  const path = parsed.pathname.replace(/\/+$/, '')
  // URL already lowercases the scheme and host and drops a default port.
  return `${parsed.protocol}//${parsed.host}${path}${query ? `?${query}` : ''}`
}
