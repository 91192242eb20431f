// WAL checkpoints away from the requests. SQLite checkpoints inside whichever COMMIT takes the
// log past 1,000 pages, copying every page not yet copied back into the database file there and
// then: under a stream of claim submissions one in ~60 waited 5–50 ms for it (the tail latency).
// Here a worker thread with its own connection copies the log as it grows (PASSIVE: it never
// waits for or blocks a reader or the writer), every 10 ms while writes arrive, every 500 ms
// when idle. SQLite's own checkpoint stays on: only the writer can restart the log from its
// beginning, which it does after its own checkpoint, and by then the worker has copied nearly
// every page, so that checkpoint costs about a millisecond instead of tens.
import { createRequire } from 'node:module'
import { Worker } from 'node:worker_threads'

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
let timer = null
let last = ''
const tick = () => {
  timer = null
  if (db === null) return
  let busy = false
  try {
    const r = db.pragma('wal_checkpoint(PASSIVE)')[0]
    const seen = r.log + ':' + r.checkpointed
    busy = seen !== last
    last = seen
    if (workerData.report) parentPort.postMessage({ result: r })
  } catch (err) { report(err) }
  if (!stopped) timer = setTimeout(tick, busy ? workerData.busyMs : workerData.idleMs)
}
let stopped = false
timer = setTimeout(tick, workerData.idleMs)
parentPort.on('message', (m) => {
  if (m !== 'stop') return
  stopped = true
  if (timer !== null) clearTimeout(timer)
  tick()
  if (db !== null) db.close()
  parentPort.close()
})
`

interface CheckpointerOptions {
  busyMs?: number
  idleMs?: number
  onResult?: (r: CheckpointResult) => void
  onError?: (message: string) => void
  /** The SQLite driver the thread loads (better-sqlite3's own file unless a test names another). */
  driver?: string
}

export function startCheckpointer (path: string, opts: CheckpointerOptions = {}): Checkpointer {
  const driver = opts.driver ?? createRequire(import.meta.url).resolve('better-sqlite3')
  const worker = new Worker(
    WORKER_SOURCE,
    { eval: true, workerData: { path, driver, busyMs: opts.busyMs ?? 10, idleMs: opts.idleMs ?? 500, report: opts.onResult !== undefined } }
  )
  // Results are sent only to a caller that asked (tests): the request thread is not woken 100 times a second.
  worker.on('message', (m: { result?: CheckpointResult, error?: string }) => {
    if (m.error !== undefined) opts.onError?.(m.error)
    else if (m.result !== undefined) opts.onResult?.(m.result)
  })
  worker.on('error', (err) => opts.onError?.(err.message))
  // Never keeps the process alive on its own; the server's close stops it. (After the listeners:
  // a 'message' listener added later would ref the worker's port again.)
  worker.unref()
  // Settles when the thread has ended, however it ended ('exit' follows an 'error' too). Not
  // events.once: that rejects on 'error', and with nobody awaiting it until stop() the rejection
  // would go unhandled and end the process.
  const exited = new Promise<void>((resolve) => { worker.once('exit', () => { resolve() }) })
  return {
    stop: async () => {
      worker.ref() // held open until it has finished
      worker.postMessage('stop')
      const timeout = new Promise<'timeout'>((resolve) => setTimeout(() => resolve('timeout'), 5000).unref())
      if (await Promise.race([exited.then(() => 'exited' as const), timeout]) === 'timeout') await worker.terminate()
    }
  }
}
