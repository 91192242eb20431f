// Roster import: a liaison or staff uploads a CSV or XLSX of employees (name, ID number,
// mobile). The file is checked as a whole first (type, size, header, at most 50,000 rows), so a
// refusal writes nothing; then each row is validated on its own. Valid rows become applications
// (liaison) or active members (staff), all in one transaction at the end, so an import is never
// half-written. Refused rows come back as a CSV with the reason beside each, the ID number
// masked. Large files run in the background; the page polls their progress. The same file for
// the same enterprise (same SHA-256) creates nothing new.
import { createHash } from 'node:crypto'
import { parse as parseCsv } from 'csv-parse/sync'
import ExcelJS from 'exceljs'
import type { Db } from '../../db/index.js'
import type { Clock } from '../../lib/clock.js'
import type { Pii } from '../../lib/pii.js'
import { canActForBuilding, type Actor } from '../../lib/access.js'
import { AppError, badRequest, forbidden, notFound, ruleRefused } from '../../lib/errors.js'
import { csvDocument } from '../../lib/csv.js'
import { t, type Lang } from '../../i18n/index.js'
import { maskResidentId, normaliseMobile, normaliseResidentId, residentIdFacts, residentIdProblem } from '../../domain/identity.js'
import { formatMemberNo } from '../../domain/memberships.js'
import { writeAudit } from '../audit/audit-repository.js'
import * as repo from './memberships-repository.js'
import { MEMBER_NO_COUNTER } from './memberships-service.js'

export const MAX_IMPORT_BYTES = 10 * 1024 * 1024
export const MAX_IMPORT_ROWS = 50_000
/** Files with more rows than this are processed in the background. */
export const BACKGROUND_ABOVE_ROWS = 2_000
const CHUNK = 1_000

const HEADERS: Record<'name' | 'idNumber' | 'mobile', string[]> = {
  name: ['姓名', '名字', '职工姓名', '员工姓名', 'name', 'fullname'],
  idNumber: ['身份证号', '身份证号码', '身份证', '公民身份号码', '证件号码', 'idnumber', 'id', 'residentid', 'idno'],
  mobile: ['手机', '手机号', '手机号码', '联系电话', '电话', 'mobile', 'phone', 'mobilephone', 'mobilenumber', 'phonenumber']
}

export interface ParsedRoster { rows: string[][], columns: { name: number, idNumber: number, mobile: number | null } }

const normHeader = (h: string): string => h.replace(/^\uFEFF/, '').replace(/[\s_*（）()\-:：]/g, '').toLowerCase()

/** Reads the file as a table of strings; throws a 400 on fields.file for anything unreadable. */
export async function readRosterFile (fileName: string, data: Buffer): Promise<ParsedRoster> {
  if (data.length === 0) throw badRequest({ file: 'memberships.import.empty' })
  if (data.length > MAX_IMPORT_BYTES) throw badRequest({ file: 'memberships.import.tooLarge' })
  const ext = (/\.([a-z0-9]+)$/i.exec(fileName)?.[1] ?? '').toLowerCase()
  const isZip = data.length > 4 && data.readUInt32LE(0) === 0x04034b50
  let table: string[][]
  if (ext === 'xlsx' && isZip) table = await readXlsx(data)
  else if (ext === 'csv' && !isZip && !data.subarray(0, 8192).includes(0)) table = readCsv(data)
  else throw badRequest({ file: 'memberships.import.badType' })

  const headerIndex = table.findIndex((r) => r.some((c) => c.trim() !== ''))
  if (headerIndex === -1) throw badRequest({ file: 'memberships.import.empty' })
  const header = table[headerIndex].map(normHeader)
  const find = (names: string[]): number => header.findIndex((h) => names.includes(h))
  const columns = { name: find(HEADERS.name), idNumber: find(HEADERS.idNumber), mobile: find(HEADERS.mobile) }
  if (columns.name === -1 || columns.idNumber === -1) throw badRequest({ file: 'memberships.import.noHeader' })
  const rows = table.slice(headerIndex + 1).filter((r) => r.some((c) => c.trim() !== ''))
  if (rows.length === 0) throw badRequest({ file: 'memberships.import.empty' })
  if (rows.length > MAX_IMPORT_ROWS) throw badRequest({ file: `memberships.import.tooManyRows|${JSON.stringify({ max: MAX_IMPORT_ROWS })}` })
  return { rows, columns: { ...columns, mobile: columns.mobile === -1 ? null : columns.mobile } }
}

function readCsv (data: Buffer): string[][] {
  // Excel in Chinese saves CSV as GB18030 unless told otherwise: accept both.
  let text: string
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(data)
  } catch {
    text = new TextDecoder('gb18030').decode(data)
  }
  try {
    return parseCsv(text, { bom: true, relax_column_count: true, skip_empty_lines: true, trim: true, max_record_size: 64 * 1024, to: MAX_IMPORT_ROWS + 2 }) as string[][]
  } catch {
    throw badRequest({ file: 'memberships.import.unreadable' })
  }
}

