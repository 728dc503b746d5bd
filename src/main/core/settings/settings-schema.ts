import { z } from 'zod'
import {
  ESSAY_FONTS,
  READER_FONT_SIZE,
  SCREEN_READER_SUPPORT,
  THEMES,
  type ResumeState,
  type Settings,
} from '../../../shared/settings'
import { CITATION_STYLES, EXPORT_FORMATS } from '../../../shared/ipc'
import { idSchema } from '../store/schema'

/** One schema per setting: a bad value costs only that setting, the others load as saved. */
export const settingSchemas = {
  theme: z.enum(THEMES),
  readerFontSize: z
    .number()
    .int()
    .min(READER_FONT_SIZE.min, `must be at least ${READER_FONT_SIZE.min}`)
    .max(READER_FONT_SIZE.max, `must be at most ${READER_FONT_SIZE.max}`),
  essayFont: z.enum(ESSAY_FONTS),
  exportFormat: z.enum(EXPORT_FORMATS),
  citationStyle: z.enum(CITATION_STYLES),
  userName: z.string().max(100, 'must be at most 100 characters'),
  screenReaderSupport: z.enum(SCREEN_READER_SUPPORT),
} satisfies { [K in keyof Settings]: z.ZodType<Settings[K]> }

/** What the renderer may change at once: some settings, none unknown. */
export const settingsChangeSchema = z.object(settingSchemas).partial().strict()

export const resumeSchemas = {
  view: z.enum(['reader', 'essay']),
  sourceId: idSchema.nullable(),
  essayId: idSchema.nullable(),
  reading: z
    .object({
      sourceId: idSchema,
      offset: z.number().int().nonnegative(),
      fraction: z.number().min(0).max(1),
    })
    .strict()
    .nullable(),
} satisfies { [K in keyof ResumeState]: z.ZodType<ResumeState[K]> }

export const resumeStateSchema = z.object(resumeSchemas).strict()
