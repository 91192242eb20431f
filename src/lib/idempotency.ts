// Idempotency keys live in the database. The stored answer is written in the same transaction
// as the change it answers, so after a crash either both exist or neither does.
import { createHash } from 'node:crypto'
import { and, eq, sql } from 'drizzle-orm'
import { inCommitGroup, type Db } from '../db/index.js'
import { preparedQuery } from '../db/prepared.js'
import type { Tx } from '../db/index.js'
import { idempotencyKeys } from '../db/schema/index.js'
import { AppError } from './errors.js'

export interface StoredAnswer<T> { statusCode: number, body: T, replayed: boolean }

const KEY_RE = /^[\x21-\x7e]{1,200}$/

/** Validates the header value: 400 when missing or malformed. */
export function requireIdempotencyKey (header: unknown): string {
  if (typeof header !== 'string' || header.trim() === '') {
    throw new AppError(400, 'IDEMPOTENCY_KEY_REQUIRED', 'error.idempotencyKeyRequired', {}, { 'Idempotency-Key': 'error.idempotencyKeyRequired' })
  }
  const key = header.trim()
  if (!KEY_RE.test(key)) throw new AppError(400, 'INVALID_INPUT', 'error.invalidInput', {}, { 'Idempotency-Key': 'v.invalidType' })
  return key
}

export function hashRequest (body: unknown): string {
  return createHash('sha256').update(JSON.stringify(body ?? null)).digest('hex')
}

const findKeyQuery = preparedQuery((db) => db.select().from(idempotencyKeys)
  .where(and(eq(idempotencyKeys.userId, sql.placeholder('userId')), eq(idempotencyKeys.scope, sql.placeholder('scope')), eq(idempotencyKeys.key, sql.placeholder('key')))).prepare())
const insertKeyQuery = preparedQuery((db) => db.insert(idempotencyKeys).values({
  userId: sql.placeholder('userId'), scope: sql.placeholder('scope'), key: sql.placeholder('key'), requestHash: sql.placeholder('requestHash'),
  statusCode: sql.placeholder('statusCode'), response: sql.placeholder('response'), createdAt: sql.placeholder('createdAt')
}).prepare())

/**
 * Runs `fn` in one transaction unless this user already used `key` for `scope`: then the
 * first answer is returned and nothing runs. The same key with a different body is refused (422).
 */
export function withIdempotency<T> (
  db: Db, userId: number, scope: string, key: string, requestHash: string, at: string,
  fn: (tx: Tx) => { statusCode: number, body: T }
): StoredAnswer<T> {
  return db.transaction((tx) => {
    const found = findKeyQuery(tx).get({ userId, scope, key })
    if (found !== undefined) {
      if (found.requestHash !== requestHash) throw new AppError(422, 'IDEMPOTENCY_KEY_REUSED', 'error.idempotencyKeyReused')
      return { statusCode: found.statusCode, body: JSON.parse(found.response) as T, replayed: true }
    }
    const answer = fn(tx)
    insertKeyQuery(tx).run({
      userId, scope, key, requestHash, statusCode: answer.statusCode, response: JSON.stringify(answer.body), createdAt: at
    })
    return { ...answer, replayed: false }
  })
}

/**
 * withIdempotency as one unit of the connection's commit group (group commit, inCommitGroup):
 * the writes of the requests served in the same turn of the event loop share one COMMIT, and
 * this resolves only once that commit returned (rejects when it failed). For the writes that
 * come in bursts (claims, members ordering their share when enrolment opens) and whose answer
 * has no effect outside the database to order after the commit.
 */
export async function withIdempotencyGrouped<T> (
  db: Db, userId: number, scope: string, key: string, requestHash: string, at: string,
  fn: (tx: Tx) => { statusCode: number, body: T }
): Promise<StoredAnswer<T>> {
  const { result, committed } = inCommitGroup(db, () => withIdempotency(db, userId, scope, key, requestHash, at, fn))
  await committed
  return result
}
