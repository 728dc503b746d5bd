// Vite turns `import x from 'file?url'` into the emitted file's URL.
declare module '*?url' {
  const url: string
  export default url
}
