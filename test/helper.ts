// One way to build the app in tests: exactly what production runs, on a temporary database,
// with a clock the test controls. Closed and removed after the test.
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import type { Test } from 'tap'
import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify'
import Database from 'better-sqlite3'
import { drizzle } from 'drizzle-orm/better-sqlite3'
import { migrate } from 'drizzle-orm/better-sqlite3/migrator'
import { buildApp } from '../src/app.js'
import { openDatabase, schema, type Db } from '../src/db/index.js'
import { migrationsDir, projectRoot } from '../src/paths.js'
import { loadConfig, type Config } from '../src/config.js'
import { createClock, type Clock } from '../src/lib/clock.js'
import { createAccountsService } from '../src/features/accounts/accounts-service.js'
import { buildings } from '../src/db/schema/index.js'
import type { UserRow } from '../src/features/accounts/accounts-repository.js'
import { API_TOKEN_TTL_S } from '../src/plugins/auth.js'

/**
 * The arguments that run one of src/'s entry points (`src/server.ts`) in a child process: the
 * compiled JavaScript beside this file when the tests run compiled (`npm test`), which starts in
 * a fraction of the time, else the TypeScript through tsx.
 */
export function entryArgs (srcPath: string): string[] {
  if (!import.meta.url.endsWith('.js')) return ['--import', 'tsx', join(projectRoot, srcPath)]
  return [fileURLToPath(new URL(`../${srcPath.replace(/\.ts$/, '.js')}`, import.meta.url))]
}

export interface TestClock extends Clock { set: (iso: string) => void, advance: (ms: number) => void }

/** A clock fixed at `start` (default 2026-06-15 10:00 in Shanghai) that the test can move. */
export function testClock (start = '2026-06-15T02:00:00.000Z'): TestClock {
  let t = new Date(start).getTime()
  const c = createClock(() => new Date(t))
  return { ...c, set: (iso) => { t = new Date(iso).getTime() }, advance: (ms) => { t += ms } }
}

export function testConfig (overrides: Partial<Config> = {}): Config {
  const dir = mkdtempSync(join(tmpdir(), 'portal-test-'))
  return {
    ...loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent', PAYMENT_WEBHOOK_SECRET: 'test-webhook-secret-0123456789abcdef' }),
    databasePath: join(dir, 'portal.db'),
    uploadDir: join(dir, 'uploads'),
    smsOutbox: join(dir, 'sms-outbox.jsonl'),
    warnings: [],
    ...overrides
  }
}

/**
 * A migrated, empty database, made once per test process: each app built on a fresh database
 * starts from a copy of it, which is what migrating from nothing would give, without repeating
 * the migrations (~35 ms an app, and a test process builds dozens).
 */
let migratedTemplate: string | undefined
function emptyDatabase (): string {
  if (migratedTemplate === undefined) {
    const dir = mkdtempSync(join(tmpdir(), 'portal-template-'))
    process.on('exit', () => { rmSync(dir, { recursive: true, force: true }) })
    const path = join(dir, 'portal.db')
    openDatabase(path).$client.close()
    migratedTemplate = path
  }
  return migratedTemplate
}

export async function build (
  t: Test, opts: { clock?: TestClock, config?: Partial<Config> } = {}
): Promise<FastifyInstance & { testClock: TestClock }> {
  const clock = opts.clock ?? testClock()
  const config = testConfig(opts.config)
  if (opts.config?.databasePath === undefined) copyFileSync(emptyDatabase(), config.databasePath)
  const app = await buildApp(config, { clock })
  await app.ready()
  t.teardown(async () => {
    await app.close()
    rmSync(join(config.databasePath, '..'), { recursive: true, force: true })
  })
  return Object.assign(app, { testClock: clock })
}

let phoneSeq = 0
/** A unique valid mobile number per call within a test process. */
export function nextPhone (): string {
  phoneSeq++
  return '139' + String(10_000_000 + phoneSeq * 7919 % 90_000_000).padStart(8, '0')
}

export const PASSWORD = 'correct-horse-1'

/** The text messages the app has sent so far (the `log` SMS provider's outbox), oldest first. */
export function smsSent (app: FastifyInstance): Array<{ to: string, template: string, params: Record<string, string>, at: string }> {
  let text: string
  try { text = readFileSync(app.config.smsOutbox, 'utf8') } catch { return [] }
  return text.split('\n').filter((l) => l !== '').map((l) => JSON.parse(l))
}

