// Issue 11, item 9: the database was created readable by everyone (0644 under the usual umask).
// The database, its WAL and shared-memory files and backups are the owner's alone (0600).
import t from 'tap'
import { chmodSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { openDatabase } from '../../src/db/index.js'
import { backupDatabase } from '../../src/cli/backup.js'
import { counters } from '../../src/db/schema/index.js'

const mode = (f: string): string => (statSync(f).mode & 0o777).toString(8)

t.test('database, WAL, shared memory and a backup are created 0600 under umask 022', async (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'portal-modes-'))
  t.teardown(() => rmSync(dir, { recursive: true, force: true }))
  const before = process.umask(0o022)
  t.teardown(() => { process.umask(before) })
  const path = join(dir, 'portal.db')
  const db = openDatabase(path)
  db.insert(counters).values({ name: 'x', value: 1 }).run()
  t.equal(mode(path), '600')
  t.equal(mode(`${path}-wal`), '600')
  t.equal(mode(`${path}-shm`), '600')
  const backup = join(dir, 'backup.db')
  await backupDatabase(path, backup)
  t.equal(mode(backup), '600')
  db.$client.close()
})

t.test('files left world-readable by an earlier version are narrowed when opened', async (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'portal-modes-'))
  t.teardown(() => rmSync(dir, { recursive: true, force: true }))
  const path = join(dir, 'portal.db')
  openDatabase(path).$client.close()
  chmodSync(path, 0o644)
  writeFileSync(`${path}-wal`, '')
  chmodSync(`${path}-wal`, 0o644)
  const db = openDatabase(path)
  t.equal(mode(path), '600')
  t.equal(mode(`${path}-wal`), '600')
  db.$client.close()
})
