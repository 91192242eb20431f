// `npm run backup -- FILE` while the portal runs and keeps writing: the copy opens, passes
// PRAGMA integrity_check, and holds every row the portal acknowledged before the backup began.
import { test } from 'tap'
import { execFile } from 'node:child_process'
import { mkdtempSync, rmSync, existsSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { promisify } from 'node:util'
import Database from 'better-sqlite3'
import { openDatabase } from '../../src/db/index.js'
import { writeAudit } from '../../src/features/audit/audit-repository.js'
import { projectRoot } from '../../src/paths.js'
import { entryArgs } from '../helper.js'
import { startServer } from './server-process.js'

const run = promisify(execFile)

let phoneSeq = 0
const phone = (): string => '137' + String(20_000_000 + (++phoneSeq) * 104_729 % 70_000_000).padStart(8, '0')

async function register (baseUrl: string, output: () => string = () => ''): Promise<{ id: number, phone: string }> {
  const p = phone()
  const res = await fetch(`${baseUrl}/api/v1/auth/register`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ phone: p, password: 'backup-test-pass-1', name: '备份测试' })
  })
  if (res.status !== 201) throw new Error(`register answered ${res.status}: ${await res.text()}\n${output().slice(-3000)}`)
  const body = await res.json() as { user: { id: number } }
  return { id: body.user.id, phone: p }
}

// The portal answered a register with 500 here once: its deferred transaction read, the backup's
// connection wrote (migrations' PRAGMA optimize), and the upgrade to a write failed at once
// (SQLITE_BUSY_SNAPSHOT). Transactions now take the write lock at BEGIN and the backup only reads.
test('an online backup while the portal writes holds every acknowledged row', async (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'portal-backup-'))
  t.teardown(() => { rmSync(dir, { recursive: true, force: true }) })
  const dbPath = join(dir, 'portal.db')

  // Some bulk first (a few MB of audit entries), so the copy is more than a handful of pages.
  const seedDb = openDatabase(dbPath)
  seedDb.transaction((tx) => {
    for (let i = 0; i < 20_000; i++) {
      writeAudit(tx, '2026-01-01T00:00:00.000Z', { actorUserId: null, action: 'bench.fill', entityType: 'fill', entityId: i, after: { i, pad: 'x'.repeat(100) } })
    }
  })
  seedDb.$client.close()

  const server = await startServer({ databasePath: dbPath })
  t.teardown(async () => { await server.kill() })

  const before: Array<{ id: number, phone: string }> = []
  for (let i = 0; i < 30; i++) before.push(await register(server.baseUrl))

  // Writes go on during the backup.
  const during: Array<{ id: number, phone: string }> = []
  let writing = true
  const writer = (async () => {
    // eslint-disable-next-line no-unmodified-loop-condition -- cleared below once the backup is done
    while (writing) during.push(await register(server.baseUrl, () => server.output()))
  })()

  const file = join(dir, 'copies', 'backup.db')
  const { stdout } = await run(process.execPath, [...entryArgs('src/cli/backup.ts'), file], {
    cwd: projectRoot, env: { PATH: process.env.PATH ?? '', DATABASE_PATH: dbPath, NODE_ENV: 'test' }
  })
  writing = false
  await writer
  t.match(stdout, /integrity_check ok/, 'the command says the copy checked out')
  t.ok(existsSync(file), 'the backup file exists')
  t.notOk(existsSync(`${file}-wal`), 'the copy is self-contained (no -wal beside it)')

  // The portal is still up and still writing after the backup.
  const after = await register(server.baseUrl)
  t.ok(after.id > 0, 'the portal kept serving')

  // Restore: open the copy as the portal would.
  const copy = new Database(file, { readonly: true })
  t.teardown(() => { copy.close() })
  t.equal(copy.pragma('integrity_check', { simple: true }), 'ok', 'PRAGMA integrity_check on the restored copy')
  const phones = new Set((copy.prepare('select phone from users').all() as Array<{ phone: string }>).map((r) => r.phone))
  const missing = before.filter((u) => !phones.has(u.phone))
  t.same(missing, [], `all ${before.length} users registered before the backup are in the copy`)
  t.notOk(phones.has(after.phone), 'a user registered after the backup is not')
  const fill = copy.prepare("select count(*) as n from audit_log where action = 'bench.fill'").get() as { n: number }
  t.equal(fill.n, 20_000, 'the bulk rows are all there')
  // The copy is one consistent state: the users it has are a prefix of those created, with no gaps.
  const ids = (copy.prepare('select id from users order by id').all() as Array<{ id: number }>).map((r) => r.id)
  t.same(ids, ids.map((_, i) => i + 1), 'user ids in the copy have no gaps')
  t.ok(ids.length >= before.length && ids.length <= before.length + during.length, 'the copy holds the users acknowledged before it, and at most those written during it')

  // The restored copy also opens as a portal database (migrations already applied: nothing to do).
  const reopened = openDatabase(file)
  const n = reopened.$client.prepare('select count(*) as n from users').get() as { n: number }
  t.equal(n.n, ids.length, 'the copy opens with openDatabase and holds the same users')
  reopened.$client.close()
})

test('the backup command refuses an existing file and a missing database, with clear messages', async (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'portal-backup-'))
  t.teardown(() => { rmSync(dir, { recursive: true, force: true }) })
  const { runBackup } = await import('../../src/cli/backup.js')
  const lines: string[] = []
  const out = (s: string): void => { lines.push(s) }
  const dbPath = join(dir, 'portal.db')
  t.equal(await runBackup([join(dir, 'b.db')], { DATABASE_PATH: dbPath }, out, out), 1, 'no database: exit 1')
  t.match(lines.pop(), /No database at/)
  openDatabase(dbPath).$client.close()
  t.equal(await runBackup([], { DATABASE_PATH: dbPath }, out, out), 2, 'no file: usage, exit 2')
  t.match(lines.pop(), /usage: npm run backup -- FILE/)
  t.equal(await runBackup([dbPath], { DATABASE_PATH: dbPath }, out, out), 2, 'the database itself: exit 2')
  t.match(lines.pop(), /must not be the database itself/)
  t.equal(await runBackup([join(dir, 'b.db')], { DATABASE_PATH: dbPath }, out, out), 0, 'a new file: exit 0')
  t.match(lines.join('\n'), /integrity_check ok/)
  t.equal(await runBackup([join(dir, 'b.db')], { DATABASE_PATH: dbPath }, out, out), 1, 'an existing file: exit 1')
  t.match(lines.pop(), /already exists.*--force/)
  t.equal(await runBackup([join(dir, 'b.db'), '--force'], { DATABASE_PATH: dbPath }, out, out), 0, '--force replaces it')
})
