import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { dataDirFromArgs, userDataFor } from './data-dir'

describe('the data folder and the instance it belongs to', () => {
  it('is named by --data-dir, either spelling, else by COMMONPLACE_DATA_DIR', () => {
    expect(dataDirFromArgs(['app', '--data-dir', '/notes'], {})).toBe('/notes')
    expect(dataDirFromArgs(['app', '--data-dir=/notes'], {})).toBe('/notes')
    expect(dataDirFromArgs(['app'], { COMMONPLACE_DATA_DIR: '/env' })).toBe('/env')
    expect(dataDirFromArgs(['app'], {})).toBeUndefined()
  })

  it('gives each named notebook a userData folder of its own, the same one every start', () => {
    const base = '/home/ada/.config/Commonplace'
    const thesis = userDataFor(base, '/home/ada/thesis')
    expect(thesis).toMatch(new RegExp(`^${join(base, 'notebooks')}/[0-9a-f]{16}$`))
    expect(userDataFor(base, '/home/ada/thesis/')).toBe(thesis)
    expect(userDataFor(base, '/home/ada/articles')).not.toBe(thesis)
  })

  it('leaves Electron’s folder to the default notebook, named or not', () => {
    const base = '/home/ada/.config/Commonplace'
    expect(userDataFor(base, undefined)).toBe(base)
    expect(userDataFor(base, `${base}/`)).toBe(base)
  })
})
