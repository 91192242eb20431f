// Configuration: read once from the environment; in production the secrets are required and
// the real server refuses to start without them.
import t from 'tap'
import { spawn } from 'node:child_process'
import { mkdtempSync, rmSync, existsSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { loadConfig, ConfigError } from '../src/config.js'
import { projectRoot } from '../src/paths.js'
import { entryArgs } from './helper.js'

const SECRET = 'a-production-secret-of-at-least-32-chars!'
const PII = 'another-production-key-of-32-chars-or-more'

t.test('production: both secrets present and long enough', async (t) => {
  const c = loadConfig({ NODE_ENV: 'production', JWT_SECRET: SECRET, PII_KEY: PII, SMS_PROVIDER: 'log' })
  t.equal(c.env, 'production')
  t.equal(c.jwtSecret, SECRET)
  t.equal(c.piiKey, PII)
  t.notOk(c.warnings.some((w) => /JWT_SECRET|PII_KEY/.test(w)), 'no development warnings')
})

t.test('production: a missing, empty, blank or short secret is a ConfigError naming it', async (t) => {
  const cases: Array<[string, NodeJS.ProcessEnv, RegExp]> = [
    ['no secrets', {}, /JWT_SECRET is required[\s\S]*PII_KEY is required/],
    ['JWT_SECRET missing', { PII_KEY: PII }, /JWT_SECRET is required/],
    ['PII_KEY missing', { JWT_SECRET: SECRET }, /PII_KEY is required/],
    ['JWT_SECRET empty', { JWT_SECRET: '', PII_KEY: PII }, /JWT_SECRET is required/],
    ['PII_KEY blank', { JWT_SECRET: SECRET, PII_KEY: '   ' }, /PII_KEY is required/],
    ['JWT_SECRET short', { JWT_SECRET: 'short', PII_KEY: PII }, /JWT_SECRET must be at least 32 characters/],
    ['PII_KEY 31 characters', { JWT_SECRET: SECRET, PII_KEY: 'x'.repeat(31) }, /PII_KEY must be at least 32 characters/]
  ]
  for (const [name, env, message] of cases) {
    let thrown: unknown
    try { loadConfig({ NODE_ENV: 'production', ...env }) } catch (err) { thrown = err }
    t.ok(thrown instanceof ConfigError, `${name}: ConfigError`)
    t.match((thrown as Error).message, message, `${name}: says what is wrong`)
  }
})

t.test('short secrets are refused outside production too', async (t) => {
  t.throws(() => loadConfig({ NODE_ENV: 'development', JWT_SECRET: 'short' }), /JWT_SECRET must be at least 32/)
})

t.test('development: fixed values and a warning for each missing secret; defaults', async (t) => {
  const c = loadConfig({})
  t.equal(c.env, 'development')
  t.equal(c.port, 3000)
  t.equal(c.databasePath, './data/portal.db')
  t.equal(c.paymentWebhookSecret, undefined)
  t.ok(c.jwtSecret.length >= 32)
  t.ok(c.piiKey.length >= 32)
  t.ok(c.warnings.some((w) => /JWT_SECRET is not set/.test(w)))
  t.ok(c.warnings.some((w) => /PII_KEY is not set/.test(w)))
  t.ok(c.warnings.some((w) => /PAYMENT_WEBHOOK_SECRET/.test(w)))
})

t.test('other variables are validated', async (t) => {
  const c = loadConfig({ PORT: '8080', HOST: '127.0.0.1', DATABASE_PATH: '/tmp/x.db', LOG_LEVEL: 'warn', PAYMENT_WEBHOOK_SECRET: 'hook' })
  t.equal(c.port, 8080)
  t.equal(c.host, '127.0.0.1')
  t.equal(c.databasePath, '/tmp/x.db')
  t.equal(c.logLevel, 'warn')
  t.equal(c.paymentWebhookSecret, 'hook')
  t.throws(() => loadConfig({ PORT: 'eighty' }), /PORT/)
  t.throws(() => loadConfig({ PORT: '70000' }), /PORT/)
  t.throws(() => loadConfig({ NODE_ENV: 'staging' }), /NODE_ENV/)
  t.throws(() => loadConfig({ LOG_LEVEL: 'loud' }), /LOG_LEVEL/)
})

/** Runs the real server entry point; resolves with its exit and output, killing it after `ms`. */
function runServer (
  env: NodeJS.ProcessEnv, ms: number, onStdout?: (chunk: string, kill: () => void) => void
): Promise<{ code: number | null, signal: string | null, stdout: string, stderr: string, timedOut: boolean }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, entryArgs('src/server.ts'), {
      cwd: projectRoot, env: { PATH: process.env.PATH, HOME: process.env.HOME, ...env }, stdio: ['ignore', 'pipe', 'pipe']
    })
    let stdout = ''
    let stderr = ''
    let timedOut = false
    const timer = setTimeout(() => { timedOut = true; child.kill('SIGKILL') }, ms)
    child.stdout.on('data', (d: Buffer) => { stdout += d.toString(); onStdout?.(stdout, () => child.kill('SIGTERM')) })
    child.stderr.on('data', (d: Buffer) => { stderr += d.toString() })
    child.on('exit', (code, signal) => { clearTimeout(timer); resolve({ code, signal, stdout, stderr, timedOut }) })
  })
}

