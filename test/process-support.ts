// Child processes for the concurrency and crash tests: a TypeScript script under
// test/processes/ run by Node (through tsx), speaking JSON lines (see processes/protocol.ts).
import { spawn, type ChildProcess } from 'node:child_process'
import { join } from 'node:path'
import { createInterface } from 'node:readline'
import type { Message } from './processes/protocol'
import { repoDir } from './support'

type Event = Message['event']
type MessageOf<E extends Event> = Extract<Message, { event: E }>

const running = new Set<ScriptProcess>()

export class ScriptProcess {
  readonly messages: Message[] = []
  /** Lines that were not whole JSON: only a process killed mid-line may leave one. */
  readonly garbled: string[] = []
  readonly exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>
  private stderr = ''
  private readonly child: ChildProcess
  private readonly changed = new Set<() => void>()
  private ended = false

  /** Starts `node --import tsx test/processes/<script>.ts ...args`. */
  constructor(script: string, args: string[]) {
    const env = { ...process.env }
    delete env.COMMONPLACE_DATA_DIR
    this.child = spawn(
      process.execPath,
      ['--import', 'tsx', join(repoDir, 'test', 'processes', `${script}.ts`), ...args],
      { cwd: repoDir, env, stdio: ['pipe', 'pipe', 'pipe'] },
    )
    running.add(this)
    createInterface({ input: this.child.stdout! }).on('line', (line) => {
      try {
        this.messages.push(JSON.parse(line) as Message)
      } catch {
        this.garbled.push(line)
      }
      this.notify()
    })
    this.child.stderr!.on('data', (chunk: Buffer) => (this.stderr += chunk.toString()))
    // A write to a killed process's stdin fails; what it was told no longer matters.
    this.child.stdin!.on('error', () => undefined)
    this.exited = new Promise((resolve) => {
      this.child.on('close', (code, signal) => {
        this.ended = true
        running.delete(this)
        this.notify()
        resolve({ code, signal })
      })
    })
  }

  get pid(): number {
    return this.child.pid ?? -1
  }

  send(command: string): void {
    this.child.stdin!.write(`${command}\n`)
  }

  /** Closes its stdin: the scripts take that as being told to quit. */
  quit(): void {
    this.child.stdin!.end()
  }

  all<E extends Event>(event: E): MessageOf<E>[] {
    return this.messages.filter((message): message is MessageOf<E> => message.event === event)
  }

  /** The first message of this kind; rejects if the process fails, exits or takes too long. */
  waitFor<E extends Event>(event: E, timeoutMs = 30_000): Promise<MessageOf<E>> {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(
        () => finish(new Error(`no "${event}" within ${timeoutMs} ms`)),
        timeoutMs,
      )
      const finish = (error: Error | null, message?: MessageOf<E>): void => {
        clearTimeout(timer)
        this.changed.delete(check)
        if (error) reject(new Error(`${error.message}\n${this.stderr}`))
        else resolve(message as MessageOf<E>)
      }
      const check = (): void => {
        const found = this.all(event)[0]
        const failed = this.all('failed')[0]
        if (found) finish(null, found)
        else if (failed) finish(new Error(`the ${event} never came: ${failed.message}`))
        else if (this.ended) finish(new Error(`the process exited before "${event}"`))
      }
      this.changed.add(check)
      check()
    })
  }

  /** SIGKILL: no handler runs, nothing is flushed or released, as in a crash or power cut. */
  async kill(): Promise<void> {
    if (!this.ended) this.child.kill('SIGKILL')
    await this.exited
  }

  private notify(): void {
    for (const check of [...this.changed]) check()
  }
}

/** Kills whatever a failed test left running (only processes this file started). */
export async function killRemaining(): Promise<void> {
  await Promise.all([...running].map((child) => child.kill()))
}
