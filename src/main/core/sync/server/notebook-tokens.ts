import { createHash, timingSafeEqual } from 'node:crypto'
import { join } from 'node:path'
import { z } from 'zod'
import { CommonplaceError } from '../../errors'
import { DurableJsonFile } from '../../store/durable-json-file'

// Who may open a notebook on the server. With `--token T` every notebook takes T. Without it, the
// first device to connect to a notebook name claims it with its token, and every later connection
// must bring the same one. Tokens are kept only as sha-256 hashes, so the file on the server does
// not hand out access to whoever reads it.

const notebooksFileSchema = z.object({
  schemaVersion: z.literal(1),
  notebooks: z.record(
    z.string(),
    z.object({ tokenSha256: z.string().regex(/^[0-9a-f]{64}$/), claimedAt: z.string() }),
  ),
})

type NotebooksFile = z.infer<typeof notebooksFileSchema>

/**
 * A connection the server turns away; `reason` is what the client is told and can show.
 * `badToken`: refused for its token (wrong or missing), which counts as a guess.
 */
export class SyncRefusal extends Error {
  constructor(
    readonly reason: string,
    readonly badToken = false,
  ) {
    super(reason)
    this.name = 'SyncRefusal'
  }
}

export interface NotebookTokens {
  /** Resolves when `token` opens `notebook` (claiming it when it is new); else throws SyncRefusal. */
  admit(notebook: string, token: string): Promise<void>
  /** The notebooks claimed so far. */
  claimed(): string[]
}

const sha256 = (text: string): Buffer => createHash('sha256').update(text, 'utf8').digest()

/** Compares digests, not the tokens: equal lengths, and no early exit a timer could measure. */
function sameToken(token: string, expectedSha256: Buffer): boolean {
  return timingSafeEqual(sha256(token), expectedSha256)
}

/** Every notebook on the server opens with the one token given on the command line. */
export function fixedToken(token: string): NotebookTokens {
  const expected = sha256(token)
  return {
    async admit(notebook, given) {
      if (given === '') throw new SyncRefusal(`a token is required for notebook ${notebook}`, true)
      if (!sameToken(given, expected))
        throw new SyncRefusal(`wrong token for notebook ${notebook}`, true)
    },
    claimed: () => [],
  }
}

/** Tokens claimed per notebook, kept in `<dataDir>/notebooks.json` (written durably). */
export async function claimedTokens(dataDir: string): Promise<NotebookTokens> {
  const file = new DurableJsonFile<NotebooksFile>(join(dataDir, 'notebooks.json'))
  const raw = await file.read()
  const parsed = notebooksFileSchema.safeParse(raw ?? { schemaVersion: 1, notebooks: {} })
  if (!parsed.success) {
    const problem = parsed.error.issues[0]
    throw new CommonplaceError(
      'damaged',
      `${file.path} is not a notebooks file the server understands (${problem?.path.join('.') || 'top level'}: ${problem?.message}). It was left as it is.`,
    )
  }
  const data = parsed.data
  // Claims run one at a time: two devices racing for a new name must not both win it.
  let queue: Promise<unknown> = Promise.resolve()
  const admitNow = async (notebook: string, token: string): Promise<void> => {
    if (token === '') throw new SyncRefusal(`a token is required for notebook ${notebook}`, true)
    const entry = data.notebooks[notebook]
    if (entry) {
      if (!sameToken(token, Buffer.from(entry.tokenSha256, 'hex')))
        throw new SyncRefusal(`wrong token for notebook ${notebook}`, true)
      return
    }
    const next: NotebooksFile = {
      ...data,
      notebooks: {
        ...data.notebooks,
        [notebook]: {
          tokenSha256: sha256(token).toString('hex'),
          claimedAt: new Date().toISOString(),
        },
      },
    }
    try {
      await file.write(next)
    } catch (error) {
      // Not claimed: the next connection tries again. The operator sees why in the server's log.
      console.error(`sync-server: ${(error as Error).message}`)
      throw new SyncRefusal(`the server could not record notebook ${notebook}; try again later`)
    }
    data.notebooks = next.notebooks
  }
  return {
    admit(notebook, token) {
      const turn = queue.then(() => admitNow(notebook, token))
      queue = turn.catch(() => undefined)
      return turn
    },
    claimed: () => Object.keys(data.notebooks),
  }
}
