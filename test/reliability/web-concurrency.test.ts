// WEB_CONCURRENCY: several server processes on one database. The write path between them
// (src/cluster/forward.ts) on its own, then the real server with WEB_CONCURRENCY=2: reads are
// answered by both processes, every write is made by the writer (a claim sent through a reader
// lands once), a killed reader or writer is started again, and SIGTERM stops everything.
import { test } from 'tap'
import http from 'node:http'
import { mkdtempSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import Database from 'better-sqlite3'
import { openDatabase } from '../../src/db/index.js'
import { createPii } from '../../src/lib/pii.js'
import { shanghaiDate } from '../../src/domain/dates.js'
import { CLIENT_ADDRESS_HEADER, forwardWrites, listenForForwardedWrites, closeServer } from '../../src/cluster/forward.js'
import { restartPause } from '../../src/cluster/primary.js'
import { roleOf } from '../../src/cluster/role.js'
import { startServer, tokenFor, TEST_PII_KEY, type ServerProcess } from './server-process.js'
import { seedCoveredMembers, type Fixture } from './fixtures.js'

interface Answer { status: number, headers: http.IncomingHttpHeaders, body: string }

/** One request on its own connection (the cluster hands each new connection to the next process). */
interface RequestOptions { method?: string, headers?: Record<string, string>, body?: string, timeoutS?: number }
async function request (url: string, opts: RequestOptions = {}): Promise<Answer> {
  return await new Promise((resolve, reject) => {
    const req = http.request(url, { method: opts.method ?? 'GET', headers: opts.headers, agent: false }, (res) => {
      let body = ''
      res.setEncoding('utf8')
      res.on('data', (d: string) => { body += d })
      res.on('end', () => { resolve({ status: res.statusCode ?? 0, headers: res.headers, body }) })
    })
    req.on('error', reject)
    const s = opts.timeoutS ?? 30
    req.setTimeout(s * 1000, () => { req.destroy(new Error(`no answer in ${s} s: ${opts.method ?? 'GET'} ${url}`)) })
    req.end(opts.body)
  })
}

async function listen (server: http.Server): Promise<string> {
  await new Promise<void>((resolve) => { server.listen(0, '127.0.0.1', resolve) })
  const a = server.address() as { port: number }
  return `http://127.0.0.1:${a.port}`
}

test('a reader answers reads itself and, with the writer down, refuses writes with 503 and Retry-After', async (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'portal-fwd-'))
  t.teardown(() => { rmSync(dir, { recursive: true, force: true }) })
  const reader = http.createServer((req, res) => { res.end(`read ${String(req.method)}`) })
  const stop = forwardWrites(reader, join(dir, 'absent.sock'), () => {})
  const base = await listen(reader)
  t.teardown(async () => { stop(); await closeServer(reader) })

  t.equal((await request(`${base}/x`)).body, 'read GET')
  const api = await request(`${base}/api/v1/aid/claims`, { method: 'POST', body: '{}' })
  t.equal(api.status, 503)
  t.equal(api.headers['retry-after'], '2')
  t.same(JSON.parse(api.body), { error: { code: 'SERVICE_UNAVAILABLE', message: '服务正在重启，请稍后重试。' } })
  const page = await request(`${base}/claims/new`, { method: 'POST', body: 'a=1', headers: { 'accept-language': 'en' } })
  t.equal(page.status, 503)
  t.equal(page.headers['retry-after'], '2')
  t.match(page.body, /The service is restarting/)
})

