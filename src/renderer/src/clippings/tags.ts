/**
 * Reads the tags field: commas separate tags when there are any, so a tag may hold a space
 * ("close reading, film"); otherwise spaces do ("film craft"). A leading # is dropped.
 */
export function parseTags(input: string): string[] {
  const parts = input.includes(',') ? input.split(',') : input.split(/\s+/)
  const tags = parts.map((part) => part.trim().replace(/^#+/, '').trim()).filter(Boolean)
  return [...new Set(tags)]
}

/** The inverse of {@link parseTags} for the edit field. */
export function formatTags(tags: string[]): string {
  return tags.some((tag) => /\s/.test(tag)) ? tags.join(', ') : tags.join(' ')
}
