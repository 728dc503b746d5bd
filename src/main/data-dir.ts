/** `--data-dir <path>` or `--data-dir=<path>` on the command line, else COMMONPLACE_DATA_DIR. */
export function dataDirFromArgs(argv: string[], env: NodeJS.ProcessEnv): string | undefined {
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]
    if (arg === '--data-dir' && argv[i + 1]) return argv[i + 1]
    if (arg.startsWith('--data-dir=')) return arg.slice('--data-dir='.length)
  }
  return env.COMMONPLACE_DATA_DIR || undefined
}
