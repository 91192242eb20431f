// Prepared drizzle queries, built once per database instead of on every call. Building a query
// (drizzle walking its columns and conditions into SQL text) costs more than SQLite running it
// for the small look-ups of a page; a prepared query keeps the text and the compiled statement,
// and each call only binds its values (sql.placeholder('name') in the query).
//
// One prepared query serves the database and every transaction on it: drizzle's transaction
// object shares the database's session (and so its better-sqlite3 connection), a prepared query
// holds only the connection's statement, and a SQLite transaction belongs to the connection, so
// a statement run inside `db.transaction(...)` runs in that transaction (it sees the
// transaction's own uncommitted rows and is rolled back with it). The cache is therefore keyed
// by the session, whichever of the two handles asked first.
import type { SQL } from 'drizzle-orm'
import { SQLiteSyncDialect, type SQLiteSession } from 'drizzle-orm/sqlite-core'
import type { DbOrTx } from './index.js'

/** What a database and its transactions have in common: the session (internal to drizzle). */
function sessionOf (db: DbOrTx): object {
  return (db as unknown as { session?: object }).session ?? db
}

/**
 * Defines a query prepared once per database: `build` makes it with placeholders and calls
 * `.prepare()`; the function returned gives that prepared query for a database or a transaction.
 *
 *   const byId = preparedQuery((db) => db.select().from(t).where(eq(t.id, sql.placeholder('id'))).prepare())
 *   byId(db).get({ id: 1 })
 */
export function preparedQuery<T> (build: (db: DbOrTx) => T): (db: DbOrTx) => T {
  const cache = new WeakMap<object, T>()
  return (db) => {
    const key = sessionOf(db)
    let query = cache.get(key)
    if (query === undefined) {
      query = build(db)
      cache.set(key, query)
    }
    return query
  }
}

const dialect = new SQLiteSyncDialect()

export interface PreparedSql<R> {
  all: (db: DbOrTx, values?: Record<string, unknown>) => R[]
  get: (db: DbOrTx, values?: Record<string, unknown>) => R | undefined
  /** The rows as arrays of the columns' values, in the statement's order (better-sqlite3's raw mode). */
  values: (db: DbOrTx, values?: Record<string, unknown>) => unknown[][]
}

/**
 * A hand-written statement (what `db.all(sql\`…\`)` / `db.get(sql\`…\`)` would run) prepared once
 * per database: rows come back as plain objects named by the statement's own column aliases,
 * exactly as from `db.all`/`db.get`. Values are `sql.placeholder('name')` in the text.
 */
export function preparedSql<R> (text: SQL): PreparedSql<R> {
  const query = dialect.sqlToQuery(text)
  const prepared = preparedQuery((db) => {
    const session = (db as unknown as { session?: SQLiteSession<'sync', unknown, Record<string, unknown>, Record<string, never>> }).session
    if (session === undefined) throw new Error('preparedSql: not a drizzle SQLite database')
    return session.prepareQuery(query, undefined, 'all', false)
  })
  return {
    all: (db, values) => prepared(db).all(values) as R[],
    get: (db, values) => prepared(db).get(values) as R | undefined,
    values: (db, values) => prepared(db).values(values) as unknown[][]
  }
}
