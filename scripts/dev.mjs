// `npm run dev`: the app in Electron with the renderer served hot (electron-vite dev), or one line
// saying the Electron binary is missing and what to do. Arguments pass on to electron-vite.

import { launchApp } from './launch-app.mjs'

await launchApp('dev', process.argv.slice(2))
