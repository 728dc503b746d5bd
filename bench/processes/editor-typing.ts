// `node --import tsx bench/processes/editor-typing.ts <citations> [headed]`: one typing
// measurement in a process of its own (under xvfb-run for the headed run); prints it as JSON.
import { measureTyping } from '../editor-typing'

async function main(): Promise<void> {
  const citations = Number(process.argv[2])
  if (!Number.isInteger(citations) || citations < 1) {
    throw new Error(`Expected a number of citations, got ${process.argv[2] ?? 'nothing'}.`)
  }
  const result = await measureTyping(citations, process.argv[3] === 'headed')
  console.log(JSON.stringify(result))
}

main().catch((error: unknown) => {
  console.error(error)
  process.exit(1)
})
