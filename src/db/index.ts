import { chmodSync, closeSync, existsSync, mkdirSync, openSync } from 'node:fs'
import { dirname } from 'node:path'
import Database from 'better-sqlite3'
import { drizzle, type BetterSQLite3Database } from 'drizzle-orm/better-sqlite3'
import { migrate } from 'drizzle-orm/better-sqlite3/migrator'
import * as schema from './schema/index.js'
import { migrationsDir } from '../paths.js'

export type Db = BetterSQLite3Database<typeof schema> & { $client: Database.Database }
/** A transaction handle; services pass it to repositories so a use case is one transaction. */
export type Tx = Parameters<Parameters<Db['transaction']>[0]>[0]
/** Either the database or a transaction: repositories accept both. */
export type DbOrTx = Db | Tx

/**
 * Opens (creating when missing) the SQLite file: WAL so readers never wait for the writer,
 * foreign keys on, a busy timeout so a second process (the admin command line) waits rather
 * than fails, synchronous FULL so every acknowledged write is durable, and applies the
 * committed migrations. Every connection that writes is opened here.
 */
export function openDatabase (path: string): Db {
  if (path !== ':memory:') {
    mkdirSync(dirname(path), { recursive: true })
    ownerOnly(path)
  }
  const db = openConnection(path)
  migrate(db, { migrationsFolder: migrationsDir })
  // Planner statistics (sqlite_stat1), refreshed where missing or stale, as SQLite advises for
  // long-lived connections. Without them the planner guesses, and at city scale it guessed
  // wrong: the claim queue scanned every open claim of the city (~250 ms a page) and a claim
  // submission scanned a plan year's shares, instead of starting from the building or member.
  optimizeDatabase(db)
  return db
}

/**
 * A connection to a database that exists and is migrated, set up as every writing connection
 * is (openDatabase's, and a roster import's worker thread's own).
 */
export function openConnection (path: string, opts: { fileMustExist?: boolean } = {}): Db {
  const sqlite = new Database(path, { fileMustExist: opts.fileMustExist ?? false })
  sqlite.pragma('journal_mode = WAL')
  sqlite.pragma('foreign_keys = ON')
  sqlite.pragma('busy_timeout = 5000')
  // Durable acknowledgements: every COMMIT waits until the log is on disk (fsync), so a claim,
  // payment confirmation or approval answered 2xx survives a power cut. (NORMAL in WAL mode
  // keeps the database consistent but may lose the last commits: the answer would be a lie.)
  // Measured at city scale: 6–26% of claim-submission throughput.
  sqlite.pragma('synchronous = FULL')
  // 48 MB of page cache (the default is 2 MB): the pages a request touches stay in memory.
  // Measured at city scale after the member home load had filled it with members' pages: the
  // claim queue 268 views a second at 32 MB, 388 at 64 MB, 412 at 128 MB; 64 MB took the
  // process over its 250 MB memory target during a roster import (262 MB), 48 MB does not (240).
  sqlite.pragma('cache_size = -49152')
  cacheStatements(sqlite)
  const db = drizzle(sqlite, { schema }) as Db
  writeLockFirst(db)
  return db
}

/**
 * Every transaction takes the write lock when it begins (BEGIN IMMEDIATE) unless it asks for
 * another behaviour. SQLite's default (DEFERRED) reads first and asks for the write lock at the
 * first write: when another connection (the backup or admin command, a second server process)
 * committed in between, the upgrade fails at once with SQLITE_BUSY_SNAPSHOT, the busy timeout
 * does not help, and the request answered 500. Waiting at BEGIN instead is always safe.
 *
 * Each transaction is also counted, while it waits and runs, in a counter other threads of the
 * process can read (writersOf): a roster import's worker thread does not begin its next chunk
 * while the request thread wants the lock, so a request waits for one chunk at most, rather
 * than for SQLite's busy handler, which polls by sleeping, to find the lock free by chance.
 *
 * An ordinary transaction first commits the open commit group, if any (inCommitGroup), so its
 * own commit and answer never come before those of requests that wrote earlier.
 */
