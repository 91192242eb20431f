// Roster import: a liaison or staff uploads a CSV or XLSX of employees (name, ID number,
// mobile). The file is checked as a whole first (type, size, header, at most 50,000 rows), so a
// refusal writes nothing; then each row is validated on its own. Valid rows become applications
// (liaison) or active members (staff), all in one transaction at the end, so an import is never
// half-written. Refused rows come back as a CSV with the reason beside each, the ID number
// masked. Large files run in the background; the page polls their progress. The same file for
// the same enterprise (same SHA-256) creates nothing new.
import { createHash } from 'node:crypto'
import { Readable } from 'node:stream'
import { createInflateRaw } from 'node:zlib'
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
/** A CSV line with more fields than this is refused: a roster has three columns, and 10 MB of commas would otherwise be ~10 million fields in memory. */
export const MAX_CSV_COLUMNS = 64
/** Files with more rows than this are processed in the background. */
export const BACKGROUND_ABOVE_ROWS = 2_000
const CHUNK = 1_000

const HEADERS: Record<'name' | 'idNumber' | 'mobile', string[]> = {
  name: ['姓名', '名字', '职工姓名', '员工姓名', 'name', 'fullname'],
  idNumber: ['身份证号', '身份证号码', '身份证', '公民身份号码', '证件号码', 'idnumber', 'id', 'residentid', 'idno'],
  mobile: ['手机', '手机号', '手机号码', '联系电话', '电话', 'mobile', 'phone', 'mobilephone', 'mobilenumber', 'phonenumber']
}

export interface ParsedRoster { rows: string[][], columns: { name: number, idNumber: number, mobile: number | null } }

/**
 * The first non-empty row, and the non-empty rows after it. `columns`, when given, says where
 * the rows hold the columns read (an XLSX's rows keep those columns only).
 */
interface Table { header: string[] | undefined, rows: string[][], columns?: ParsedRoster['columns'] }

const normHeader = (h: string): string => h.replace(/^\uFEFF/, '').replace(/[\s_*（）()\-:：]/g, '').toLowerCase()

/** Where the columns the import reads are, by their header; null without name or ID number. */
function findColumns (header: string[]): ParsedRoster['columns'] | null {
  const names = header.map(normHeader)
  const find = (known: string[]): number => names.findIndex((h) => known.includes(h))
  const name = find(HEADERS.name)
  const idNumber = find(HEADERS.idNumber)
  const mobile = find(HEADERS.mobile)
  if (name === -1 || idNumber === -1) return null
  return { name, idNumber, mobile: mobile === -1 ? null : mobile }
}

const isBlank = (row: string[]): boolean => !row.some((c) => c.trim() !== '')
const tooManyRows = (): AppError => badRequest({ file: `memberships.import.tooManyRows|${JSON.stringify({ max: MAX_IMPORT_ROWS })}` })
const unreadable = (): AppError => badRequest({ file: 'memberships.import.unreadable' })

/** Reads the file as a table of strings; throws a 400 on fields.file for anything unreadable. */
export async function readRosterFile (fileName: string, data: Buffer): Promise<ParsedRoster> {
  if (data.length === 0) throw badRequest({ file: 'memberships.import.empty' })
  if (data.length > MAX_IMPORT_BYTES) throw badRequest({ file: 'memberships.import.tooLarge' })
  const ext = (/\.([a-z0-9]+)$/i.exec(fileName)?.[1] ?? '').toLowerCase()
  const isZip = data.length > 4 && data.readUInt32LE(0) === 0x04034b50
  let table: Table
  if (ext === 'xlsx' && isZip) table = await readXlsx(data)
  else if (ext === 'csv' && !isZip && !data.subarray(0, 8192).includes(0)) table = tableOf(readCsv(data))
  else throw badRequest({ file: 'memberships.import.badType' })

  if (table.header === undefined) throw badRequest({ file: 'memberships.import.empty' })
  const columns = table.columns ?? findColumns(table.header)
  if (columns === null) throw badRequest({ file: 'memberships.import.noHeader' })
  if (table.rows.length === 0) throw badRequest({ file: 'memberships.import.empty' })
  if (table.rows.length > MAX_IMPORT_ROWS) throw tooManyRows()
  return { rows: table.rows, columns }
}

