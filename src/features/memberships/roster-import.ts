// Roster import: a liaison or staff uploads a CSV or XLSX of employees (name, ID number,
// mobile). The file is read and every row checked in a worker thread (roster-worker.ts), as a
// whole first (type, size, header, at most 50,000 rows, a liaison's headcount limit), so a
// refusal writes nothing. Valid rows become applications (liaison) or active members (staff),
// written by the same worker thread on its own connection in short transactions, so the request
// thread is never held by them. Refused rows come back as a CSV with the reason beside each,
// the ID number masked. Large files are written in the background; the page polls their
// progress. The same file for the same enterprise (same SHA-256) creates nothing new.
import { createHash } from 'node:crypto'
import { writersOf, type Db } from '../../db/index.js'
import type { Clock } from '../../lib/clock.js'
import { canActForBuilding, type Actor } from '../../lib/access.js'
import { AppError, badRequest, forbidden, notFound, ruleRefused } from '../../lib/errors.js'
import { csvDocument } from '../../lib/csv.js'
import { t, type Lang } from '../../i18n/index.js'
import { writeAudit } from '../audit/audit-repository.js'
import * as repo from './memberships-repository.js'
import type { CsvEncoding } from './roster-file.js'
import { cancelWrite, discardRows, parseRoster, writeRoster, type ParsedRows } from './roster-thread.js'
import { rosterLimitForHeadcount, type RefusedRow } from './roster-rows.js'

export { MAX_CSV_COLUMNS, MAX_IMPORT_ROWS, readRosterFile } from './roster-file.js'

/** Files with more rows than this are written in the background. */
export const BACKGROUND_ABOVE_ROWS = 2_000
export interface ImportProgress { processed: number, total: number, done: boolean }

