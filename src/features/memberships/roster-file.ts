// Reading a roster file (CSV or XLSX) as people really make them: Chinese Excel and WPS save CSV
// as GBK/GB18030 unless it carries a UTF-8 BOM, and keep an ID typed into a General column as a
// number of 15 significant digits. The file is checked as a whole (type, size, header, rows);
// anything wrong is a 400 on fields.file (or fields.encoding) and nothing is written.
import { parse as parseCsv } from 'csv-parse/sync'
import { AppError, badRequest, fieldError } from '../../lib/errors.js'
import { readFirstSheet, XlsxReadError, type SheetCell } from '../../lib/xlsx-reader.js'

export const MAX_IMPORT_BYTES = 10 * 1024 * 1024
export const MAX_IMPORT_ROWS = 50_000
/**
 * A CSV line with more fields than this is refused: a roster has three columns, and 10 MB of commas would otherwise
 * be ~10 million fields in memory.
 */
export const MAX_CSV_COLUMNS = 64

/** How a CSV without a byte order mark is read: decided by its content, or as the uploader chose. */
export type CsvEncoding = 'auto' | 'utf-8' | 'gb18030'

const HEADERS: Record<'name' | 'idNumber' | 'mobile', string[]> = {
  name: ['姓名', '名字', '职工姓名', '员工姓名', 'name', 'fullname'],
  idNumber: ['身份证号', '身份证号码', '身份证', '公民身份号码', '证件号码', 'idnumber', 'id', 'residentid', 'idno'],
  mobile: ['手机', '手机号', '手机号码', '联系电话', '电话', 'mobile', 'phone', 'mobilephone', 'mobilenumber', 'phonenumber']
}

export interface RosterColumns { name: number, idNumber: number, mobile: number | null }
/** The rows as text, and where in them each column is (an XLSX's rows hold those columns only). */
export interface ParsedRoster { rows: string[][], columns: RosterColumns }

const normHeader = (h: string): string => h.replace(/^\uFEFF/, '').replace(/[\s_*（）()\-:：]/g, '').toLowerCase()

/** Where the columns the import reads are, by their header; null without name or ID number. */
export function findColumns (header: string[]): RosterColumns | null {
  const names = header.map(normHeader)
  const find = (known: string[]): number => names.findIndex((h) => known.includes(h))
  const name = find(HEADERS.name)
  const idNumber = find(HEADERS.idNumber)
  const mobile = find(HEADERS.mobile)
  if (name === -1 || idNumber === -1) return null
  return { name, idNumber, mobile: mobile === -1 ? null : mobile }
}

const isBlank = (row: string[]): boolean => !row.some((c) => c.trim() !== '')
const tooManyRows = (max: number): AppError => badRequest({ file: fieldError('memberships.import.tooManyRows', { max }) })
const unreadable = (): AppError => badRequest({ file: 'memberships.import.unreadable' })

/**
 * Reads the file as a table of strings; throws a 400 on fields.file for anything unreadable.
 * `maxRows` is the import limit (tests read the limit's edges at a smaller one).
 */
export async function readRosterFile (fileName: string, data: Buffer, encoding: CsvEncoding = 'auto', maxRows = MAX_IMPORT_ROWS): Promise<ParsedRoster> {
  if (data.length === 0) throw badRequest({ file: 'memberships.import.emptyFile' })
  if (data.length > MAX_IMPORT_BYTES) throw badRequest({ file: 'memberships.import.tooLarge' })
  const ext = (/\.([a-z0-9]+)$/i.exec(fileName)?.[1] ?? '').toLowerCase()
  const isZip = data.length > 4 && data.readUInt32LE(0) === 0x04034b50
  if (ext === 'xlsx' && isZip) return await readXlsx(data, maxRows)
  if (ext !== 'csv' || isZip || (!hasUtf16Bom(data) && data.subarray(0, 8192).includes(0))) throw badRequest({ file: 'memberships.import.badType' })
  const all = readCsv(decodeCsv(data, encoding), maxRows)
  const headerIndex = all.findIndex((r) => !isBlank(r))
  if (headerIndex === -1) throw badRequest({ file: 'memberships.import.empty' })
  const columns = findColumns(all[headerIndex])
  const rows = all.slice(headerIndex + 1).filter((r) => !isBlank(r))
  if (columns === null) throw badRequest({ file: 'memberships.import.noHeader' })
  if (rows.length === 0) throw badRequest({ file: 'memberships.import.empty' })
  if (rows.length > maxRows) throw tooManyRows(maxRows)
  return { rows, columns }
}

