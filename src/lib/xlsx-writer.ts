// XLSX downloads beside the CSV ones: the same header and rows, written as a stream with
// ExcelJS's streaming writer (inline strings, each row committed: memory stays flat however many
// rows). Text stays text: every string is written as a string cell and text columns carry the
// Text format (@), so a long number (an invoice, account or ID number, a member number) keeps
// every digit when Excel opens the file or someone types into it. Rows are fed a chunk at a time
// with the request thread given back between chunks, and the writer waits while the client is
// slower than the rows (backpressure).
import { PassThrough, type Readable } from 'node:stream'
import type * as ExcelJS from 'exceljs'
import type { FastifyReply } from 'fastify'
import { attachmentHeader, type CsvCell } from './csv.js'
import { exceljs } from './lazy-require.js'

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'

/** Rows written between two turns of the event loop: ~1–3 ms of work. */
const ROWS_PER_TURN = 200

const turn = async (): Promise<void> => await new Promise((resolve) => setImmediate(resolve))

/** A cell as written: numbers stay numbers, anything else is text. */
function xlsxCell (value: CsvCell): ExcelJS.CellValue {
  if (value === null || value === undefined) return null
  if (typeof value === 'number') return Number.isFinite(value) ? value : null
  if (typeof value === 'boolean') return value
  return value
}

/**
 * A readable stream of an .xlsx with one sheet: the header, then the rows as they come.
 * `textColumns` (0-based) are formatted as Text; string cells are text in any column.
 */
export function xlsxStream (sheetName: string, header: readonly string[], rows: Iterable<readonly CsvCell[]> | AsyncIterable<readonly CsvCell[]>, opts: { textColumns?: number[] } = {}): Readable {
  const out = new PassThrough()
  const book = new (exceljs().stream.xlsx.WorkbookWriter)({ stream: out, useSharedStrings: false, useStyles: true })
  const sheet = book.addWorksheet(sheetName.slice(0, 31) || 'Sheet1')
  sheet.columns = header.map((h, i) => ({
    header: h,
    width: Math.min(40, Math.max(10, [...h].length * 2 + 2)),
    ...(opts.textColumns?.includes(i) === true ? { style: { numFmt: '@' } } : {})
  }))
  const fill = async (): Promise<void> => {
    let n = 0
    for await (const row of rows as AsyncIterable<readonly CsvCell[]>) {
      sheet.addRow(row.map(xlsxCell)).commit()
      if (++n % ROWS_PER_TURN === 0) {
        // Backpressure: the zip output waits for the client before more rows are made.
        if (out.writableNeedDrain) await new Promise((resolve) => out.once('drain', resolve))
        await turn()
      }
      if (out.destroyed) return
    }
    sheet.commit()
    await book.commit()
  }
  fill().catch((err: unknown) => { out.destroy(err as Error) })
  return out
}

/** A whole small workbook (a template) as a buffer. */
export async function xlsxBuffer (sheetName: string, header: readonly string[], rows: ReadonlyArray<readonly CsvCell[]>, opts: { textColumns?: number[], textRows?: number } = {}): Promise<Buffer> {
  const book = new (exceljs().Workbook)()
  const sheet = book.addWorksheet(sheetName.slice(0, 31) || 'Sheet1')
  sheet.columns = header.map((h) => ({ header: h, width: Math.min(40, Math.max(12, [...h].length * 2 + 4)) }))
  for (const r of rows) sheet.addRow(r.map(xlsxCell))
  // Column styles apply to new cells Excel creates; the cells of the first rows are formatted
  // too, so that WPS (which reads cell styles only) keeps what is typed there as text.
  for (const c of opts.textColumns ?? []) {
    const column = sheet.getColumn(c + 1)
    column.numFmt = '@'
    for (let r = 2; r <= (opts.textRows ?? 0) + 1; r++) sheet.getCell(r, c + 1).numFmt = '@'
  }
  return Buffer.from(await book.xlsx.writeBuffer())
}

/** Sends an .xlsx as a download that no cache keeps (exports hold personal data). */
export function sendXlsx (reply: FastifyReply, fileName: string, body: Buffer | NodeJS.ReadableStream): FastifyReply {
  return reply.header('content-type', XLSX_TYPE)
    .header('content-disposition', attachmentHeader(fileName))
    .header('cache-control', 'private, no-store')
    .send(body)
}
