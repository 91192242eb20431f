// The request thread's side of the roster import's worker thread (roster-worker.ts). One worker
// for the process, started on the first import and shared by every app instance in it (tests
// build many); it never keeps the process alive. The same file runs under tsx (tests, dev: the
// worker is the .ts file, loaded by the same loader) and compiled in dist/ (the .js beside this).
import { Worker } from 'node:worker_threads'
import { AppError, type FieldErrors } from '../../lib/errors.js'
import type { CsvEncoding } from './roster-file.js'
import type { RefusedRow, RosterRow } from './roster-rows.js'

export interface ParseJob {
  id: number
  fileName: string
  data: Uint8Array
  encoding: CsvEncoding
  /** Today in Shanghai (YYYY-MM-DD): a birth date after it is refused. */
  today: string
  /** A liaison's limit by headcount; null for staff and admins. */
  limit: { rows: number, headcount: number } | null
}

interface SentError {
  statusCode: number
  code: string
  messageKey: string
  params: Record<string, string | number>
  fields?: FieldErrors
  detail?: string
}

export type ParseMessage =
  | { id: number, kind: 'rows', total: number, valid: RosterRow[], refused: RefusedRow[], duplicates: number }
  | { id: number, kind: 'done', total: number }
  | { id: number, kind: 'error', error: SentError }

export interface ParsedRows { total: number, valid: RosterRow[], refused: RefusedRow[], duplicates: number }

interface Pending { resolve: (r: ParsedRows) => void, reject: (err: unknown) => void, result: ParsedRows }

let worker: Worker | null = null
let nextJob = 1
const pending = new Map<number, Pending>()

function start (): Worker {
  const ts = import.meta.url.endsWith('.ts')
  const entry = new URL('./roster-worker' + (ts ? '.ts' : '.js'), import.meta.url)
  // tsx's loader (npm run dev, the bench's --tsx) does not reach a worker's own entry point: the
  // worker registers it first. (Tests' loader, given in the process's flags, does.)
  const viaTsx = ts && process.execArgv.some((a) => a.includes('tsx'))
  const w = viaTsx
    ? new Worker(`import(${JSON.stringify(import.meta.resolve('tsx/esm/api'))}).then(({ register }) => { register(); return import(${JSON.stringify(entry.href)}) })`, { eval: true })
    : new Worker(entry)
  w.on('message', (m: ParseMessage) => {
    const job = pending.get(m.id)
    if (job === undefined) return
    if (m.kind === 'rows') {
      job.result.total = m.total
      for (const v of m.valid) job.result.valid.push(v)
      for (const r of m.refused) job.result.refused.push(r)
      job.result.duplicates += m.duplicates
    } else {
      pending.delete(m.id)
      if (pending.size === 0) w.unref()
      if (m.kind === 'done') job.resolve({ ...job.result, total: m.total })
      else if (m.error.statusCode >= 500) job.reject(new Error(m.error.detail ?? m.error.code))
      else job.reject(new AppError(m.error.statusCode, m.error.code, m.error.messageKey, m.error.params, m.error.fields))
    }
  })
  const fail = (err: unknown): void => {
    if (worker === w) worker = null
    for (const [id, job] of pending) { pending.delete(id); job.reject(err) }
  }
  w.on('error', fail)
  w.on('exit', (code) => fail(new Error(`roster worker exited (${code})`)))
  w.unref()
  return w
}

/** Reads and checks a roster file in the worker thread; rejects with the AppError that refused it. */
export async function parseRoster (job: Omit<ParseJob, 'id'>): Promise<ParsedRows> {
  worker ??= start()
  const w = worker
  const id = nextJob++
  return await new Promise<ParsedRows>((resolve, reject) => {
    pending.set(id, { resolve, reject, result: { total: 0, valid: [], refused: [], duplicates: 0 } })
    // Held open while a job runs: an import in progress is work the process owes.
    w.ref()
    w.postMessage({ ...job, id } satisfies ParseJob)
  })
}
