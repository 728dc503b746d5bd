import { describe, expect, it } from 'vitest'
import { pdfDate, pdfMetadata } from './pdf-metadata'

const xmp = (values: Record<string, unknown>): { get(name: string): unknown } => ({
  get: (name) => values[name] ?? null,
})

describe('pdfMetadata', () => {
  it('prefers XMP over the info dictionary, and joins several creators', () => {
    const metadata = pdfMetadata(
      { Title: 'Old title', Author: 'Someone', CreationDate: "D:20240102153000+01'00'" },
      xmp({
        'dc:title': 'The Real Title',
        'dc:creator': ['Ada Lovelace', 'Charles Babbage'],
        'xmp:createdate': '2023-05-06T07:08:09Z',
        'prism:doi': '10.1000/xyz123',
      }),
      'paper.pdf',
    )
    expect(metadata).toEqual({
      title: 'The Real Title',
      author: 'Ada Lovelace; Charles Babbage',
      publishedAt: '2023-05-06T07:08:09Z',
      identifier: 'doi:10.1000/xyz123',
    })
  })

  it('ignores a title that is only the file name or a placeholder', () => {
    expect(pdfMetadata({ Title: 'scan-0042.pdf' }, null, 'scan-0042.pdf').title).toBeUndefined()
    expect(pdfMetadata({ Title: 'scan-0042' }, null, 'scan-0042.pdf').title).toBeUndefined()
    expect(pdfMetadata({ Title: 'about:blank' }, null, 'a.pdf').title).toBeUndefined()
    expect(pdfMetadata({ Title: 'Untitled' }, null, 'a.pdf').title).toBeUndefined()
    expect(pdfMetadata({ Title: 'On Red Rocket' }, null, 'a.pdf').title).toBe('On Red Rocket')
  })

  it('finds an ISBN in the info dictionary when there is no DOI', () => {
    const metadata = pdfMetadata({ Subject: 'Printed book, ISBN 978-0-306-40615-7' }, null, 'b.pdf')
    expect(metadata.identifier).toBe('isbn:9780306406157')
  })
})

describe('pdfDate', () => {
  it('reads PDF dates with their time zone as UTC, and keeps a bare year or day', () => {
    expect(pdfDate("D:20240102153000+01'00'")).toBe('2024-01-02T14:30:00Z')
    expect(pdfDate("D:20240102153000-05'30'")).toBe('2024-01-02T21:00:00Z')
    expect(pdfDate('D:20240102153000Z')).toBe('2024-01-02T15:30:00Z')
    expect(pdfDate('D:2024')).toBe('2024')
    expect(pdfDate('D:20240102')).toBe('2024-01-02')
    expect(pdfDate('2023-05-06')).toBe('2023-05-06')
    expect(pdfDate('sometime last spring')).toBeUndefined()
  })
})
