// The roster import's worker thread: reads the file and checks every row away from the request
// thread (a 50,000-row file took ~13 s of it, and every request of every user waited). Started
// by roster-parser.ts; answers each job with its rows in chunks, or the error that refused it.
import { parentPort } from 'node:worker_threads'
import { AppError, ruleRefused } from '../../lib/errors.js'
import { readRosterFile } from './roster-file.js'
import { checkRows } from './roster-rows.js'
import type { ParseJob, ParseMessage } from './roster-parser.js'

/** Rows per message: each message is a few milliseconds of the request thread's time to take in. */
const CHUNK = 2_000

const port = parentPort
if (port === null) throw new Error('roster-worker.ts runs as a worker thread')

port.on('message', (job: ParseJob) => {
  run(job).catch((err: unknown) => {
    const e = err instanceof AppError ? err : null
    const message: ParseMessage = e === null
      ? { id: job.id, kind: 'error', error: { statusCode: 500, code: 'INTERNAL', messageKey: 'error.internal', params: {}, detail: String((err as Error)?.stack ?? err) } }
      : { id: job.id, kind: 'error', error: { statusCode: e.statusCode, code: e.code, messageKey: e.messageKey, params: e.params, fields: e.fields } }
    port.postMessage(message)
  })
})

async function run (job: ParseJob): Promise<void> {
  const parsed = await readRosterFile(job.fileName, Buffer.from(job.data), job.encoding)
  const total = parsed.rows.length
  // A liaison's roster far larger than the enterprise's declared headcount is refused whole.
  if (job.limit !== null && total > job.limit.rows) {
    throw ruleRefused('ROSTER_EXCEEDS_HEADCOUNT', 'memberships.import.exceedsHeadcount', { rows: total, headcount: job.limit.headcount, max: job.limit.rows })
  }
  const seen = new Set<string>()
  for (let from = 0; from < total; from += CHUNK) {
    const checked = checkRows(parsed, job.today, seen, from, Math.min(total, from + CHUNK))
    port!.postMessage({ id: job.id, kind: 'rows', total, ...checked } satisfies ParseMessage)
  }
  port!.postMessage({ id: job.id, kind: 'done', total } satisfies ParseMessage)
}
