import { describe, expect, it } from 'vitest'
import { locationRange, readKindleDate, readKindleMetadata } from './kindle-metadata'

describe('a Kindle metadata line in each language', () => {
  const cases: [string, string, ReturnType<typeof readKindleMetadata>][] = [
    [
      'English, page and location',
      '- Your Highlight on page 12 | Location 1406-1410 | Added on Tuesday, 3 March 2020 09:12:45',
      { kind: 'highlight', page: '12', location: '1406-1410', createdAt: '2020-03-03T09:12:45' },
    ],
    [
      'English (US), no page, 12-hour clock',
      '- Your Highlight on Location 1406-1410 | Added on Tuesday, March 3, 2020 9:12:45 PM',
      { kind: 'highlight', location: '1406-1410', createdAt: '2020-03-03T21:12:45' },
    ],
    [
      'English note',
      '- Your Note on Location 1410 | Added on Tuesday, March 3, 2020 12:05:00 AM',
      { kind: 'note', location: '1410', createdAt: '2020-03-03T00:05:00' },
    ],
    [
      'English bookmark',
      '- Your Bookmark on page 14 | Location 1500 | Added on Tuesday, 3 March 2020 09:20:11',
      { kind: 'bookmark', page: '14', location: '1500', createdAt: '2020-03-03T09:20:11' },
    ],
    [
      'English, first Kindles ("Loc.", no seconds)',
      '- Highlight Loc. 1406-10 | Added on Tuesday, March 3, 2020, 09:12 AM',
      { kind: 'highlight', location: '1406-10', createdAt: '2020-03-03T09:12:00' },
    ],
    [
      'English, a roman page number',
      '- Your Highlight on page xii | Location 80-82 | Added on Tuesday, 3 March 2020 09:12:45',
      { kind: 'highlight', page: 'xii', location: '80-82', createdAt: '2020-03-03T09:12:45' },
    ],
    [
      'German',
      '- Ihre Markierung bei Position 1406-1410 | Hinzugefügt am Dienstag, 3. März 2020 09:12:45',
      { kind: 'highlight', location: '1406-1410', createdAt: '2020-03-03T09:12:45' },
    ],
    [
      'German with a page',
      '- Ihre Markierung auf Seite 12 | Position 1406-1410 | Hinzugefügt am Dienstag, 3. März 2020 09:12:45',
      { kind: 'highlight', page: '12', location: '1406-1410', createdAt: '2020-03-03T09:12:45' },
    ],
    [
      'German note',
      '- Ihre Notiz bei Position 1410 | Hinzugefügt am Dienstag, 3. März 2020 09:13:00',
      { kind: 'note', location: '1410', createdAt: '2020-03-03T09:13:00' },
    ],
    [
      'German bookmark',
      '- Ihr Lesezeichen bei Position 1500 | Hinzugefügt am Dienstag, 3. März 2020 09:13:00',
      { kind: 'bookmark', location: '1500', createdAt: '2020-03-03T09:13:00' },
    ],
    [
      'French',
      '- Votre surlignement sur la page 12 | emplacement 1406-1410 | Ajouté le mardi 3 mars 2020 09:12:45',
      { kind: 'highlight', page: '12', location: '1406-1410', createdAt: '2020-03-03T09:12:45' },
    ],
    [
      'French note',
      "- Votre note à l'emplacement 1410 | Ajouté le mardi 3 mars 2020 09:12:45",
      { kind: 'note', location: '1410', createdAt: '2020-03-03T09:12:45' },
    ],
    [
      'French bookmark, a February date',
      '- Votre signet sur la page 14 | Ajouté le samedi 29 février 2020 23:59:59',
      { kind: 'bookmark', page: '14', createdAt: '2020-02-29T23:59:59' },
    ],
    [
      'Spanish',
      '- Tu subrayado en la página 12 | posición 1406-1410 | Añadido el martes, 3 de marzo de 2020 9:12:45',
      { kind: 'highlight', page: '12', location: '1406-1410', createdAt: '2020-03-03T09:12:45' },
    ],
    [
      'Spanish note',
      '- Tu nota en la posición 1410 | Añadido el martes, 3 de marzo de 2020 9:13:45',
      { kind: 'note', location: '1410', createdAt: '2020-03-03T09:13:45' },
    ],
    [
      'Spanish bookmark',
      '- Tu marcador en la posición 1500 | Añadido el martes, 3 de marzo de 2020 9:13:45',
      { kind: 'bookmark', location: '1500', createdAt: '2020-03-03T09:13:45' },
    ],
    [
      'Italian',
      '- La tua evidenziazione a pagina 12 | posizione 1406-1410 | Aggiunto in data martedì 3 marzo 2020 09:12:45',
      { kind: 'highlight', page: '12', location: '1406-1410', createdAt: '2020-03-03T09:12:45' },
    ],
    [
      'Italian note',
      '- La tua nota alla posizione 1410 | Aggiunto in data martedì 3 marzo 2020 09:12:45',
      { kind: 'note', location: '1410', createdAt: '2020-03-03T09:12:45' },
    ],
    [
      'Italian bookmark',
      '- Il tuo segnalibro alla posizione 1500 | Aggiunto in data martedì 3 marzo 2020 09:12:45',
      { kind: 'bookmark', location: '1500', createdAt: '2020-03-03T09:12:45' },
    ],
    [
      'Portuguese',
      '- Seu destaque na página 12 | posição 1406-1410 | Adicionado: terça-feira, 3 de março de 2020 09:12:45',
      { kind: 'highlight', page: '12', location: '1406-1410', createdAt: '2020-03-03T09:12:45' },
    ],
    [
      'Portuguese note',
      '- Sua nota na posição 1410 | Adicionado: terça-feira, 3 de março de 2020 09:12:45',
      { kind: 'note', location: '1410', createdAt: '2020-03-03T09:12:45' },
    ],
    [
      'Dutch',
      '- Je markering op pagina 12 | locatie 1406-1410 | Toegevoegd op dinsdag 3 maart 2020 09:12:45',
      { kind: 'highlight', page: '12', location: '1406-1410', createdAt: '2020-03-03T09:12:45' },
    ],
    [
      'Japanese',
      '- 12ページ|位置No. 1406-1410のハイライト |作成日: 2020年3月3日火曜日 9:12:45',
      { kind: 'highlight', page: '12', location: '1406-1410', createdAt: '2020-03-03T09:12:45' },
    ],
    [
      'Japanese note, afternoon',
      '- 位置No. 1410のメモ |作成日: 2020年3月3日火曜日 午後9:12:45',
      { kind: 'note', location: '1410', createdAt: '2020-03-03T21:12:45' },
    ],
    [
      'Japanese bookmark',
      '- 位置No. 1500のブックマーク |作成日: 2020年3月3日火曜日 9:12:45',
      { kind: 'bookmark', location: '1500', createdAt: '2020-03-03T09:12:45' },
    ],
    [
      'Chinese',
      '- 您在第 12 页（位置 #1406-1410）的标注 | 添加于 2020年3月3日星期二 上午9:12:45',
      { kind: 'highlight', page: '12', location: '1406-1410', createdAt: '2020-03-03T09:12:45' },
    ],
    [
      'Chinese note, afternoon',
      '- 您在位置 #1410的笔记 | 添加于 2020年3月3日星期二 下午9:12:45',
      { kind: 'note', location: '1410', createdAt: '2020-03-03T21:12:45' },
    ],
    [
      'Chinese bookmark',
      '- 您在位置 #1500的书签 | 添加于 2020年3月3日星期二 上午9:12:45',
      { kind: 'bookmark', location: '1500', createdAt: '2020-03-03T09:12:45' },
    ],
  ]
  it.each(cases)('%s', (_, line, expected) => {
    expect(readKindleMetadata(line)).toEqual(expected)
  })

  it('keeps the entry without a date when the date line is not one it reads', () => {
    expect(
      readKindleMetadata('- Your Highlight on Location 10-12 | Added on someday 9:12'),
    ).toEqual({
      kind: 'highlight',
      location: '10-12',
    })
  })

  it('says why a line with no highlight, note or bookmark word is not read', () => {
    expect(
      readKindleMetadata('- Your Clip on Location 10 | Added on Tuesday, 3 March 2020 9:12:45'),
    ).toMatch(/metadata line not understood/)
  })
})

describe('Kindle dates', () => {
  it('refuses a day that does not exist rather than rolling it over', () => {
    expect(readKindleDate('Added on Monday, 31 February 2020 09:12:45')).toBeUndefined()
  })

  it('reads month names without their accents or case', () => {
    expect(readKindleDate('Hinzugefügt am Dienstag, 3. MARZ 2020 09:12:45')).toBe(
      '2020-03-03T09:12:45',
    )
  })
})

describe('location ranges', () => {
  it('expands the shortened end the first Kindles wrote', () => {
    expect(locationRange('1406-10')).toEqual({ start: 1406, end: 1410 })
    expect(locationRange('998-1002')).toEqual({ start: 998, end: 1002 })
    expect(locationRange('1410')).toEqual({ start: 1410, end: 1410 })
    expect(locationRange('12-3')).toEqual({ start: 12, end: 13 })
  })
})