test('a write sent to a reader reaches the writer unchanged, with the client\'s address', async (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'portal-fwd-'))
  t.teardown(() => { rmSync(dir, { recursive: true, force: true }) })
  const socketPath = join(dir, 'writer.sock')
  const seen: Array<{ method: string, url: string, address: string | undefined, header: unknown, body: string }> = []
  const writer = http.createServer((req, res) => {
    let body = ''
    req.on('data', (d: Buffer) => { body += d.toString() })
    req.on('end', () => {
      seen.push({ method: req.method!, url: req.url!, address: req.socket.remoteAddress, header: req.headers[CLIENT_ADDRESS_HEADER], body })
      res.writeHead(201, { 'set-cookie': ['a=1', 'b=2'], 'content-type': 'application/json' })
      res.end('{"id":7}')
    })
  })
  const inner = await listenForForwardedWrites(writer, socketPath)
  t.equal(statSync(socketPath).mode & 0o777, 0o600, 'the socket is the owner\'s only')
  const reader = http.createServer(() => { t.fail('a write must not be served by the reader') })
  const stop = forwardWrites(reader, socketPath, (err) => { t.error(err) })
  const base = await listen(reader)
  t.teardown(async () => { stop(); await closeServer(reader); await closeServer(inner) })

  // A forged address header from the client is replaced by the reader's view of the client.
  const a = await request(`${base}/api/v1/aid/claims?x=1`, { method: 'POST', body: '{"a":"é"}', headers: { 'content-type': 'application/json', [CLIENT_ADDRESS_HEADER]: '6.6.6.6' } })
  t.equal(a.status, 201)
  t.equal(a.body, '{"id":7}')
  t.same(a.headers['set-cookie'], ['a=1', 'b=2'], 'every cookie comes back')
  t.same(seen, [{ method: 'POST', url: '/api/v1/aid/claims?x=1', address: '127.0.0.1', header: undefined, body: '{"a":"é"}' }])
})

test('worker roles and restart pauses', async (t) => {
  t.same(roleOf(1, {}, true), { kind: 'single' })
  t.same(roleOf(2, {}, true), { kind: 'primary' })
  t.same(roleOf(2, { PORTAL_CLUSTER_ROLE: 'reader', PORTAL_WRITER_SOCKET: '/tmp/x/writer.sock' }, false), { kind: 'reader', socketPath: '/tmp/x/writer.sock' })
  t.throws(() => roleOf(2, { PORTAL_CLUSTER_ROLE: 'boss', PORTAL_WRITER_SOCKET: '/tmp/x' }, false))
  t.throws(() => roleOf(2, { PORTAL_CLUSTER_ROLE: 'writer', PORTAL_WRITER_SOCKET: 'relative.sock' }, false))
  const pauses: Array<[number, number]> = [[1, 100], [2, 200], [3, 400], [7, 6400], [8, 10_000], [30, 10_000]]
  for (const [failures, ms] of pauses) t.equal(restartPause(failures), ms, `${failures} failures in a row: ${ms} ms`)
})

// ---- The real server with WEB_CONCURRENCY=2 ----

interface Worker { pid: number, role: string }

/** The primary's server processes, read from /proc. */
function workersOf (primary: number): Worker[] {
  const out: Worker[] = []
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue
    try {
      const stat = readFileSync(`/proc/${name}/stat`, 'utf8')
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1])
      if (ppid !== primary) continue
      const role = /PORTAL_CLUSTER_ROLE=(\w+)/.exec(readFileSync(`/proc/${name}/environ`, 'latin1'))
      if (role !== null) out.push({ pid: Number(name), role: role[1] })
    } catch { /* gone meanwhile */ }
  }
  return out
}

async function until<T> (what: string, server: ServerProcess, check: () => Promise<T | undefined> | T | undefined): Promise<T> {
  for (let i = 0; i < 1200; i++) {
    const v = await check()
    if (v !== undefined) return v
    await new Promise((resolve) => setTimeout(resolve, 100))
  }
  throw new Error(`gave up waiting: ${what}\n${server.output()}`)
}

/** pids that wrote a request log line for `method` so far. */
function loggedBy (server: ServerProcess, method: string): number[] {
  return server.output().split('\n').filter((l) => l.startsWith('{')).map((l) => JSON.parse(l) as { pid: number, msg: string, method?: string })
    .filter((l) => l.msg === 'request' && l.method === method).map((l) => l.pid)
}

function claim (server: ServerProcess, fx: Fixture, k: number, timeoutS?: number): Promise<Answer> {
  return request(`${server.baseUrl}/api/v1/aid/claims`, {
    method: 'POST', timeoutS,
    headers: { 'content-type': 'application/json', authorization: `Bearer ${tokenFor(fx.members[k % fx.members.length].userId)}`, 'idempotency-key': `wc-${k}` },
    body: JSON.stringify({
      admissionDate: fx.admissionDate, dischargeDate: fx.dischargeDate, hospital: '云南省第一人民医院', invoiceNo: `WC-${k}`,
      totalCostFen: 1_000_000 + k * 100, insurancePaidFen: 500_000, excludedFen: 10_000
    })
  })
}