async function readXlsx (data: Buffer, maxRows: number): Promise<ParsedRoster> {
  let sheet
  try {
    sheet = await readFirstSheet(data, {
      maxRows,
      pick: (header) => {
        const c = findColumns(header)
        return c === null ? null : [c.name, c.idNumber, ...(c.mobile === null ? [] : [c.mobile])]
      }
    })
  } catch (err) {
    if (!(err instanceof XlsxReadError)) throw err
    if (err.reason === 'tooManyRows') throw tooManyRows(maxRows)
    if (err.reason === 'noSheet') throw badRequest({ file: 'memberships.import.empty' })
    throw unreadable()
  }
  if (sheet.header === undefined) throw badRequest({ file: 'memberships.import.empty' })
  if (sheet.picked === null) throw badRequest({ file: 'memberships.import.noHeader' })
  if (sheet.rows.length === 0) throw badRequest({ file: 'memberships.import.empty' })
  const columns = { name: 0, idNumber: 1, mobile: sheet.picked.length > 2 ? 2 : null }
  return { rows: sheet.rows.map((r) => r.map((cell, i) => cellText(cell, i === columns.idNumber))), columns }
}

/**
 * A cell as text. A number in the ID column is what Excel made of an ID typed into a General
 * column: 15 significant digits, the rest lost. It is written as Excel shows it
 * (1.10105199003078E+17) so that it is refused as such, never turned back into digits that
 * may pass the check digit and lock out the real holder. Other numbers (a mobile) are exact.
 */
function cellText (cell: SheetCell, idColumn: boolean): string {
  if (typeof cell === 'string') return cell
  if (idColumn) return excelNumberText(cell)
  return Number.isInteger(cell) ? BigInt(cell).toString() : String(cell)
}

/** A number in Excel's scientific form, as a CSV saved from a General column holds it. */
export function excelNumberText (n: number): string {
  const [mantissa, exponent] = n.toExponential(14).split('e')
  const digits = mantissa.replace(/\.?0+$/, '')
  return `${digits}E${exponent.startsWith('-') ? exponent : '+' + exponent.replace(/^\+/, '')}`
}

/** Text that is a number as Excel stores it (scientific form): an ID that lost its last digits. */
export function isExcelNumber (raw: string): boolean {
  return /^[+-]?\d+(\.\d+)?E[+-]?\d+$/i.test(raw.trim())
}

function readCsv (text: string, maxRows: number): string[][] {
  let wide = false
  try {
    return parseCsv(text, {
      bom: true, relax_column_count: true, skip_empty_lines: true, trim: true, max_record_size: 64 * 1024, to: maxRows + 2,
      on_record: (record: string[]) => {
        if (record.length > MAX_CSV_COLUMNS) { wide = true; throw new Error('too many columns') }
        return record
      }
    }) as string[][]
  } catch {
    throw wide ? badRequest({ file: fieldError('memberships.import.tooManyColumns', { max: MAX_CSV_COLUMNS }) }) : unreadable()
  }
}

const hasUtf16Bom = (data: Buffer): boolean =>
  data.length >= 2 && ((data[0] === 0xff && data[1] === 0xfe) || (data[0] === 0xfe && data[1] === 0xff))

const decode = (label: string, data: Buffer): string | null => {
  try { return new TextDecoder(label, { fatal: true }).decode(data) } catch { return null }
}