t.test('the real server refuses to start in production without secrets', async (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'portal-prod-'))
  t.teardown(() => rmSync(dir, { recursive: true, force: true }))
  const r = await runServer({ NODE_ENV: 'production', DATABASE_PATH: join(dir, 'portal.db'), PORT: '0', HOST: '127.0.0.1' }, 30_000)
  t.notOk(r.timedOut, 'it exits by itself')
  t.not(r.code, 0, 'with a non-zero status')
  t.equal(r.code, 1)
  t.match(r.stderr, /JWT_SECRET is required when NODE_ENV=production/)
  t.match(r.stderr, /PII_KEY is required when NODE_ENV=production/)
  t.notMatch(r.stderr, /\n\s+at /, 'a clear message, no stack trace')
  t.notOk(existsSync(join(dir, 'portal.db')), 'nothing was created')

  const short = await runServer({ NODE_ENV: 'production', JWT_SECRET: 'short', PII_KEY: PII, DATABASE_PATH: join(dir, 'portal.db'), PORT: '0' }, 30_000)
  t.equal(short.code, 1)
  t.match(short.stderr, /JWT_SECRET must be at least 32 characters/)
})

t.test('the real server starts on a fresh database in development, warns, answers /healthz and stops on SIGTERM', async (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'portal-dev-'))
  t.teardown(() => rmSync(dir, { recursive: true, force: true }))
  let url: string | undefined
  let health: { status: number, body: unknown } | undefined
  const r = await runServer({ NODE_ENV: 'development', DATABASE_PATH: join(dir, 'sub', 'portal.db'), PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'info' }, 60_000, (out, kill) => {
    const m = /Server listening at (http:\/\/127\.0\.0\.1:\d+)/.exec(out)
    if (m === null || url !== undefined) return
    url = m[1]
    fetch(url + '/healthz').then(async (res) => { health = { status: res.status, body: await res.json() } }, () => {}).finally(kill)
  })
  t.notOk(r.timedOut, 'it stops by itself after SIGTERM')
  t.ok(url, 'it listened')
  t.same(health, { status: 200, body: { status: 'ok' } })
  t.match(r.stdout, /JWT_SECRET is not set: using a fixed development value/, 'development secrets are warned about')
  t.ok(r.code === 0 || r.signal === 'SIGTERM', 'a graceful exit')
  t.ok(existsSync(join(dir, 'sub', 'portal.db')), 'the database file was created, directory included')
})

t.test('SMS_PROVIDER: required in production, log (with a warning) allowed there, log by default elsewhere', async (t) => {
  const base = { NODE_ENV: 'production', JWT_SECRET: SECRET, PII_KEY: PII }
  t.throws(() => loadConfig(base), /SMS_PROVIDER is required when NODE_ENV=production/)
  t.throws(() => loadConfig({ ...base, SMS_PROVIDER: '  ' }), /SMS_PROVIDER is required/)
  t.throws(() => loadConfig({ ...base, SMS_PROVIDER: 'carrier-pigeon' }), /SMS_PROVIDER/)
  const pilot = loadConfig({ ...base, SMS_PROVIDER: 'log' })
  t.equal(pilot.smsProvider, 'log')
  t.ok(pilot.warnings.some((w) => /SMS_PROVIDER=log in production/.test(w)))
  const dev = loadConfig({})
  t.equal(dev.smsProvider, 'log')
  t.equal(dev.smsOutbox, './data/sms-outbox.jsonl')
  t.notOk(dev.warnings.some((w) => /SMS_PROVIDER/.test(w)))
})

t.test('WEB_CONCURRENCY: 1 by default, a whole number from 1 to 16', async (t) => {
  t.equal(loadConfig({}).webConcurrency, 1)
  t.equal(loadConfig({ WEB_CONCURRENCY: ' ' }).webConcurrency, 1, 'blank counts as unset')
  const good: Array<[string, number]> = [['1', 1], ['2', 2], ['16', 16]]
  for (const [v, n] of good) t.equal(loadConfig({ WEB_CONCURRENCY: v }).webConcurrency, n, v)
  const bad: Array<[string, RegExp]> = [
    ['0', /WEB_CONCURRENCY: must be between 1 and 16/],
    ['17', /WEB_CONCURRENCY: must be between 1 and 16/],
    ['1.5', /WEB_CONCURRENCY: must be a whole number/],
    ['two', /WEB_CONCURRENCY/],
    ['-2', /WEB_CONCURRENCY: must be between 1 and 16/]
  ]
  for (const [v, message] of bad) t.throws(() => loadConfig({ WEB_CONCURRENCY: v }), message, `${v} is refused`)
})