/** Creates a user directly (as the command line would) with a role and staff buildings. */
export async function createUser (app: FastifyInstance, opts: { role?: 'member' | 'staff' | 'admin', buildingIds?: number[], name?: string, phone?: string } = {}): Promise<UserRow> {
  const service = createAccountsService(app.db, app.clock)
  return await service.createUser('cli', {
    phone: opts.phone ?? nextPhone(), password: PASSWORD, name: opts.name ?? '测试用户', role: opts.role ?? 'member', buildingIds: opts.buildingIds
  })
}

/** A Bearer token for a user. */
export function tokenFor (app: FastifyInstance, user: UserRow): string {
  return app.issueToken(user.id, user.tokenVersion, API_TOKEN_TTL_S)
}

/** app.inject() as a signed-in user through the API (Bearer token). */
export function injectAs (app: FastifyInstance, user: UserRow, opts: InjectOptions): Promise<LightMyRequestResponse> {
  return app.inject({ ...opts, headers: { ...(opts.headers ?? {}), authorization: `Bearer ${tokenFor(app, user)}` } })
}

/** Inserts a building directly (tests of features that need one). */
export function insertBuilding (app: FastifyInstance, name = '五华科创大厦', enterprisesTotal = 96): number {
  const at = app.clock.iso()
  return app.db.insert(buildings).values({ name, district: '五华区', address: '昆明市五华区', enterprisesTotal, createdAt: at, updatedAt: at }).returning({ id: buildings.id }).get().id
}

/**
 * A browser-like session for page tests: keeps cookies, reads the CSRF token from the last
 * page, and posts forms with it.
 */
export class PageSession {
  cookies = new Map<string, string>()
  csrf: string | undefined
  constructor (readonly app: FastifyInstance) {}

  private cookieHeader (): string {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ')
  }

  private remember (res: LightMyRequestResponse): void {
    for (const c of res.cookies) {
      if (c.value === '' || (c.expires !== undefined && c.expires.getTime() < Date.now())) this.cookies.delete(c.name)
      else this.cookies.set(c.name, c.value)
    }
    const m = /name="_csrf" value="([^"]+)"/.exec(res.body)
    if (m !== null) this.csrf = m[1]
  }

  async get (url: string, headers: Record<string, string> = {}): Promise<LightMyRequestResponse> {
    const res = await this.app.inject({ method: 'GET', url, headers: { accept: 'text/html', cookie: this.cookieHeader(), ...headers } })
    this.remember(res)
    return res
  }

  async post (url: string, form: Record<string, string>, opts: { csrf?: boolean } = {}): Promise<LightMyRequestResponse> {
    const body = new URLSearchParams({ ...(opts.csrf === false ? {} : { _csrf: this.csrf ?? '' }), ...form }).toString()
    const res = await this.app.inject({
      method: 'POST', url, payload: body,
      headers: { accept: 'text/html', 'content-type': 'application/x-www-form-urlencoded', cookie: this.cookieHeader() }
    })
    this.remember(res)
    return res
  }

  /** Signs in through the login page. */
  async login (phone: string, password = PASSWORD): Promise<LightMyRequestResponse> {
    await this.get('/login')
    return await this.post('/login', { phone, password })
  }
}

/**
 * A fresh database migrated up to, not including, the migration whose tag ends with `tagSuffix`
 * (foreign keys on): for tests of what that migration does to the rows already there. Apply the
 * rest with `migrate(db, { migrationsFolder: migrationsDir })`.
 */
export function databaseBefore (t: Test, tagSuffix: string): { sqlite: Database.Database, db: Db } {
  const dir = mkdtempSync(join(tmpdir(), 'portal-migration-'))
  t.teardown(() => rmSync(dir, { recursive: true, force: true }))
  const before = join(dir, 'migrations')
  mkdirSync(join(before, 'meta'), { recursive: true })
  const journal = JSON.parse(readFileSync(join(migrationsDir, 'meta', '_journal.json'), 'utf8')) as { entries: Array<{ tag: string }> }
  const upTo = journal.entries.findIndex((e) => e.tag.endsWith(tagSuffix))
  if (upTo < 1) throw new Error(`no migration after the first ends with ${tagSuffix}`)
  journal.entries = journal.entries.slice(0, upTo)
  writeFileSync(join(before, 'meta', '_journal.json'), JSON.stringify(journal))
  for (const e of journal.entries) copyFileSync(join(migrationsDir, `${e.tag}.sql`), join(before, `${e.tag}.sql`))
  const sqlite = new Database(join(dir, 'portal.db'))
  t.teardown(() => sqlite.close())
  sqlite.pragma('foreign_keys = ON')
  const db = drizzle(sqlite, { schema }) as unknown as Db
  migrate(db, { migrationsFolder: before })
  return { sqlite, db }
}
