// A streaming reader of an XLSX's first sheet, for uploads: memory stays bounded whatever the
// file (a zip bomb, a million empty rows, cells far to the right), and reading stops at a row
// limit. Cells come back as Excel holds them: text as shown, numbers as numbers, so the caller
// can tell a number Excel stored (an ID typed into a General column) from text.
import type * as ExcelJS from 'exceljs'
import { unreadable, XlsxReadError, zipDirectory, zipStream, type StreamPart } from './xlsx-zip.js'
import { exceljs } from './lazy-require.js'

export { XlsxReadError } from './xlsx-zip.js'

/** A cell as Excel holds it: text (as a cell shows it), or a number (formula results too). */
export type SheetCell = string | number

export interface SheetTable {
  /** The first non-empty row, as text; undefined for a sheet without one. */
  header: string[] | undefined
  /** The non-empty rows after the header, holding only the picked columns, in their order. */
  rows: SheetCell[][]
  /** The columns picked from the header (0-based), or null when `pick` found none (rows are then counted, not kept). */
  picked: number[] | null
}

export interface SheetOptions {
  /** Non-empty rows after the header allowed; one more is a `tooManyRows` error. */
  maxRows: number
  /** Which columns to keep, by the header; null when the header is not the one wanted. */
  pick: (header: string[]) => number[] | null
}

// The sheet is read as a stream, row by row, and reading stops at the row limit, so memory stays
// bounded whatever the upload. ExcelJS's streaming reader takes the zip in file order, and Excel
// (like ExcelJS) writes the shared strings after the sheets: the reader would first copy every
// sheet to a temporary file, and leave those files open when reading stops early. So it is given
// a zip of our own instead: only the parts it needs, in the order it needs them (relationships,
// workbook, styles, shared strings, then the first sheet alone), each inflated from the upload
// as it is read and held to its declared size and to a limit, so a zip bomb stops early too.

const MiB = 1024 * 1024
/** Decompressed size allowed per part; a 50,000-row roster of 3 columns has 8 MiB of sheet and 3 of strings. */
const PART_LIMIT = { rels: 1 * MiB, workbook: 4 * MiB, styles: 8 * MiB, sharedStrings: 32 * MiB, sheet: 64 * MiB }
/** Rows of any kind, empty ones included: more than Excel allows is not a sheet. */
const MAX_SHEET_ROWS = 1_048_576
/** The reader walks every row up to its last cell, so far-right cells cost time: this much in all. */
const MAX_CELL_SLOTS = 16 * MiB
// Shared strings are emitted, not cached: see readSheet.
const XLSX_READ = { sharedStrings: 'emit', hyperlinks: 'ignore', styles: 'cache', worksheets: 'emit', entries: 'ignore' } as const

/** What ExcelJS's WorkbookReader keeps, untyped: the workbook, its relationships, the shared strings. */
interface ReaderState {
  model?: { sheets?: Array<{ rId?: unknown }> }
  workbookRels?: Array<{ Id?: unknown, Target?: unknown }>
  sharedStrings?: unknown[]
}
/** What WorkbookReader.parse() yields: a shared string (with sharedStrings: 'emit') or a sheet. */
type ReaderItem = { eventType?: undefined, index: number, text: unknown } | { eventType: 'worksheet', value: ExcelJS.stream.xlsx.WorksheetReader } | { eventType: 'hyperlinks' }

