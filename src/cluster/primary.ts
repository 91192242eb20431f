// WEB_CONCURRENCY=N (N > 1): the primary process forks N server processes that share the port
// (node:cluster hands out connections in turn). The first is the writer: it starts alone (it
// applies migrations), owns every write and listens on a unix socket in a fresh 0700 directory;
// the others are readers that answer GET/HEAD and forward the rest there (src/cluster/forward.ts).
// A worker that dies is forked again after a growing pause; SIGTERM/SIGINT drain the readers
// first (their forwarded writes still reach the writer), then the writer.
import cluster, { type Worker } from 'node:cluster'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { ROLE_VAR, SOCKET_VAR } from './role.js'

/** What a worker sends the primary once it listens. */
export const READY_MESSAGE = 'portal-ready'
/**
 * What the primary sends a worker to make it finish and exit. A message, not SIGTERM: a service
 * manager (systemd's default) or a terminal's Ctrl-C signals every process of the group, and a
 * second signal makes a draining worker exit at once.
 */
export const DRAIN_MESSAGE = 'portal-drain'
const FIRST_PAUSE_MS = 100
const LONGEST_PAUSE_MS = 10_000
/** A worker that ran this long before dying starts again without waiting. */
const STABLE_MS = 30_000

interface Slot { role: 'writer' | 'reader', worker?: Worker, startedAt: number, failures: number, timer?: NodeJS.Timeout }

export interface PrimaryOptions {
  processes: number
  /** How long each group (readers, then the writer) may take to finish on SIGTERM. */
  drainMs: number
  log: (level: 'info' | 'warn' | 'error', msg: string, extra?: Record<string, unknown>) => void
}

/** Pause before restarting a worker that has failed `failures` times in a row. */
export function restartPause (failures: number): number {
  return Math.min(LONGEST_PAUSE_MS, FIRST_PAUSE_MS * 2 ** Math.max(0, failures - 1))
}

export async function runPrimary (opts: PrimaryOptions): Promise<void> {
  // mkdtemp creates the directory 0700: only this user can reach the writer's socket.
  const dir = mkdtempSync(join(tmpdir(), 'portal-'))
  const socketPath = join(dir, 'writer.sock')
  const slots: Slot[] = Array.from({ length: opts.processes }, (_, i) => ({ role: i === 0 ? 'writer' : 'reader', startedAt: 0, failures: 0 }))
  let stopping = false
  let started = false

  const fork = (slot: Slot): Worker => {
    const env: Record<string, string> = { [ROLE_VAR]: slot.role, [SOCKET_VAR]: socketPath }
    // Readers write next to nothing (a session renewed now and then): checkpoints are the writer's job.
    if (slot.role === 'reader') env.WAL_CHECKPOINT = 'inline'
    slot.startedAt = Date.now()
    slot.worker = cluster.fork(env)
    return slot.worker
  }

  cluster.on('exit', (worker, code, signal) => {
    const slot = slots.find((s) => s.worker === worker)
    if (slot === undefined || stopping || !started) return
    slot.worker = undefined
    slot.failures = Date.now() - slot.startedAt >= STABLE_MS ? 1 : slot.failures + 1
    const pause = restartPause(slot.failures)
    opts.log('warn', `${slot.role} process ${String(worker.process.pid)} exited; starting another in ${pause} ms`, { code, signal })
    slot.timer = setTimeout(() => { slot.timer = undefined; if (!stopping) fork(slot) }, pause)
  })

  const shutdown = (signal: string): void => {
    if (stopping) return
    stopping = true
    opts.log('info', `${signal} received: draining ${opts.processes} server processes`)
    for (const s of slots) clearTimeout(s.timer)
    const group = async (role: Slot['role']): Promise<void> => {
      const running = slots.filter((s) => s.role === role && s.worker !== undefined)
      await Promise.all(running.map(async (s) => await stopWorker(s.worker!, opts.drainMs)))
    }
    group('reader').then(async () => { await group('writer') }).finally(() => {
      rmSync(dir, { recursive: true, force: true })
      process.exit(0)
    }).catch(() => {})
  }
  process.on('SIGTERM', () => { shutdown('SIGTERM') })
  process.on('SIGINT', () => { shutdown('SIGINT') })

  // The writer first: it migrates the database the readers then open.
  const writer = fork(slots[0])
  const ready = await new Promise<boolean>((resolve) => {
    writer.on('message', (m) => { if (m === READY_MESSAGE) resolve(true) })
    writer.once('exit', () => { resolve(false) })
  })
  if (!ready) {
    stopping = true
    rmSync(dir, { recursive: true, force: true })
    opts.log('error', 'the writer process did not start; stopping')
    process.exit(1)
  }
  started = true
  for (const slot of slots.slice(1)) fork(slot)
  const readers = opts.processes - 1
  opts.log('info', `${opts.processes} server processes: 1 writer, ${readers} reader${readers === 1 ? '' : 's'}`)
}

/** Asks the worker to drain (SIGTERM if it cannot hear), then SIGKILL if it has not exited in time. */
async function stopWorker (worker: Worker, drainMs: number): Promise<void> {
  if (worker.isDead()) return
  await new Promise<void>((resolve) => {
    const timer = setTimeout(() => { worker.process.kill('SIGKILL') }, drainMs)
    worker.once('exit', () => { clearTimeout(timer); resolve() })
    if (worker.isConnected()) worker.send(DRAIN_MESSAGE)
    else worker.process.kill('SIGTERM')
  })
}