function tableOf (all: string[][]): Table {
  const headerIndex = all.findIndex((r) => !isBlank(r))
  if (headerIndex === -1) return { header: undefined, rows: [] }
  return { header: all[headerIndex], rows: all.slice(headerIndex + 1).filter((r) => !isBlank(r)) }
}

function readCsv (data: Buffer): string[][] {
  // Excel in Chinese saves CSV as GB18030 unless told otherwise: accept both.
  let text: string
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(data)
  } catch {
    text = new TextDecoder('gb18030').decode(data)
  }
  let wide = false
  try {
    return parseCsv(text, {
      bom: true, relax_column_count: true, skip_empty_lines: true, trim: true, max_record_size: 64 * 1024, to: MAX_IMPORT_ROWS + 2,
      on_record: (record: string[]) => {
        if (record.length > MAX_CSV_COLUMNS) { wide = true; throw new Error('too many columns') }
        return record
      }
    }) as string[][]
  } catch {
    throw wide ? badRequest({ file: `memberships.import.tooManyColumns|${JSON.stringify({ max: MAX_CSV_COLUMNS })}` }) : unreadable()
  }
}

// XLSX is read as a stream, row by row, and reading stops at the row limit, so memory stays
// bounded whatever the upload. ExcelJS's streaming reader takes the zip in file order, and Excel
// (like ExcelJS) writes the shared strings after the sheets: the reader would first copy every
// sheet to a temporary file, and leave those files open when reading stops early. So it is given
// a zip of our own instead: only the parts it needs, in the order it needs them (relationships,
// workbook, styles, shared strings, then the first sheet alone), each inflated from the upload
// as it is read and held to its declared size and to a limit, so a zip bomb stops early too.

const MiB = 1024 * 1024
/** Decompressed size allowed per part; a 50,000-row roster of 3 columns has 8 MiB of sheet and 3 of strings. */
const PART_LIMIT = { rels: 1 * MiB, workbook: 4 * MiB, styles: 8 * MiB, sharedStrings: 32 * MiB, sheet: 64 * MiB }
/** Longest stretch without a '<' in a sheet or the shared strings (one cell holds 32,767 characters). */
const MAX_XML_RUN = 1 * MiB
/** Rows of any kind, empty ones included: more than Excel allows is not a sheet. */
const MAX_SHEET_ROWS = 1_048_576
/** The reader walks every row up to its last cell, so far-right cells cost time: this much in all. */
const MAX_CELL_SLOTS = 16 * MiB
// Shared strings are emitted, not cached: see readSheet.
const XLSX_READ = { sharedStrings: 'emit', hyperlinks: 'ignore', styles: 'cache', worksheets: 'emit', entries: 'ignore' } as const
const END_OF_DIRECTORY = Buffer.from([0x50, 0x4b, 0x05, 0x06])

interface ZipPart { name: string, flags: number, method: number, size: number, compressedSize: number, localHeader: number }
interface StreamPart { part: ZipPart, limit: number, guard: boolean }
/** What ExcelJS's WorkbookReader keeps, untyped: the workbook, its relationships, the shared strings. */
interface ReaderState { model?: { sheets?: Array<{ rId?: unknown }> }, workbookRels?: Array<{ Id?: unknown, Target?: unknown }>, sharedStrings?: unknown[] }
/** What WorkbookReader.parse() yields: a shared string (with sharedStrings: 'emit') or a sheet. */
type ReaderItem = { eventType?: undefined, index: number, text: unknown } | { eventType: 'worksheet', value: ExcelJS.stream.xlsx.WorksheetReader } | { eventType: 'hyperlinks' }