function writeLockFirst (db: Db): void {
  const transaction = db.transaction.bind(db)
  const state: WriteState = { writers: new Int32Array(new SharedArrayBuffer(4)), group: null, joining: false }
  writeStates.set(db, state)
  db.transaction = ((fn, config) => {
    // Inside a commit group's unit of work: a savepoint of the group's transaction.
    if (state.joining) return transaction(fn, config)
    flushCommitGroup(db)
    enter(state)
    try {
      return transaction(fn, { behavior: 'immediate', ...config })
    } finally {
      leave(state)
    }
  }) as Db['transaction']
}

interface CommitGroup { committed: Promise<void>, settle: (err?: unknown) => void, size: number }
interface WriteState { writers: Int32Array, group: CommitGroup | null, joining: boolean }
const writeStates = new WeakMap<Db, WriteState>()
const stateOf = (db: Db): WriteState => writeStates.get(db)!
/** A transaction (or commit group) of the request thread begins waiting for the lock, or has ended. */
const enter = (state: WriteState): void => { Atomics.add(state.writers, 0, 1) }
const leave = (state: WriteState): void => {
  Atomics.sub(state.writers, 0, 1)
  Atomics.notify(state.writers, 0)
}

/** The connection's count of transactions waiting or running (shared memory, for a worker thread). */
export function writersOf (db: Db): Int32Array {
  return stateOf(db).writers
}

/** A commit group is committed at the end of the event loop's turn, or at once when this many joined. */
const MAX_GROUP = 64

/**
 * Group commit: runs `fn` as one unit (a savepoint) of the connection's open commit group,
 * opening one (BEGIN IMMEDIATE) when there is none, and returns its result with a promise that
 * settles when the group's COMMIT (at synchronous FULL: one fsync for the whole group) has
 * returned, or rejects with the commit's error. Every request served in the same turn of the
 * event loop that writes this way shares that commit; the group commits when the turn ends
 * (setImmediate), when MAX_GROUP units joined, or before any ordinary transaction. A unit that
 * throws is rolled back alone; the others stand.
 *
 * The caller must not acknowledge the write before `committed` settles (and must answer an
 * error if it rejects). Measured at city scale, one fsync per claim was ~0.75 ms of a claim's
 * ~2.6 ms, on the request thread.
 */
export function inCommitGroup<T> (db: Db, fn: () => T): { result: T, committed: Promise<void> } {
  const state = stateOf(db)
  if (state.joining) throw new Error('inCommitGroup: already inside a unit of the commit group')
  if (state.group === null) {
    if (db.$client.inTransaction) throw new Error('inCommitGroup: inside an ordinary transaction')
    enter(state)
    try {
      db.$client.exec('BEGIN IMMEDIATE')
    } catch (err) {
      leave(state)
      throw err
    }
    let settle!: (err?: unknown) => void
    const committed = new Promise<void>((resolve, reject) => { settle = (err) => { if (err === undefined) resolve(); else reject(err) } })
    committed.catch(() => {}) // awaited by the units' requests; no one else must see it as unhandled
    state.group = { committed, settle, size: 0 }
    setImmediate(() => { flushCommitGroup(db) })
  }
  const group = state.group!
  state.joining = true
  try {
    return { result: db.$client.transaction(fn)(), committed: group.committed }
  } finally {
    state.joining = false
    if (++group.size >= MAX_GROUP) flushCommitGroup(db)
  }
}

/** Commits the connection's open commit group now (nothing when none is open), settling its promise. */
export function flushCommitGroup (db: Db): void {
  const state = stateOf(db)
  const group = state.group
  if (group === null) return
  state.group = null
  try {
    db.$client.exec('COMMIT')
    group.settle()
  } catch (err) {
    try { if (db.$client.open && db.$client.inTransaction) db.$client.exec('ROLLBACK') } catch { /* the commit's error is the one reported */ }
    group.settle(err)
  } finally {
    leave(state)
  }
}

