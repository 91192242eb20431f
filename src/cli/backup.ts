// npm run backup -- FILE
// An online copy of the portal's database while the portal keeps running, with SQLite's backup
// API (through better-sqlite3). All pages are copied in ONE step, inside one read transaction:
// in WAL mode a reader never blocks the portal's writers, and a single step cannot be restarted
// by their writes (copying in small steps would start over after every write, and on a busy
// portal might never finish). The copy is one consistent state with every committed transaction.
// The copy is written beside FILE first and renamed into place only once it checks out, so a
// failed or interrupted backup never leaves a half-written FILE behind.
import { existsSync, renameSync, rmSync, statSync } from 'node:fs'
import { dirname, resolve } from 'node:path'
import { mkdirSync } from 'node:fs'
import Database from 'better-sqlite3'
import { loadConfig, ConfigError } from '../config.js'
import { ownerOnly } from '../db/index.js'

const USAGE = `usage: npm run backup -- FILE [--force]
  Copies the database at DATABASE_PATH (now: %DB%) to FILE while the portal runs.
  FILE must not exist unless --force is given.`

export interface BackupResult { file: string, pages: number, bytes: number, ms: number }

/**
 * Copies the open database at `sourcePath` to `target` (atomically: a temporary file is renamed
 * into place after PRAGMA integrity_check answers ok on the copy).
 */
export async function backupDatabase (
  sourcePath: string, target: string, onProgress?: (copied: number, total: number) => void
): Promise<BackupResult> {
  const started = Date.now()
  const file = resolve(target)
  mkdirSync(dirname(file), { recursive: true })
  const partial = `${file}.partial-${process.pid}`
  rmSync(partial, { force: true })
  // Created empty and owner-only first: SQLite writes the copy into it, keeping its permissions.
  ownerOnly(partial)
  // A plain connection that only reads: a backup never migrates or analyses the portal's database
  // (a write from here, such as PRAGMA optimize's ANALYZE, raced the portal's own writes).
  const source = new Database(sourcePath, { fileMustExist: true })
  source.pragma('busy_timeout = 5000')
  try {
    // better-sqlite3's first step copies nothing and reports the size; the answer is "all the rest".
    const done = await source.backup(partial, {
      progress: ({ totalPages, remainingPages }) => {
        onProgress?.(totalPages - remainingPages, totalPages)
        return 0x7fffffff
      }
    })
    const pages = done.totalPages
    onProgress?.(pages, pages)
    const copy = new Database(partial)
    try {
      const check = copy.pragma('integrity_check', { simple: true })
      if (check !== 'ok') throw new Error(`the copy failed PRAGMA integrity_check: ${String(check)}`)
      // A self-contained file: the copy is in rollback-journal mode, with no -wal beside it.
      copy.pragma('journal_mode = DELETE')
    } finally {
      copy.close()
    }
    renameSync(partial, file)
    return { file, pages, bytes: statSync(file).size, ms: Date.now() - started }
  } catch (err) {
    rmSync(partial, { force: true })
    throw err
  } finally {
    source.close()
  }
}

export async function runBackup (argv: string[], env: NodeJS.ProcessEnv = process.env, out: (s: string) => void = (s) => process.stdout.write(s + '\n'), err: (s: string) => void = (s) => process.stderr.write(s + '\n')): Promise<number> {
  let config
  try {
    config = loadConfig(env)
  } catch (e) {
    if (e instanceof ConfigError) { err(e.message); return 1 }
    throw e
  }
  const usage = USAGE.replace('%DB%', config.databasePath)
  const force = argv.includes('--force')
  const files = argv.filter((a) => a !== '--force')
  if (files.length !== 1 || files[0].startsWith('-')) { err(usage); return 2 }
  const source = resolve(config.databasePath)
  const target = resolve(files[0])
  if (!existsSync(source)) { err(`No database at ${source} (set DATABASE_PATH to the portal's database).`); return 1 }
  if (target === source) { err('The backup file must not be the database itself.'); return 2 }
  if (existsSync(target) && !force) { err(`${target} already exists: choose a new file name, or add --force to replace it.`); return 1 }
  try {
    const r = await backupDatabase(source, target)
    out(`backup of ${source} written to ${r.file}: ${(r.bytes / 1048576).toFixed(1)} MB, ${r.pages} pages, ${r.ms} ms; integrity_check ok.`)
    out(`To restore: stop the portal, copy ${r.file} to DATABASE_PATH (remove any ${source}-wal and -shm beside it), start the portal.`)
    return 0
  } catch (e) {
    err(`backup failed: ${(e as Error).message}`)
    return 1
  }
}

const invokedDirectly = process.argv[1] !== undefined && /backup\.(ts|js)$/.test(process.argv[1])
if (invokedDirectly) {
  runBackup(process.argv.slice(2)).then((code) => { process.exitCode = code }, (e) => {
    process.stderr.write(String(e?.stack ?? e) + '\n')
    process.exitCode = 1
  })
}