async function readXlsx (data: Buffer): Promise<Table> {
  try {
    const parts = zipDirectory(data)
    const rels = parts.get('xl/_rels/workbook.xml.rels')
    const book = parts.get('xl/workbook.xml')
    // Without these there is no sheet (as ExcelJS's whole-file reader found too).
    if (rels === undefined || book === undefined) throw badRequest({ file: 'memberships.import.empty' })
    if (rels.size > PART_LIMIT.rels || book.size > PART_LIMIT.workbook) throw unreadable()
    const head: StreamPart[] = [{ part: rels, limit: PART_LIMIT.rels, guard: false }, { part: book, limit: PART_LIMIT.workbook, guard: false }]

    // First the workbook alone, to know which part is its first sheet (the first in tab order).
    const sheet = await withReader(data, head, async (reader) => {
      for await (const _ of reader) { /* the head has no sheets */ }
      const { model, workbookRels } = reader as unknown as ReaderState
      for (const s of model?.sheets ?? []) {
        const target = workbookRels?.find((r) => r.Id === s.rId)?.Target
        if (typeof target !== 'string') continue
        const name = `xl/${target.replace(/^(\s|\/xl\/)+/, '')}`
        const part = parts.get(name)
        if (part !== undefined && /xl\/worksheets\/sheet\d+[.]xml/.test(name)) return part
      }
      return undefined
    })
    if (sheet === undefined) throw badRequest({ file: 'memberships.import.empty' })

    const styles = parts.get('xl/styles.xml')
    const strings = parts.get('xl/sharedStrings.xml')
    if (strings !== undefined && strings.size > PART_LIMIT.sharedStrings) throw unreadable()
    const all: StreamPart[] = [
      ...head,
      // Styles tell dates from numbers; a file with an oversized style sheet is read without.
      ...(styles !== undefined && styles.size <= PART_LIMIT.styles ? [{ part: styles, limit: PART_LIMIT.styles, guard: false }] : []),
      ...(strings !== undefined ? [{ part: strings, limit: PART_LIMIT.sharedStrings, guard: true }] : []),
      { part: sheet, limit: PART_LIMIT.sheet, guard: true }
    ]
    return await withReader(data, all, readSheet)
  } catch (err) {
    if (err instanceof AppError) throw err
    throw unreadable()
  }
}

/** The first sheet's header and rows, the shared strings before it. */
async function readSheet (reader: ExcelJS.stream.xlsx.WorkbookReader): Promise<Table> {
  // The shared strings go into a table of ours, as plain text (rich text joined, as a cell shows
  // it): ExcelJS's own cache keeps rich text as objects, ~250 bytes of heap for 20 bytes of XML.
  // The reader looks the sheet's cells up in it; and with a table present from the start it reads
  // the sheet as it streams in instead of spooling it to a temporary file.
  const strings: string[] = []
  ;(reader as unknown as ReaderState).sharedStrings = strings
  const items: AsyncIterable<ReaderItem> = { [Symbol.asyncIterator]: () => reader.parse() as AsyncIterator<ReaderItem> }
  let header: string[] | undefined
  let found: ParsedRoster['columns'] | undefined
  const rows: string[][] = []
  for await (const item of items) {
    if (item.eventType === undefined) strings[item.index] = sharedText(item.text)
    if (item.eventType !== 'worksheet') continue
    // The columns kept of each row after the header: those the import reads, and only those
    // (a far-right header must not make every row thousands of cells long).
    let pick: number[] | null = null
    let keep = false
    let seen = 0 // non-empty rows, the header included
    let all = 0
    let slots = 0
    for await (const row of item.value) {
      if (++all > MAX_SHEET_ROWS || (slots += row.cellCount) > MAX_CELL_SLOTS) throw unreadable()
      const cells = rowText(row, pick)
      if (cells === null) continue
      if (++seen > MAX_IMPORT_ROWS + 1) throw tooManyRows()
      if (header === undefined) {
        header = cells
        const columns = findColumns(header)
        // Without its header the file is refused, but only after counting its rows, as before.
        keep = columns !== null
        pick = columns === null ? [] : [columns.name, columns.idNumber, ...(columns.mobile === null ? [] : [columns.mobile])]
        if (columns !== null) found = { name: 0, idNumber: 1, mobile: columns.mobile === null ? null : 2 }
      } else if (keep) {
        rows.push(cells)
      }
    }
    break
  }
  return { header, rows, ...(found === undefined ? {} : { columns: found }) }
}