/** The first sheet (in tab order) of an .xlsx upload; throws an XlsxReadError for anything else. */
export async function readFirstSheet (data: Buffer, opts: SheetOptions): Promise<SheetTable> {
  try {
    const parts = zipDirectory(data)
    const rels = parts.get('xl/_rels/workbook.xml.rels')
    const book = parts.get('xl/workbook.xml')
    // Without these there is no sheet (as ExcelJS's whole-file reader found too).
    if (rels === undefined || book === undefined) throw new XlsxReadError('noSheet')
    if (rels.size > PART_LIMIT.rels || book.size > PART_LIMIT.workbook) throw unreadable()
    const head: StreamPart[] = [{ part: rels, limit: PART_LIMIT.rels, guard: false }, {
      part: book, limit: PART_LIMIT.workbook, guard: false
    }]

    // First the workbook alone, to know which part is its first sheet (the first in tab order).
    const sheet = await withReader(data, head, async (reader) => {
      // eslint-disable-next-line @typescript-eslint/no-unused-vars -- reading the stream through is the point
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
    if (sheet === undefined) throw new XlsxReadError('noSheet')

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
    return await withReader(data, all, async (reader) => await readSheet(reader, opts))
  } catch (err) {
    if (err instanceof XlsxReadError) throw err
    throw unreadable()
  }
}

/** The first sheet's header and rows, the shared strings before it. */
async function readSheet (reader: ExcelJS.stream.xlsx.WorkbookReader, opts: SheetOptions): Promise<SheetTable> {
  // The shared strings go into a table of ours, as plain text (rich text joined, as a cell shows
  // it): ExcelJS's own cache keeps rich text as objects, ~250 bytes of heap for 20 bytes of XML.
  // The reader looks the sheet's cells up in it; and with a table present from the start it reads
  // the sheet as it streams in instead of spooling it to a temporary file.
  const strings: string[] = []
  ;(reader as unknown as ReaderState).sharedStrings = strings
  const items: AsyncIterable<ReaderItem> = { [Symbol.asyncIterator]: () => reader.parse() as AsyncIterator<ReaderItem> }
  let header: string[] | undefined
  let picked: number[] | null = null
  const rows: SheetCell[][] = []
  for await (const item of items) {
    if (item.eventType === undefined) strings[item.index] = sharedText(item.text)
    if (item.eventType !== 'worksheet') continue
    // The columns kept of each row after the header: those the caller reads, and only those
    // (a far-right header must not make every row thousands of cells long).
    let pick: number[] | null = null
    let seen = 0 // non-empty rows, the header included
    let all = 0
    let slots = 0
    for await (const row of item.value) {
      if (++all > MAX_SHEET_ROWS || (slots += row.cellCount) > MAX_CELL_SLOTS) throw unreadable()
      const cells = rowCells(row, pick)
      if (cells === null) continue
      if (++seen > opts.maxRows + 1) throw new XlsxReadError('tooManyRows')
      if (header === undefined) {
        header = cells.map(String)
        picked = opts.pick(header)
        // Without the wanted header the caller refuses the file, but only after its rows are
        // counted (a file too long is told so first).
        pick = picked ?? []
      } else if (picked !== null) {
        rows.push(cells)
      }
    }
    break
  }
  return { header, rows, picked }
}

/** A shared string as a cell shows it. */
function sharedText (value: unknown): string {
  if (typeof value === 'string') return value
  const runs = (value as { richText?: unknown } | null)?.richText
  if (!Array.isArray(runs)) return ''
  return runs.map((r: { text?: unknown }) => typeof r?.text === 'string' ? r.text : '').join('')
}

/**
 * The row's cells (text trimmed): every column (pick null), or the picked columns (0-based) in
 * their order; null when every cell is blank, whatever its column. (A row with text only in
 * other columns comes back with the picked ones empty.)
 */
function rowCells (row: ExcelJS.Row, pick: number[] | null): SheetCell[] | null {
  const cells: SheetCell[] = pick === null ? [] : pick.map(() => '')
  let blank = true
  row.eachCell((cell, col) => {
    const value = cellValue(cell)
    if (value === '') return
    blank = false
    if (pick === null) cells[col - 1] = value
    else for (let k = 0; k < pick.length; k++) if (pick[k] === col - 1) cells[k] = value
  })
  return blank ? null : pick === null ? Array.from(cells, (c) => c ?? '') : cells
}

/** A number as the number Excel holds; anything else as the text the cell shows, trimmed. */
function cellValue (cell: ExcelJS.Cell): SheetCell {
  const v = cell.value
  if (v === null || v === undefined) return ''
  if (typeof v === 'string') return v.trim()
  if (typeof v === 'number') return Number.isFinite(v) ? v : ''
  // A formula shows its result. (The streaming reader gives a shared formula's other cells an
  // empty formula, which ExcelJS would print as JSON.)
  if (typeof v === 'object' && ('formula' in v || 'sharedFormula' in v)) {
    const result: unknown = v.result
    if (typeof result === 'number') return Number.isFinite(result) ? result : ''
    return result ? String(result).trim() : ''
  }
  try {
    const text: unknown = cell.text
    return typeof text === 'string' ? text.trim() : ''
  } catch {
    return ''
  }
}

/** Runs ExcelJS's streaming reader over a zip of `parts`, then closes the stream. */
async function withReader<T> (
  data: Buffer, parts: StreamPart[], use: (reader: ExcelJS.stream.xlsx.WorkbookReader) => Promise<T>
): Promise<T> {
  let fail: (err: unknown) => void = () => {}
  const failed = new Promise<never>((_resolve, reject) => { fail = reject })
  failed.catch(() => { /* raced below, or never */ })
  const input = zipStream(data, parts, (err) => fail(err))
  try {
    // A part that fails cuts the stream short, and the reader then waits forever for the rest
    // of the part it is in: stop waiting (what it holds is freed with the stream).
    return await Promise.race([use(new (exceljs().stream.xlsx.WorkbookReader)(input, XLSX_READ)), failed])
  } finally {
    input.destroy()
  }
}
