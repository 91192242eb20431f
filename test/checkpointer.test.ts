// WAL checkpoints in a worker thread: the log written by the request connection is copied into
// the database file without any request doing it, nothing is lost, and the server's close stops
// the worker. With WAL_CHECKPOINT=background the app sets SQLite's own threshold ten times higher.
import t, { type Test } from 'tap'
import { spawnSync } from 'node:child_process'
import { mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import Database from 'better-sqlite3'
import { openDatabase } from '../src/db/index.js'
import { startCheckpointer, type CheckpointResult } from '../src/db/checkpointer.js'
import { buildApp } from '../src/app.js'
import { loadConfig } from '../src/config.js'

function tempPath (t: Test): string {
  const dir = mkdtempSync(join(tmpdir(), 'portal-ckpt-'))
  t.teardown(() => rmSync(dir, { recursive: true, force: true }))
  return join(dir, 'portal.db')
}

t.test('the worker checkpoints what the request connection wrote; every row survives', async (t) => {
  const path = tempPath(t)
  const db = openDatabase(path)
  db.$client.pragma('wal_autocheckpoint = 0') // only the worker checkpoints here
  db.$client.exec('create table scratch (id integer primary key, body text not null)')
  const insert = db.$client.prepare('insert into scratch (body) values (?)')
  for (let i = 0; i < 2000; i++) insert.run('x'.repeat(500))
  const walBefore = statSync(`${path}-wal`).size
  t.ok(walBefore > 500_000, `the log holds the writes (${walBefore} bytes)`)

  const results: CheckpointResult[] = []
  const errors: string[] = []
  const ckpt = startCheckpointer(path, { busyMs: 5, idleMs: 20, onResult: (r) => results.push(r), onError: (m) => errors.push(m) })
  // Polls for the report however long a loaded machine takes (no deadline: tap's timeout is the
  // limit); the worker is unref'd, so the timer is what keeps the test alive meanwhile.
  const isComplete = (r: CheckpointResult): boolean => r.log > 0 && r.checkpointed === r.log
  while (!results.some(isComplete) && errors.length === 0) await new Promise((resolve) => setTimeout(resolve, 20))
  t.same(errors, [], 'no error while checkpointing')
  const done = results.find(isComplete)!
  t.ok(done !== undefined && done.checkpointed > 0, 'a complete checkpoint was reported')
  t.equal(done.busy, 0, 'PASSIVE: never busy')
  // Writes go on while the worker runs: the next commit starts the log again from the beginning.
  for (let i = 0; i < 100; i++) insert.run('y')
  await ckpt.stop()
  t.same(errors, [])
  db.$client.close()

  const check = new Database(path, { readonly: true })
  t.teardown(() => check.close())
  t.equal(check.pragma('integrity_check', { simple: true }), 'ok')
  t.equal((check.prepare('select count(*) as n from scratch').get() as { n: number }).n, 2100)
})

t.test('a missing database file: the worker reports the error and stops cleanly', async (t) => {
  const errors: string[] = []
  const ckpt = startCheckpointer(join(tempPath(t), 'nope.db'), { idleMs: 20, onError: (m) => errors.push(m) })
  await ckpt.stop()
  t.ok(errors.length > 0, errors.join('; '))
})

t.test('the app with WAL_CHECKPOINT=background: SQLite\'s own checkpoint left on, a clean close', async (t) => {
  const path = tempPath(t)
  const config = { ...loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent', WAL_CHECKPOINT: 'background' }), databasePath: path, uploadDir: join(path, '..', 'uploads') }
  t.equal(config.backgroundCheckpoint, true)
  t.equal(loadConfig({ NODE_ENV: 'test' }).backgroundCheckpoint, false, 'tests default to inline')
  t.equal(loadConfig({ NODE_ENV: 'development' }).backgroundCheckpoint, true)
  const app = await buildApp(config)
  await app.ready()
  t.equal(app.db.$client.pragma('wal_autocheckpoint', { simple: true }), 1000)
  const res = await app.inject({ url: '/healthz' })
  t.equal(res.statusCode, 200)
  await app.close()
  t.equal(app.db.$client.open, false)
})

t.test('a worker that fails (a thread that cannot start): reported, no unhandled rejection, stop() resolves', async (t) => {
  // Node emits 'error' then 'exit' on the Worker. Awaiting events.once(worker, 'exit') would
  // reject on that 'error' with nobody listening yet: an unhandled rejection, which ends the process.
  // Here the thread really fails: the driver it loads first does not exist.
  const rejections: unknown[] = []
  const onRejection = (reason: unknown): void => { rejections.push(reason) }
  process.on('unhandledRejection', onRejection)
  t.teardown(() => { process.off('unhandledRejection', onRejection) })
  const errors: string[] = []
  const ckpt = startCheckpointer(tempPath(t), { driver: '/nowhere/better-sqlite3.js', onError: (m) => errors.push(m) })
  // The failure comes before anyone awaits the thread (the timers keep this process alive meanwhile).
  while (errors.length === 0) await new Promise((resolve) => setTimeout(resolve, 10))
  await ckpt.stop() // resolves: the thread has ended
  t.equal(errors.length, 1, 'reported once')
  t.match(errors[0], /Cannot find module/)
  t.same(rejections, [], 'no unhandled rejection')
})

t.test('a process that never stops the checkpointer still exits by itself', async (t) => {
  // A 'message' listener added after worker.unref() refs the worker's port again: the listeners
  // come first, then unref.
  const path = tempPath(t)
  openDatabase(path).$client.close()
  const script = join(path, '..', 'run.mts')
  writeFileSync(script, `import { startCheckpointer } from ${JSON.stringify(join(process.cwd(), 'src', 'db', 'checkpointer.ts'))}
startCheckpointer(${JSON.stringify(path)}, { idleMs: 20, onError: (m) => { console.error(m) } })
console.log('started')
`)
  const r = spawnSync(process.execPath, ['--import', 'tsx', script], { encoding: 'utf8', timeout: 20_000 })
  t.equal(r.stdout.trim(), 'started', r.stderr)
  t.equal(r.status, 0, `exited with ${String(r.status)} ${String(r.signal)}`)
})