/** A shared string as a cell shows it. */
function sharedText (value: unknown): string {
  if (typeof value === 'string') return value
  const runs = (value as { richText?: unknown } | null)?.richText
  if (!Array.isArray(runs)) return ''
  return runs.map((r: { text?: unknown }) => typeof r?.text === 'string' ? r.text : '').join('')
}

/**
 * The row's cell texts, trimmed: every column (pick null), or the picked columns (0-based) in
 * their order; null when every cell is blank, whatever its column. (A row with text only in
 * other columns comes back with the picked ones empty, and is refused for its name.)
 */
function rowText (row: ExcelJS.Row, pick: number[] | null): string[] | null {
  const cells: string[] = pick === null ? [] : pick.map(() => '')
  let blank = true
  row.eachCell((cell, col) => {
    const text = cellText(cell).trim()
    if (text === '') return
    blank = false
    if (pick === null) cells[col - 1] = text
    else for (let k = 0; k < pick.length; k++) if (pick[k] === col - 1) cells[k] = text
  })
  return blank ? null : pick === null ? Array.from(cells, (c) => c ?? '') : cells
}

function cellText (cell: ExcelJS.Cell): string {
  const v = cell.value
  if (v === null || v === undefined) return ''
  if (typeof v === 'string') return v
  // Numbers keep their digits where they can (an ID typed as a number has lost its last ones).
  if (typeof v === 'number') return Number.isInteger(v) ? BigInt(v).toString() : String(v)
  // A formula shows its result, as ExcelJS prints it. (The streaming reader gives a shared
  // formula's other cells an empty formula, which ExcelJS would print as JSON.)
  if (typeof v === 'object' && ('formula' in v || 'sharedFormula' in v)) {
    const result: unknown = v.result
    return result ? String(result) : ''
  }
  try {
    const text: unknown = cell.text
    return typeof text === 'string' ? text : ''
  } catch {
    return ''
  }
}

/** Runs ExcelJS's streaming reader over a zip of `parts`, then closes the stream. */
async function withReader<T> (data: Buffer, parts: StreamPart[], use: (reader: ExcelJS.stream.xlsx.WorkbookReader) => Promise<T>): Promise<T> {
  let fail: (err: unknown) => void = () => {}
  const failed = new Promise<never>((_resolve, reject) => { fail = reject })
  failed.catch(() => { /* raced below, or never */ })
  const input = zipStream(data, parts, (err) => fail(err))
  try {
    // A part that fails cuts the stream short, and the reader then waits forever for the rest
    // of the part it is in: stop waiting (what it holds is freed with the stream).
    return await Promise.race([use(new ExcelJS.stream.xlsx.WorkbookReader(input, XLSX_READ)), failed])
  } finally {
    input.destroy()
  }
}

/** The upload's central directory: its parts by name (the first, if a name is there twice). */
function zipDirectory (data: Buffer): Map<string, ZipPart> {
  const end = data.lastIndexOf(END_OF_DIRECTORY)
  if (end === -1 || end < data.length - 22 - 0xffff || end + 22 > data.length) throw unreadable()
  const count = data.readUInt16LE(end + 10)
  let p = data.readUInt32LE(end + 16)
  const parts = new Map<string, ZipPart>()
  for (let i = 0; i < count; i++) {
    if (data.readUInt32LE(p) !== 0x02014b50) throw unreadable()
    const nameLength = data.readUInt16LE(p + 28)
    if (p + 46 + nameLength > data.length) throw unreadable()
    const name = data.toString('utf8', p + 46, p + 46 + nameLength)
    if (!parts.has(name)) {
      parts.set(name, {
        name,
        flags: data.readUInt16LE(p + 8),
        method: data.readUInt16LE(p + 10),
        compressedSize: data.readUInt32LE(p + 20),
        size: data.readUInt32LE(p + 24),
        localHeader: data.readUInt32LE(p + 42)
      })
    }
    p += 46 + nameLength + data.readUInt16LE(p + 30) + data.readUInt16LE(p + 32)
  }
  return parts
}