/** The open commit group's commit, if one is open: an answer must not leave before it (reads may have seen its writes). */
export function pendingCommit (db: Db): Promise<void> | undefined {
  return stateOf(db).group?.committed
}

/** In a worker thread: waits (up to `maxMs`) while the request thread has transactions waiting or running. */
export function waitForWriters (writers: Int32Array, maxMs = 5_000): void {
  const until = Date.now() + maxMs
  for (let n = Atomics.load(writers, 0); n > 0 && Date.now() < until; n = Atomics.load(writers, 0)) {
    Atomics.wait(writers, 0, n, Math.max(1, until - Date.now()))
  }
}

/**
 * The database holds personal data: its file, and so the -wal and -shm files SQLite creates with
 * the database's own permissions, are readable by the owner only (0600), whatever the umask.
 * Files left readable by an earlier version are narrowed too.
 */
export function ownerOnly (path: string): void {
  // Only a file that does not exist yet is opened here: closing a descriptor of a database file
  // this process already has open through SQLite would drop SQLite's POSIX locks on it.
  if (!existsSync(path)) {
    try { closeSync(openSync(path, 'wx', 0o600)) } catch (err) { if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err }
  }
  for (const f of [path, `${path}-wal`, `${path}-shm`]) if (existsSync(f)) chmodSync(f, 0o600)
}

/**
 * A second connection for bulk work that is acknowledged later (a roster import's chunks, in its
 * worker thread): its commits do not wait for the disk. In WAL mode the log is one file written
 * in order, so the next commit at FULL on the app's connection (the import's last, which records
 * it done) makes these durable too: its fsync covers the whole file. A power cut before it loses
 * chunks of an import that was never reported finished. An fsync per chunk held every other
 * writer for its 5–50 ms.
 */
export function openBulkConnection (path: string): Db {
  const db = openConnection(path, { fileMustExist: true })
  db.$client.pragma('synchronous = NORMAL')
  // 8 MB of page cache, not the app connection's 48: enough for a chunk's changed pages (a 100-row
  // chunk touches ~1,000 pages of the table and its eight indexes), and the process's memory
  // stays within its budget while an import runs (measured: +55 MB at 32 MB of cache).
  db.$client.pragma('cache_size = -8192')
  return db
}

/**
 * PRAGMA optimize: analyses the tables whose statistics are missing or out of date (outside any
 * open commit group: its ANALYZE writes would otherwise ride on the group's commit).
 */
export function optimizeDatabase (db: Db, onOpen = true): void {
  flushCommitGroup(db)
  db.$client.pragma(onOpen ? 'optimize = 0x10002' : 'optimize')
}

const STATEMENT_CACHE_SIZE = 500

/**
 * Drizzle hands better-sqlite3 the same SQL text for the same query shape (values are bound
 * apart), and better-sqlite3 would compile it again every time: a third of a typical page's SQL
 * cost. Compiled statements are kept by their text and reused; a reused statement that returns
 * rows is put back to plain object rows, since drizzle sets raw mode itself when it wants it.
 */
function cacheStatements (sqlite: Database.Database): void {
  const compile = sqlite.prepare.bind(sqlite)
  const cache = new Map<string, Database.Statement>()
  sqlite.prepare = ((source: string) => {
    const cached = cache.get(source)
    if (cached !== undefined && !cached.busy) {
      if (cached.reader) cached.raw(false).pluck(false).expand(false)
      return cached
    }
    const statement = compile(source)
    if (cached === undefined) {
      if (cache.size >= STATEMENT_CACHE_SIZE) cache.delete(cache.keys().next().value as string)
      cache.set(source, statement)
    }
    return statement
  }) as typeof sqlite.prepare
}

export { schema }
