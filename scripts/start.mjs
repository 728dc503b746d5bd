// `npm start`: the app built and run in Electron (electron-vite preview), or one line saying the
// Electron binary is missing and what to do. Arguments pass on to electron-vite.

import { launchApp } from './launch-app.mjs'

await launchApp('preview', process.argv.slice(2))