test('WEB_CONCURRENCY=2: both processes read, the writer makes every write, dead workers come back', async (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'portal-wc-'))
  t.teardown(() => { rmSync(dir, { recursive: true, force: true }) })
  const dbPath = join(dir, 'portal.db')
  const setup = openDatabase(dbPath)
  const fx = await seedCoveredMembers(setup, createPii(TEST_PII_KEY), { today: shanghaiDate(new Date()), members: 8 })
  setup.$client.close()

  const server = await startServer({ databasePath: dbPath, env: { WEB_CONCURRENCY: '2', LOG_LEVEL: 'info' }, timeoutMs: 120_000 })
  t.teardown(async () => { await server.kill() })
  const two = await until('two server processes', server, () => { const w = workersOf(server.pid); return w.length === 2 ? w : undefined })
  const writer = two.find((w) => w.role === 'writer')!
  const reader = two.find((w) => w.role === 'reader')!
  t.ok(writer !== undefined && reader !== undefined, 'one writer, one reader')

  // Reads: new connections go to each process in turn, and both answer.
  await until('reads answered by both processes', server, async () => {
    t.equal((await request(`${server.baseUrl}/api/v1/buildings`)).status, 200)
    return new Set(loggedBy(server, 'GET')).size === 2 ? true : undefined
  })

  // Writes: eight claims, each on its own connection (so half reach the reader first).
  const answers = []
  for (let k = 0; k < 8; k++) answers.push(await claim(server, fx, k))
  t.same(answers.map((a) => a.status), Array(8).fill(201), 'every claim accepted')
  // (A request's log line is written just after its answer.)
  await until('eight POST log lines', server, () => loggedBy(server, 'POST').length >= 8 ? true : undefined)
  t.same([...new Set(loggedBy(server, 'POST'))], [writer.pid], 'every write was made by the writer')
  t.equal(loggedBy(server, 'POST').length, 8, 'each once')
  const db = new Database(dbPath, { readonly: true })
  t.teardown(() => { db.close() })
  const count = (): number => (db.prepare('SELECT count(*) AS n FROM aid_claims').get() as { n: number }).n
  t.equal(count(), 8, 'eight claims in the database, none twice')

  // A killed reader is replaced.
  process.kill(reader.pid, 'SIGKILL')
  t.comment(`reader ${reader.pid} killed`)
  await until('a new reader', server, () => workersOf(server.pid).find((w) => w.role === 'reader' && w.pid !== reader.pid))
  // A killed writer is replaced; meanwhile a write is refused with 503 + Retry-After, never lost
  // or made twice; once the writer is back, the write lands.
  t.comment('a new reader')
  process.kill(writer.pid, 'SIGKILL')
  t.comment(`writer ${writer.pid} killed`)
  const refused: Answer[] = []
  const landed = await until('a write after the writer restarted', server, async () => {
    // A connection the cluster handed to the writer as it died gets no answer: the client's
    // timeout ends it, and the retry (same key) is safe, so a short timeout here can cost a
    // slow machine a retry but never a wrong result.
    const a = await claim(server, fx, 100, 5).catch((err: Error) => { t.comment(err.message) })
    if (a?.status === 503) refused.push(a)
    return a?.status === 201 ? a : undefined
  })
  t.equal(landed.status, 201)
  t.ok(refused.every((a) => a.headers['retry-after'] === '2'), 'refusals say when to retry')
  t.ok(workersOf(server.pid).some((w) => w.role === 'writer' && w.pid !== writer.pid), 'a new writer')
  t.equal(count(), 9, 'the retried claim is there once')
  const again = await claim(server, fx, 100)
  t.equal(again.status, 201)
  t.equal(JSON.parse(again.body).id, JSON.parse(landed.body).id, 'sent again with its key: the same claim, not a new one')
  t.equal(count(), 9)

  t.comment('writer back')
  // SIGTERM: every process drains and exits; the primary exits 0.
  const last = workersOf(server.pid)
  await server.stop()
  t.equal(await server.exited, 0)
  for (const w of last) t.notOk(existsPid(w.pid), `${w.role} ${w.pid} has exited`)
})

function existsPid (pid: number): boolean {
  try { process.kill(pid, 0); return true } catch { return false }
}
