// The roster import's worker thread: reads the file and checks every row away from the request
// thread (a 50,000-row file took ~13 s of it, and every request of every user waited), keeps the
// valid rows, and writes them on its own connection when the request thread has recorded the
// import (a 50,000-row write held the request thread ~40 ms in every 100 rows). Driven by
// roster-thread.ts: answers each job with messages, or the error that ended it.
import { setImmediate as nextTurn } from 'node:timers/promises'
import { parentPort } from 'node:worker_threads'
import { openBulkConnection, waitForWriters } from '../../db/index.js'
import { AppError, ruleRefused } from '../../lib/errors.js'
import { createPii, type Pii } from '../../lib/pii.js'
import { readRosterFile } from './roster-file.js'
import { checkRows, type RosterRow } from './roster-rows.js'
import type { ParseJob, WorkerJob, WorkerMessage, WriteJob } from './roster-thread.js'
import { writeRosterChunk } from './roster-writes.js'

/** Rows per message: each message is a few milliseconds of the request thread's time to take in. */
const CHUNK = 2_000
/**
 * Rows per write transaction: ~40 ms of the write lock at city scale. A request that writes
 * meanwhile waits for at most one (see waitForWriters); larger chunks barely speed the import.
 */
const WRITE_CHUNK = 100

const port = parentPort
if (port === null) throw new Error('roster-worker.ts runs as a worker thread')

/** Valid rows of parsed files, until written or discarded. */
const held = new Map<number, RosterRow[]>()
const cancelled = new Set<number>()
const piis = new Map<string, Pii>()

const send = (m: WorkerMessage): void => { port.postMessage(m) }

port.on('message', (job: WorkerJob) => {
  if (job.kind === 'discard') { held.delete(job.id); return }
  if (job.kind === 'cancel') { cancelled.add(job.id); return }
  const work = job.kind === 'parse' ? parse(job) : write(job)
  work.catch((err: unknown) => {
    held.delete(job.id)
    const e = err instanceof AppError ? err : null
    send(e === null
      ? { id: job.id, kind: 'error', error: { statusCode: 500, code: 'INTERNAL', messageKey: 'error.internal', params: {}, detail: String((err as Error)?.stack ?? err) } }
      : { id: job.id, kind: 'error', error: { statusCode: e.statusCode, code: e.code, messageKey: e.messageKey, params: e.params, fields: e.fields } })
  }).finally(() => cancelled.delete(job.id))
})

async function parse (job: ParseJob): Promise<void> {
  const parsed = await readRosterFile(job.fileName, Buffer.from(job.data), job.encoding)
  const total = parsed.rows.length
  // A liaison's roster far larger than the enterprise's declared headcount is refused whole.
  if (job.limit !== null && total > job.limit.rows) {
    throw ruleRefused('ROSTER_EXCEEDS_HEADCOUNT', 'memberships.import.exceedsHeadcount', { rows: total, headcount: job.limit.headcount, max: job.limit.rows })
  }
  const seen = new Set<string>()
  const valid: RosterRow[] = []
  for (let from = 0; from < total; from += CHUNK) {
    const checked = checkRows(parsed, job.today, seen, from, Math.min(total, from + CHUNK))
    for (const v of checked.valid) valid.push(v)
    send({ id: job.id, kind: 'rows', total, valid: checked.valid.length, refused: checked.refused, duplicates: checked.duplicates })
  }
  held.set(job.id, valid)
  send({ id: job.id, kind: 'done', total })
}

async function write (job: WriteJob): Promise<void> {
  const rows = held.get(job.id)
  if (rows === undefined) throw new Error(`no checked rows for roster job ${job.id}`)
  held.delete(job.id)
  let pii = piis.get(job.piiKey)
  if (pii === undefined) { pii = createPii(job.piiKey); piis.set(job.piiKey, pii) }
  // Each chunk's commit does not wait for the disk; the request thread's last commit (at FULL,
  // recording the import done) does, for all of them.
  const db = openBulkConnection(job.path)
  try {
    let processed = job.processed
    let created = 0
    for (let from = 0; from < rows.length; from += WRITE_CHUNK) {
      if (cancelled.has(job.id)) throw new Error('roster import cancelled: the server is closing')
      waitForWriters(job.writers)
      const chunk = rows.slice(from, from + WRITE_CHUNK)
      const out = writeRosterChunk(db, pii, job.write, chunk, processed, created)
      processed += chunk.length
      created += out.created
      send({ id: job.id, kind: 'progress', processed, created, refused: out.refused })
      // Lets other jobs' messages (a parse, a cancel) in between chunks.
      await nextTurn()
    }
  } finally {
    db.$client.close()
  }
  send({ id: job.id, kind: 'written' })
}