/**
 * The text of a CSV. A byte order mark decides; else the uploader's choice; else the evidence:
 * which readings are valid at all, which gives the expected header, and which gives names a
 * person could have (see nameScore). Bytes of GBK are often valid UTF-8 too (郑伟 reads as ֣ΰ),
 * so validity alone is not enough. When both readings stay plausible, the uploader is asked
 * (400 on fields.encoding, the first names shown both ways): never is mojibake imported.
 */
export function decodeCsv (data: Buffer, choice: CsvEncoding = 'auto'): string {
  if (data[0] === 0xef && data[1] === 0xbb && data[2] === 0xbf) return decode('utf-8', data.subarray(3)) ?? badUtf8()
  if (data[0] === 0xff && data[1] === 0xfe) return new TextDecoder('utf-16le').decode(data.subarray(2))
  if (data[0] === 0xfe && data[1] === 0xff) return new TextDecoder('utf-16be').decode(data.subarray(2))
  if (choice === 'utf-8') return decode('utf-8', data) ?? badUtf8()
  if (choice === 'gb18030') return decode('gb18030', data) ?? unreadableAs()
  const utf8 = decode('utf-8', data)
  const gb = decode('gb18030', data)
  if (utf8 === null && gb === null) throw unreadable()
  if (gb === null || utf8 === gb) return utf8!
  if (utf8 === null) return gb
  const a = judge(utf8)
  const b = judge(gb)
  if (a.header !== b.header) return a.header ? utf8 : gb
  // Neither has the header: the file is refused for that, read either way.
  if (!a.header) return gb
  if (a.score >= 0.7 && b.score < 0.3) return utf8
  if (b.score >= 0.7 && a.score < 0.3) return gb
  throw new AppError(400, 'ENCODING_AMBIGUOUS', 'memberships.import.encodingAsk', {}, {
    encoding: fieldError('memberships.import.encodingAsk', { gb18030: b.sample, utf8: a.sample })
  })
}

const badUtf8 = (): never => { throw badRequest({ file: 'memberships.import.notUtf8' }) }
const unreadableAs = (): never => { throw badRequest({ file: 'memberships.import.notGb18030' }) }

/** Whether the text's first line is the expected header, and how plausible its first names are. */
function judge (text: string): { header: boolean, score: number, sample: string } {
  let rows: string[][]
  try {
    rows = parseCsv(
      text.slice(0, 64 * 1024), { bom: true, relax_column_count: true, relax_quotes: true, skip_empty_lines: true, trim: true, to: 201 }
    ) as string[][]
  } catch {
    return { header: false, score: 0, sample: '' }
  }
  const start = rows.findIndex((r) => !isBlank(r))
  const columns = start === -1 ? null : findColumns(rows[start])
  if (columns === null) return { header: false, score: 0, sample: '' }
  const names = rows.slice(start + 1).map((r) => (r[columns.name] ?? '').trim()).filter((n) => n !== '')
  const score = names.length === 0 ? 0 : names.filter(plausibleName).length / names.length
  return { header: true, score, sample: names.slice(0, 3).join('、') }
}

/**
 * The 3,755 characters of GB 2312's first level (its rows 16–55): the common characters that
 * nearly every Chinese name is written with. A misread file rarely gives names made of them
 * alone: GBK read as UTF-8 gives Hebrew, Greek or Cyrillic letters, UTF-8 read as GBK gives
 * rare characters of GBK's second level and beyond.
 */
const COMMON = (() => {
  const bytes: number[] = []
  for (let lead = 0xb0; lead <= 0xd7; lead++) for (let trail = 0xa1; trail <= 0xfe; trail++) bytes.push(lead, trail)
  return new Set(new TextDecoder('gb18030').decode(Uint8Array.from(bytes)))
})()

/** A name written with common Chinese characters (a middle dot allowed), or in Latin letters. */
export function plausibleName (name: string): boolean {
  if (/^[A-Za-z][A-Za-z .'-]{0,49}$/.test(name)) return true
  const chars = [...name]
  return chars.length >= 2 && chars.length <= 20 && chars.every((c) => COMMON.has(c) || c === '·' || c === '•')
}