/** The compressed bytes of a part; encrypted, ZIP64 or unknown methods are not read. */
function zipData (data: Buffer, part: ZipPart): Buffer {
  if ((part.flags & 1) !== 0 || (part.method !== 0 && part.method !== 8) || part.size === 0xffffffff || part.compressedSize === 0xffffffff) throw unreadable()
  const at = part.localHeader
  if (data.readUInt32LE(at) !== 0x04034b50) throw unreadable()
  const start = at + 30 + data.readUInt16LE(at + 26) + data.readUInt16LE(at + 28)
  if (start + part.compressedSize > data.length) throw unreadable()
  return data.subarray(start, start + part.compressedSize)
}

/**
 * A zip of the parts, stored (uncompressed) in this order, inflated from the upload as the reader
 * asks. Each part must inflate to exactly its declared size, within its limit; the first that
 * does not ends the stream there and is reported to `onFailure`.
 */
function zipStream (data: Buffer, parts: StreamPart[], onFailure: (err: unknown) => void): Readable {
  async function * bytes (): AsyncGenerator<Buffer> {
    try {
      for (const p of parts) {
        yield localHeader(p.part.name, p.part.size)
        let n = 0
        let run = 0
        let held: Buffer | null = null
        for await (const chunk of partBytes(data, p.part)) {
          n += chunk.length
          if (n > p.part.size || n > p.limit) throw unreadable()
          if (p.guard) {
            const last = chunk.lastIndexOf(0x3c)
            run = last === -1 ? run + chunk.length : chunk.length - 1 - last
            if (run > MAX_XML_RUN) throw unreadable()
          }
          // Whole characters only: ExcelJS decodes each chunk of XML on its own, and a character
          // cut between two chunks would come out as two U+FFFD (a name changed, silently).
          const buf: Buffer = held === null ? chunk : Buffer.concat([held, chunk])
          const whole = buf.length - cutCharacter(buf)
          held = whole < buf.length ? Buffer.from(buf.subarray(whole)) : null
          if (whole > 0) yield buf.subarray(0, whole)
        }
        if (held !== null) yield held
        if (n !== p.part.size) throw unreadable()
      }
      const end = Buffer.alloc(22)
      END_OF_DIRECTORY.copy(end)
      yield end
    } catch (err) {
      onFailure(err)
    }
  }
  const stream = Readable.from(bytes(), { objectMode: false })
  stream.on('error', () => { /* bytes() catches its own errors; nothing else can fail */ })
  return stream
}

/** How many bytes at the end of `b` begin a UTF-8 character that they do not complete. */
function cutCharacter (b: Buffer): number {
  for (let i = 1; i <= 3 && i <= b.length; i++) {
    const byte = b[b.length - i]
    if ((byte & 0xc0) === 0x80) continue // a continuation byte: its lead is further back
    if (byte < 0xc0) return 0 // ASCII
    const length = byte >= 0xf0 ? 4 : byte >= 0xe0 ? 3 : 2
    return length > i ? i : 0
  }
  return 0
}

/** A part's bytes as stored (method 0) or inflated (method 8), in chunks of at most 64 KiB. */
async function * partBytes (data: Buffer, part: ZipPart): AsyncGenerator<Buffer> {
  const raw = zipData(data, part)
  if (part.method === 0) {
    for (let i = 0; i < raw.length; i += 64 * 1024) yield raw.subarray(i, i + 64 * 1024)
    return
  }
  const inflate = createInflateRaw()
  inflate.end(raw)
  try {
    for await (const chunk of inflate) yield chunk as Buffer
  } finally {
    inflate.destroy()
  }
}

function localHeader (name: string, size: number): Buffer {
  const nameBytes = Buffer.from(name, 'utf8')
  const header = Buffer.alloc(30)
  header.writeUInt32LE(0x04034b50, 0)
  header.writeUInt16LE(20, 4) // version needed
  header.writeUInt16LE(0x0800, 6) // UTF-8 name; method 0 (stored), no CRC: the reader checks none
  header.writeUInt32LE(size, 18)
  header.writeUInt32LE(size, 22)
  header.writeUInt16LE(nameBytes.length, 26)
  return Buffer.concat([header, nameBytes])
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
