// The request thread's side of the roster import's worker thread (roster-worker.ts). The
// worker reads and checks the file (parseRoster), keeps the valid rows, and writes them on its
// own connection when asked (writeRoster), or drops them (discardRows). One worker for the
// process, started on the first import and shared by every app instance in it (tests build
// many); it never keeps the process alive. The same file runs under tsx (tests, dev: the worker
// is the .ts file, loaded by the same loader) and compiled in dist/ (the .js beside this).
import { Worker } from 'node:worker_threads'
import { AppError, type FieldErrors } from '../../lib/errors.js'
import type { CsvEncoding } from './roster-file.js'
import type { RefusedRow } from './roster-rows.js'
import type { RosterWrite } from './roster-writes.js'

export interface ParseJob {
  kind: 'parse'
  id: number
  fileName: string
  data: Uint8Array
  encoding: CsvEncoding
  /** Today in Shanghai (YYYY-MM-DD): a birth date after it is refused. */
  today: string
  /** A liaison's limit by headcount; null for staff and admins. */
  limit: { rows: number, headcount: number } | null
}

export interface WriteJob {
  kind: 'write'
  /** The parse job whose rows are written. */
  id: number
  /** The database file, and the request thread's count of its transactions (shared memory). */
  path: string
  writers: Int32Array
  piiKey: string
  write: RosterWrite
  /** Rows already counted as processed (those refused in the file). */
  processed: number
}

export type WorkerJob = ParseJob | WriteJob | { kind: 'discard', id: number } | { kind: 'cancel', id: number }

interface SentError {
  statusCode: number
  code: string
  messageKey: string
  params: Record<string, string | number>
  fields?: FieldErrors
  detail?: string
}

export type WorkerMessage =
  | { id: number, kind: 'rows', total: number, valid: number, refused: RefusedRow[], duplicates: number }
  | { id: number, kind: 'done', total: number }
  | { id: number, kind: 'progress', processed: number, created: number, refused: RefusedRow[] }
  | { id: number, kind: 'written' }
  | { id: number, kind: 'error', error: SentError }

/** A checked file: the counts, and the refused rows; the valid rows stay in the worker (`job`). */
export interface ParsedRows { job: number, total: number, valid: number, refused: RefusedRow[], duplicates: number }

export interface WriteProgress { processed: number, created: number, refused: RefusedRow[] }

interface Pending {
  onMessage: (m: WorkerMessage) => void
  reject: (err: unknown) => void
}

let worker: Worker | null = null
let nextJob = 1
const pending = new Map<number, Pending>()

/**
 * A young generation of 4 MB (V8 sizes it by the machine otherwise): the process's resident
 * memory grew 64 MB during a 10,000-row import, 43 MB with it, at the same speed.
 */
const resourceLimits = { maxYoungGenerationSizeMb: 4 }

function start (): Worker {
  const ts = import.meta.url.endsWith('.ts')
  const entry = new URL('./roster-worker' + (ts ? '.ts' : '.js'), import.meta.url)
  // tsx's loader (npm run dev, the bench's --tsx) does not reach a worker's own entry point: the
  // worker registers it first. (Tests' loader, given in the process's flags, does.)
  const viaTsx = ts && process.execArgv.some((a) => a.includes('tsx'))
  const w = viaTsx
    ? new Worker(`import(${JSON.stringify(import.meta.resolve('tsx/esm/api'))}).then(({ register }) => { register(); return import(${JSON.stringify(entry.href)}) })`, { eval: true, resourceLimits })
    : new Worker(entry, { resourceLimits })
  w.on('message', (m: WorkerMessage) => { pending.get(m.id)?.onMessage(m) })
  const fail = (err: unknown): void => {
    if (worker === w) worker = null
    for (const [id, job] of pending) { pending.delete(id); job.reject(err) }
  }
  w.on('error', fail)
  w.on('exit', (code) => fail(new Error(`roster worker exited (${code})`)))
  w.unref()
  return w
}

function received (error: SentError): Error {
  return error.statusCode >= 500
    ? new Error(error.detail ?? error.code)
    : new AppError(error.statusCode, error.code, error.messageKey, error.params, error.fields)
}

/** Runs one job in the worker; `onMessage` answers each message and returns the result when it ends the job. */
async function run<T> (job: WorkerJob, onMessage: (m: WorkerMessage) => { result: T } | undefined): Promise<T> {
  worker ??= start()
  const w = worker
  return await new Promise<T>((resolve, reject) => {
    const settle = (): void => {
      pending.delete(job.id)
      if (pending.size === 0) w.unref()
    }
    pending.set(job.id, {
      onMessage: (m) => {
        if (m.kind === 'error') { settle(); reject(received(m.error)); return }
        try {
          const end = onMessage(m)
          if (end !== undefined) { settle(); resolve(end.result) }
        } catch (err) { settle(); reject(err) }
      },
      reject
    })
    // Held open while a job runs: an import in progress is work the process owes.
    w.ref()
    w.postMessage(job)
  })
}

/** Reads and checks a roster file in the worker thread; rejects with the AppError that refused it. */
export async function parseRoster (input: Omit<ParseJob, 'id' | 'kind'>): Promise<ParsedRows> {
  const id = nextJob++
  const result: ParsedRows = { job: id, total: 0, valid: 0, refused: [], duplicates: 0 }
  return await run<ParsedRows>({ ...input, kind: 'parse', id }, (m) => {
    if (m.kind === 'rows') {
      result.total = m.total
      result.valid += m.valid
      for (const r of m.refused) result.refused.push(r)
      result.duplicates += m.duplicates
      return undefined
    }
    return m.kind === 'done' ? { result: { ...result, total: m.total } } : undefined
  })
}

/**
 * Writes a parsed file's valid rows on the worker's own connection, a chunk per transaction
 * with `synchronous = NORMAL` (the caller's next commit at FULL makes them durable: the log is
 * one file, written in order). Calls `onProgress` after each chunk.
 */
export async function writeRoster (job: Omit<WriteJob, 'kind'>, onProgress: (p: WriteProgress) => void): Promise<void> {
  await run<undefined>({ ...job, kind: 'write' }, (m) => {
    if (m.kind === 'progress') { onProgress(m); return undefined }
    return m.kind === 'written' ? { result: undefined } : undefined
  })
}

/** Drops a parsed file's rows (the file was not written after all: the same file again). */
export function discardRows (job: number): void {
  worker?.postMessage({ kind: 'discard', id: job } satisfies WorkerJob)
}

/** Asks a running write to stop after its current chunk (the server is closing); it rejects. */
export function cancelWrite (job: number): void {
  worker?.postMessage({ kind: 'cancel', id: job } satisfies WorkerJob)
}
