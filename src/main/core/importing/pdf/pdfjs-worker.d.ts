// pdf.js's worker module has no type declarations of its own; Commonplace only hands it to
// pdf.js (load-pdfjs.ts), so its shape does not matter here.
declare module 'pdfjs-dist/legacy/build/pdf.worker.mjs' {
  export const WorkerMessageHandler: unknown
}
