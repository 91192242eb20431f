// The application's own services on the instance: configuration, clock, database, PII keys, SMS.
import fp from 'fastify-plugin'
import type { FastifyInstance } from 'fastify'
import type { Config } from '../config.js'
import { flushCommitGroup, openDatabase, optimizeDatabase, pendingCommit, type Db } from '../db/index.js'
import { startCheckpointer } from '../db/checkpointer.js'
import { createClock, type Clock } from '../lib/clock.js'
import { createPii, type Pii } from '../lib/pii.js'
import { useTestPasswordCost } from '../lib/password.js'
import { createSms, type SmsSender } from '../lib/sms/index.js'

declare module 'fastify' {
  interface FastifyInstance {
    config: Config
    clock: Clock
    db: Db
    pii: Pii
    sms: SmsSender
    /** Whether this process runs the periodic jobs (not a reader of WEB_CONCURRENCY > 1). */
    housekeeping: boolean
  }
}

export interface CoreOptions { config: Config, clock?: Clock, housekeeping?: boolean }

export default fp(async function core (app: FastifyInstance, opts: CoreOptions) {
  app.decorate('config', opts.config)
  if (opts.config.env === 'test') useTestPasswordCost()
  app.decorate('clock', opts.clock ?? createClock())
  app.decorate('pii', createPii(opts.config.piiKey))
  app.decorate('sms', createSms(opts.config, () => app.clock.now()))
  const db = openDatabase(opts.config.databasePath)
  app.decorate('db', db)
  app.decorate('housekeeping', opts.housekeeping ?? true)
  // Statistics kept current as the data grows (cheap when nothing changed much).
  const optimizer = app.housekeeping
    ? setInterval(() => {
      try { optimizeDatabase(db, false) } catch (err) { app.log.warn({ err }, 'PRAGMA optimize failed') }
    }, 60 * 60 * 1000)
    : undefined
  optimizer?.unref()
  const checkpointer = app.housekeeping && opts.config.backgroundCheckpoint && opts.config.databasePath !== ':memory:'
    ? startCheckpointer(opts.config.databasePath, { onError: (message) => app.log.warn({ message }, 'background WAL checkpoint failed') })
    : null
  // No answer leaves before the open commit group (inCommitGroup) has committed: the request may
  // have written in it, or read what others wrote in it. (Never more than the rest of this turn of
  // the event loop; most answers find no group open.)
  app.addHook('onSend', (_req, _reply, payload, done) => {
    const commit = pendingCommit(db)
    if (commit === undefined) { done(null, payload); return }
    commit.then(() => { done(null, payload) }, (err: Error) => { done(err) })
  })
  app.addHook('onClose', async () => {
    clearInterval(optimizer)
    await checkpointer?.stop()
    flushCommitGroup(db)
    db.$client.close()
  })
}, { name: 'core' })
