// WAL checkpoints away from the requests. SQLite's automatic checkpoint runs inside whichever
// COMMIT crosses its threshold (1,000 pages) and copies the log back into the database file
// there and then: under a stream of claim submissions one in ~60 waited 5–40 ms for it, which
// made the tail latency. Here a worker thread with its own connection checkpoints instead, every
// second, PASSIVE (it never waits for or blocks a reader or the writer). The request connection
// keeps an automatic checkpoint at a threshold ten times higher, as a safety net should the
// worker ever stall, so the log stays bounded either way.
import { once } from 'node:events'
import { createRequire } from 'node:module'
import { Worker } from 'node:worker_threads'

/** The request connection's own threshold (pages) while a background checkpointer runs. */
export const SAFETY_NET_CHECKPOINT_PAGES = 10_000

export interface CheckpointResult { busy: number, log: number, checkpointed: number }

export interface Checkpointer {
  /** Checkpoints once more and closes the worker's connection. */
  stop: () => Promise<void>
}

// CommonJS evaluated in the worker: independent of how the main program was loaded (tsx, dist).
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads')
const report = (err) => parentPort.postMessage({ error: String((err && err.message) || err) })
let db = null
try {
  const Database = require(workerData.driver)
  db = new Database(workerData.path, { fileMustExist: true })
  db.pragma('busy_timeout = 1000')
} catch (err) { report(err) }
const tick = () => {
  if (db === null) return
  try { parentPort.postMessage({ result: db.pragma('wal_checkpoint(PASSIVE)')[0] }) } catch (err) { report(err) }
}
const timer = setInterval(tick, workerData.everyMs)
parentPort.on('message', (m) => {
  if (m !== 'stop') return
  clearInterval(timer)
  tick()
  if (db !== null) db.close()
  parentPort.close()
})
`

export function startCheckpointer (path: string, opts: { everyMs?: number, onResult?: (r: CheckpointResult) => void, onError?: (message: string) => void } = {}): Checkpointer {
  const driver = createRequire(import.meta.url).resolve('better-sqlite3')
  const worker = new Worker(WORKER_SOURCE, { eval: true, workerData: { path, driver, everyMs: opts.everyMs ?? 1000 } })
  // Never keeps the process alive on its own; the server's close stops it.
  worker.unref()
  worker.on('message', (m: { result?: CheckpointResult, error?: string }) => {
    if (m.error !== undefined) opts.onError?.(m.error)
    else if (m.result !== undefined) opts.onResult?.(m.result)
  })
  worker.on('error', (err) => opts.onError?.(err.message))
  const exited = once(worker, 'exit')
  return {
    stop: async () => {
      worker.ref() // held open until it has finished
      worker.postMessage('stop')
      const timeout = new Promise<'timeout'>((resolve) => setTimeout(() => resolve('timeout'), 5000).unref())
      if (await Promise.race([exited.then(() => 'exited' as const), timeout]) === 'timeout') await worker.terminate()
    }
  }
}
