import { describe, expect, it } from 'vitest'
import { isAllowedLink, isWebLink, normalizeUrl } from './urls'

const hostile = [
  'javascript:alert(1)',
  'JaVaScRiPt:alert(1)',
  ' javascript:alert(1)',
  'javascript://example.org/%0Aalert(1)',
  'data:text/html,<script>alert(1)</script>',
  'file:///etc/passwd',
  'vbscript:msgbox(1)',
  'blob:https://example.org/3f1c',
  'app://commonplace/index.html',
  '//example.org/no-scheme',
  '/relative/path',
  '#fragment',
  '',
]

describe('one rule for links', () => {
  it('a web link is http(s) with a host, written as it stands', () => {
    for (const url of [
      'https://example.org',
      'http://example.org/a?b=c#d',
      'HTTPS://EXAMPLE.ORG/x',
    ])
      expect(isWebLink(url), url).toBe(true)
    for (const url of [
      ...hostile,
      'mailto:ann@example.org',
      'https://',
      'https://exa mple.org',
      'https://example.org/a b',
      ' https://example.org',
      'https://example.org\n',
      '\u0000https://example.org',
      'https://example.org\u0007',
      'ftp://example.org/file',
    ])
      expect(isWebLink(url), JSON.stringify(url)).toBe(false)
  })

  it('an essay link may be a web or a mail address, nothing else', () => {
    for (const url of ['https://example.org', 'mailto:ann@example.org'])
      expect(isAllowedLink(url), url).toBe(true)
    for (const url of [...hostile, 'https://', 'tel:+441234', 'ftp://example.org'])
      expect(isAllowedLink(url), JSON.stringify(url)).toBe(false)
  })

  it('what the writer types becomes a link, or nothing', () => {
    expect(normalizeUrl('example.org/x')).toBe('https://example.org/x')
    expect(normalizeUrl('  https://example.org ')).toBe('https://example.org')
    expect(normalizeUrl('ann@example.org')).toBe('mailto:ann@example.org')
    expect(normalizeUrl('localhost:3000')).toBeNull() // a scheme-like prefix, not http(s)
    expect(normalizeUrl('http://localhost:3000')).toBe('http://localhost:3000')
    // "//example.org/…" is left out: it becomes a link to example.org, as a browser reads it.
    const notLinks = hostile.filter((input) => !input.startsWith('//'))
    for (const input of ['hello', 'a b@example.org', 'example .org', ...notLinks])
      expect(normalizeUrl(input), JSON.stringify(input)).toBeNull()
  })
})
