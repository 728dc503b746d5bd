import { Option, type Command } from 'commander'
import {
  ANNOTATION_FORMATS,
  exportAnnotations,
  type AnnotationFormat,
} from '../core/annotations/export-annotations'
import { print, type CliContext } from './context'

// Clippings out to other annotation tools: export-annotations.

export function registerAnnotationCommands(program: Command, cli: CliContext): void {
  program
    .command('export-annotations')
    .description(
      'export the clippings (of every source, or one) for other annotation tools, each placed in the newest version of its source; deleted sources are left out',
    )
    .option('--source <id>', 'only the clippings of this source (see: commonplace sources)')
    .addOption(
      new Option(
        '--format <format>',
        'w3c: W3C Web Annotation JSON-LD (an AnnotationCollection); hypothesis: JSON as Hypothesis exports it; csv: Readwise CSV',
      )
        .choices([...ANNOTATION_FORMATS])
        .default('w3c'),
    )
    .option('-o, --output <file>', 'write to this file instead of stdout')
    .action(async (options: { source?: string; format: AnnotationFormat; output?: string }) => {
      const app = await cli.open()
      const exported = await exportAnnotations(app.store, {
        format: options.format,
        sourceId: options.source,
      })
      if (options.output) {
        await app.exports.writeFile(options.output, exported)
        print(`wrote ${options.output}`)
      } else process.stdout.write(exported)
    })
}