async function readXlsx (data: Buffer): Promise<string[][]> {
  const wb = new ExcelJS.Workbook()
  try {
    await wb.xlsx.load(data as unknown as ArrayBuffer)
  } catch {
    throw badRequest({ file: 'memberships.import.unreadable' })
  }
  const ws = wb.worksheets[0]
  if (ws === undefined) throw badRequest({ file: 'memberships.import.empty' })
  if (ws.actualRowCount > MAX_IMPORT_ROWS + 1) throw badRequest({ file: `memberships.import.tooManyRows|${JSON.stringify({ max: MAX_IMPORT_ROWS })}` })
  const out: string[][] = []
  ws.eachRow({ includeEmpty: false }, (row) => {
    const cells: string[] = []
    for (let c = 1; c <= row.cellCount; c++) {
      const cell = row.getCell(c)
      cells.push(cellText(cell).trim())
    }
    out.push(cells)
  })
  return out
}

function cellText (cell: ExcelJS.Cell): string {
  const v = cell.value
  if (v === null || v === undefined) return ''
  if (typeof v === 'string') return v
  // Numbers keep their digits where they can (an ID typed as a number has lost its last ones).
  if (typeof v === 'number') return Number.isInteger(v) ? BigInt(v).toString() : String(v)
  try { return cell.text ?? '' } catch { return '' }
}

export interface ImportProgress { processed: number, total: number, done: boolean }

interface Refused { row: number, name: string, idMasked: string, mobile: string, reason: string }

/** What may be shown of a refused cell: never a whole ID number, even a mistyped one. */
export function maskAnyId (raw: string): string {
  const s = raw.trim()
  if (s.length === 18) return maskResidentId(s)
  if (s.length >= 12) return s.slice(0, 4) + '*'.repeat(s.length - 6) + s.slice(-2)
  return '*'.repeat(s.length)
}