/** `piiKey`: the worker thread derives from it the same keys as the app's (lib/pii.ts). */
export function createRosterImports (db: Db, clock: Clock, piiKey: string) {
  const progress = new Map<number, ImportProgress>()
  /** Writes under way (their worker jobs), stopped when the server closes. */
  const writing = new Map<number, Promise<void>>()
  let closing = false

  const checkTarget = (actor: Actor, enterpriseId: number) => {
    const ent = repo.findEnterprise(db, enterpriseId)
    if (ent === undefined) throw badRequest({ enterpriseId: 'memberships.v.unknownEnterprise' })
    const staff = canActForBuilding(actor, ent.buildingId)
    if (!staff && !(ent.liaisonUserId === actor.id && ent.status !== 'withdrawn')) throw forbidden()
    if (ent.status !== 'enrolled') throw ruleRefused('ENTERPRISE_NOT_ENROLLED', 'memberships.enterpriseNotEnrolled')
    return { ent, staff }
  }

  /** Has the worker write the checked rows, a chunk per transaction; the last one here records the outcome. */
  async function writeRows (
    actor: Actor, importId: number, enterpriseId: number, staff: boolean, rows: ParsedRows, lang: Lang
  ): Promise<void> {
    const live = progress.get(importId) ?? { processed: 0, total: rows.total, done: false }
    progress.set(importId, live)
    const refused: RefusedRow[] = [...rows.refused]
    let duplicates = rows.duplicates
    let created = 0
    // Rows refused in the file count as processed from the start; the valid ones as written.
    live.processed = rows.total - rows.valid
    const at = clock.iso()
    const job = writeRoster({
      id: rows.job, path: db.$client.name, writers: writersOf(db), piiKey, processed: live.processed,
      write: { importId, enterpriseId, staff, actorId: actor.id, at, today: clock.today() }
    }, (p) => {
      live.processed = p.processed
      created = p.created
      duplicates += p.refused.length
      for (const r of p.refused) refused.push(r)
    })
    try {
      await job
      refused.sort((a, b) => a.row - b.row)
      const report = refused.length === 0
        ? null
        : csvDocument(
          [t(lang, 'memberships.import.col.row'), t(lang, 'memberships.field.name'), t(lang, 'memberships.import.col.idMasked'), t(lang, 'memberships.field.mobile'), t(lang, 'memberships.import.col.reason')],
          refused.map((r) => [r.row, r.name, r.idMasked, r.mobile, t(lang, r.reason)])
        )
      const counts = { createdRows: created, duplicateRows: duplicates, invalidRows: refused.length - duplicates }
      db.transaction((tx) => {
        repo.updateImport(tx, importId, { status: 'done', processedRows: rows.total, ...counts, errorReport: report, finishedAt: clock.iso() })
        writeAudit(tx, at, {
          actorUserId: actor.id, action: staff ? 'membership.import_members' : 'membership.import_applications', entityType: 'roster_import', entityId: importId,
          after: { enterpriseId, rows: rows.total, ...counts }
        })
      })
    } catch (err) {
      const failure = closing ? 'interrupted' : err instanceof AppError ? err.code : 'error'
      // Rows already written stay (each chunk is whole); uploading the file again skips them.
      db.transaction((tx) => {
        repo.updateImport(tx, importId, { status: 'failed', failure, createdRows: created, finishedAt: clock.iso() })
        if (created > 0) {
          writeAudit(tx, clock.iso(), {
            actorUserId: actor.id, action: staff ? 'membership.import_members' : 'membership.import_applications', entityType: 'roster_import', entityId: importId,
            after: { enterpriseId, rows: rows.total, createdRows: created, failure }
          })
        }
      })
      throw err
    } finally {
      live.done = true
      // Once finished, the database row is the truth.
      setTimeout(() => progress.delete(importId), 60_000).unref()
    }
  }

  const api = {
    progressOf (imp: repo.ImportRow): ImportProgress {
      const live = progress.get(imp.id)
      if (live !== undefined) return live
      return { processed: imp.processedRows, total: imp.totalRows, done: imp.status === 'done' || imp.status === 'failed' }
    },

    /** The import as the uploader, staff of the building or the enterprise's liaison may see it. */
    get (actor: Actor, id: number): repo.ImportRow {
      const imp = repo.findImport(db, id)
      if (imp === undefined) throw notFound()
      if (imp.uploadedBy !== actor.id) {
        const ent = imp.enterpriseId === null ? undefined : repo.findEnterprise(db, imp.enterpriseId)
        if (ent === undefined || !(canActForBuilding(actor, ent.buildingId) || ent.liaisonUserId === actor.id)) throw forbidden()
      }
      return imp
    },

    /** The refused rows, for download; the download itself is audited (it is an export). */
    errorReport (actor: Actor, id: number): string {
      const imp = api.get(actor, id)
      if (imp.errorReport === null) throw notFound()
      db.transaction((tx) => {
        writeAudit(tx, clock.iso(), { actorUserId: actor.id, action: 'membership.import_errors_download', entityType: 'roster_import', entityId: id, after: { rows: imp.invalidRows + imp.duplicateRows } })
      })
      return imp.errorReport
    },

    recent (actor: Actor) {
      return repo.recentImports(db, actor.id)
    },

    /**
     * Checks the file and starts the import. Returns the import (an earlier one for the same
     * file and enterprise, `repeated`) and whether it is still running in the background.
     */
    async start (actor: Actor, input: { enterpriseId: number, fileName: string, data: Buffer, lang: Lang, encoding?: CsvEncoding }): Promise<{ import: repo.ImportRow, repeated: boolean }> {
      const { ent, staff } = checkTarget(actor, input.enterpriseId)
      const sha = createHash('sha256').update(input.data).digest('hex')
      const earlier = repo.findImportByFile(db, ent.id, sha)
      if (earlier !== undefined && earlier.status !== 'failed') return { import: earlier, repeated: true }
      // Staff and admins may import any roster; a liaison one in proportion to the headcount.
      const limit = staff ? null : { rows: rosterLimitForHeadcount(ent.headcount), headcount: ent.headcount }
      const rows = await parseRoster({ fileName: input.fileName, data: input.data, encoding: input.encoding ?? 'auto', today: clock.today(), limit })
      let imp: repo.ImportRow | undefined
      try {
        // The file may have been checked while another upload of it started: look again.
        const again = repo.findImportByFile(db, ent.id, sha)
        if (again !== undefined && again.status !== 'failed') return { import: again, repeated: true }
        const at = clock.iso()
        const fileName = input.fileName.replace(/[^\p{L}\p{N}._ -]/gu, '_').slice(0, 200) || 'roster'
        const fresh = { status: 'running' as const, totalRows: rows.total, processedRows: 0, createdRows: 0, duplicateRows: 0, invalidRows: 0, errorReport: null, failure: null, finishedAt: null, uploadedBy: actor.id, fileName }
        if (again !== undefined) {
          repo.updateImport(db, again.id, { ...fresh, createdAt: at })
          imp = repo.findImport(db, again.id)!
        } else {
          try {
            imp = repo.insertImport(db, { ...fresh, enterpriseId: ent.id, buildingId: ent.buildingId, fileSha256: sha, createdAt: at })
          } catch (err) {
            const race = repo.findImportByFile(db, ent.id, sha)
            if (race !== undefined) return { import: race, repeated: true }
            throw err
          }
        }
      } finally {
        // The worker holds the checked rows until they are written: drop them on every way out
        // that does not write (the same file again, or a failure recording the import).
        if (imp === undefined) discardRows(rows.job)
      }
      progress.set(imp.id, { processed: 0, total: rows.total, done: false })
      const job = writeRows(actor, imp.id, ent.id, staff, rows, input.lang)
      writing.set(rows.job, job.catch(() => {}).finally(() => writing.delete(rows.job)))
      if (rows.total > BACKGROUND_ABOVE_ROWS) {
        job.catch(() => { /* recorded as failed on the import itself */ })
      } else {
        await job
      }
      return { import: repo.findImport(db, imp.id)!, repeated: false }
    },

    /** Stops the writes under way after their current chunk (the server is closing) and waits for them. */
    async close (): Promise<void> {
      closing = true
      for (const job of writing.keys()) cancelWrite(job)
      await Promise.all(writing.values())
    }
  }
  return api
}

export type RosterImports = ReturnType<typeof createRosterImports>
