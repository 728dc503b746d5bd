#!/usr/bin/env node
// The `commonplace` command runs the CLI that `npm run build` bundles into out/main.
const { existsSync } = require('node:fs')
const { join } = require('node:path')

const cli = join(__dirname, '..', 'out', 'main', 'cli.js')
if (!existsSync(cli)) {
  process.stderr.write('commonplace: the CLI is not built yet; run `npm run build` first.\n')
  process.exit(1)
}
// Node 22.1+ keeps compiled code between runs, which is most of a cold start; older Node has no cache.
require('node:module').enableCompileCache?.()
require(cli)