export function createRosterImports (db: Db, clock: Clock, pii: Pii) {
  const progress = new Map<number, ImportProgress>()

  const checkTarget = (actor: Actor, enterpriseId: number) => {
    const ent = repo.findEnterprise(db, enterpriseId)
    if (ent === undefined) throw badRequest({ enterpriseId: 'memberships.v.unknownEnterprise' })
    const staff = canActForBuilding(actor, ent.buildingId)
    if (!staff && !(ent.liaisonUserId === actor.id && ent.status !== 'withdrawn')) throw forbidden()
    if (ent.status !== 'enrolled') throw ruleRefused('ENTERPRISE_NOT_ENROLLED', 'memberships.enterpriseNotEnrolled')
    return { ent, staff }
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
    async start (actor: Actor, input: { enterpriseId: number, fileName: string, data: Buffer, lang: Lang }): Promise<{ import: repo.ImportRow, repeated: boolean }> {
      const { ent, staff } = checkTarget(actor, input.enterpriseId)
      const sha = createHash('sha256').update(input.data).digest('hex')
      const earlier = repo.findImportByFile(db, ent.id, sha)
      if (earlier !== undefined && earlier.status !== 'failed') return { import: earlier, repeated: true }
      const parsed = await readRosterFile(input.fileName, input.data)
      // The file may have been checked while another upload of it started: look again.
      const again = repo.findImportByFile(db, ent.id, sha)
      if (again !== undefined && again.status !== 'failed') return { import: again, repeated: true }
      const at = clock.iso()
      const fileName = input.fileName.replace(/[^\p{L}\p{N}._ -]/gu, '_').slice(0, 200) || 'roster'
      const fresh = { status: 'running' as const, totalRows: parsed.rows.length, processedRows: 0, createdRows: 0, duplicateRows: 0, invalidRows: 0, errorReport: null, failure: null, finishedAt: null, uploadedBy: actor.id, fileName }
      let imp: repo.ImportRow
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
      progress.set(imp.id, { processed: 0, total: parsed.rows.length, done: false })
      const job = api.process(actor, imp.id, ent.id, staff, parsed, input.lang)
      if (parsed.rows.length > BACKGROUND_ABOVE_ROWS) {
        job.catch(() => { /* recorded as failed on the import itself */ })
      } else {
        await job
      }
      return { import: repo.findImport(db, imp.id)!, repeated: false }
    },

    async process (actor: Actor, importId: number, enterpriseId: number, staff: boolean, parsed: ParsedRoster, lang: Lang): Promise<void> {
      const live = progress.get(importId) ?? { processed: 0, total: parsed.rows.length, done: false }
      progress.set(importId, live)
      try {
        const refused: Refused[] = []
        const valid: Array<{ row: number, name: string, id: string, hash: string, mobile: string | null }> = []
        const seen = new Set<string>()
        const { columns } = parsed
        let duplicates = 0
        const todayNow = clock.today()
        for (let i = 0; i < parsed.rows.length; i++) {
          const cells = parsed.rows[i]
          const rowNo = i + 2
          const name = (cells[columns.name] ?? '').trim()
          const rawId = (cells[columns.idNumber] ?? '').trim()
          const rawMobile = columns.mobile === null ? '' : (cells[columns.mobile] ?? '').trim()
          const refuse = (key: string): void => {
            refused.push({ row: rowNo, name: name.slice(0, 50), idMasked: maskAnyId(rawId), mobile: rawMobile.slice(0, 20), reason: t(lang, key) })
          }
          if (name === '') { refuse('memberships.import.reason.name'); continue }
          if ([...name].length > 50) { refuse('memberships.import.reason.nameTooLong'); continue }
          if (rawId === '') { refuse('memberships.import.reason.idMissing'); continue }
          const problem = residentIdProblem(rawId, todayNow)
          if (problem !== null) { refuse('v.idNumber.' + problem); continue }
          let mobile: string | null = null
          if (rawMobile !== '') {
            mobile = normaliseMobile(rawMobile)
            if (mobile === null) { refuse('v.phone'); continue }
          }
          const id = normaliseResidentId(rawId)
          const hash = pii.hash(id)
          if (seen.has(hash)) { duplicates++; refuse('memberships.import.reason.duplicateInFile'); continue }
          seen.add(hash)
          valid.push({ row: rowNo, name, id, hash, mobile })
          if (i % CHUNK === CHUNK - 1) {
            live.processed = i + 1
            // Let other requests (and the progress poll) in between chunks.
            await new Promise((resolve) => setImmediate(resolve))
          }
        }
        live.processed = parsed.rows.length

        const at = clock.iso()
        const today = clock.today()
        const result = db.transaction((tx) => {
          const open = repo.openHashes(tx, valid.map((v) => v.hash))
          const fresh = valid.filter((v) => {
            if (!open.has(v.hash)) return true
            duplicates++
            refused.push({ row: v.row, name: v.name, idMasked: maskResidentId(v.id), mobile: v.mobile ?? '', reason: t(lang, 'memberships.import.reason.alreadyMember') })
            return false
          })
          const earlier = repo.numberedClosedByHashes(tx, fresh.map((v) => v.hash))
          const needNumbers = staff ? fresh.filter((v) => !earlier.has(v.hash)).length : 0
          let next = needNumbers > 0 ? repo.takeNumbers(tx, MEMBER_NO_COUNTER, needNumbers) : 0
          const year = today.slice(0, 4)
          const inserts: repo.NewMembership[] = []
          for (const v of fresh) {
            const facts = residentIdFacts(v.id)
            const prior = earlier.get(v.hash)
            const values = {
              // Linked to an account only when the person claims it with the ID number (see apply).
              userId: null,
              enterpriseId, name: v.name, idCipher: pii.encrypt(v.id), idHash: v.hash, idMasked: maskResidentId(v.id),
              gender: facts.gender, birthDate: facts.birthDate, mobile: v.mobile,
              status: staff ? 'active' as const : 'applied' as const,
              memberNo: prior?.memberNo ?? (staff ? formatMemberNo(year, next++) : null),
              joinedOn: staff ? today : null, leftOn: null,
              consentAt: at, appliedAt: at, appliedBy: actor.id,
              decidedAt: staff ? at : null, decidedBy: staff ? actor.id : null, rejectReason: null,
              source: 'import' as const, updatedAt: at
            }
            if (prior !== undefined) repo.changeMembership(tx, prior.id, prior.status, values)
            else inserts.push({ ...values, createdAt: at })
          }
          repo.insertMemberships(db, inserts)
          refused.sort((a, b) => a.row - b.row)
          const report = refused.length === 0
            ? null
            : csvDocument(
              [t(lang, 'memberships.import.col.row'), t(lang, 'memberships.field.name'), t(lang, 'memberships.import.col.idMasked'), t(lang, 'memberships.field.mobile'), t(lang, 'memberships.import.col.reason')],
              refused.map((r) => [r.row, r.name, r.idMasked, r.mobile, r.reason])
            )
          const counts = { createdRows: fresh.length, duplicateRows: duplicates, invalidRows: refused.length - duplicates }
          repo.updateImport(tx, importId, { status: 'done', processedRows: parsed.rows.length, ...counts, errorReport: report, finishedAt: clock.iso() })
          writeAudit(tx, at, {
            actorUserId: actor.id, action: staff ? 'membership.import_members' : 'membership.import_applications', entityType: 'roster_import', entityId: importId,
            after: { enterpriseId, rows: parsed.rows.length, ...counts }
          })
          return counts
        })
        void result
      } catch (err) {
        const failure = err instanceof AppError ? err.code : 'error'
        repo.updateImport(db, importId, { status: 'failed', failure, finishedAt: clock.iso() })
        throw err
      } finally {
        live.done = true
        // Once finished, the database row is the truth.
        setTimeout(() => progress.delete(importId), 60_000).unref()
      }
    }
  }
  return api
}

export type RosterImports = ReturnType<typeof createRosterImports>
