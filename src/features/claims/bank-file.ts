// The bank file of a payment batch as CSV and XLSX. Every cell is text, so a spreadsheet keeps a
// 19-digit account number exact (as a number it would keep 15 significant digits) and the
// amount's two decimals: in XLSX the cells are strings in columns formatted as text (@); in CSV
// the account number is written ="…", which Excel and WPS show as that text.
import type { FastifyReply } from 'fastify'
import { attachmentHeader, csvCell, csvLine, CSV_BOM } from '../../lib/csv.js'
import { exceljs } from '../../lib/lazy-require.js'
import { BANK_FILE_HEADER, type BankFile } from './batch-payments.js'

const ACCOUNT_COLUMN = 1

export function bankFileCsv (file: BankFile): string {
  let out = CSV_BOM + csvLine(BANK_FILE_HEADER)
  for (const row of file.rows) {
    // Digits only (checked when saved), so the ="…" form cannot carry a formula of anyone's making.
    out += row.map((v, i) => (i === ACCOUNT_COLUMN && /^\d+$/.test(v) ? `"=""${v}"""` : csvCell(v))).join(',') + '\r\n'
  }
  return out
}

export async function bankFileXlsx (file: BankFile): Promise<Buffer> {
  const wb = new (exceljs().Workbook)()
  const ws = wb.addWorksheet('批量代发')
  ws.columns = BANK_FILE_HEADER.map((h, i) => ({ header: h, key: `c${i}`, width: [6, 24, 14, 14, 24, 12, 18][i], style: { numFmt: '@' } }))
  for (const row of file.rows) {
    // Text that a spreadsheet would run as a formula stays text (a leading apostrophe, as in CSV).
    ws.addRow(row.map((v) => (/^[=+\-@]/.test(v) ? `'${v}` : v)))
  }
  ws.getRow(1).font = { bold: true }
  return Buffer.from(await wb.xlsx.writeBuffer())
}

export function sendBankFile (reply: FastifyReply, file: BankFile, kind: 'csv' | 'xlsx', body: string | Buffer): FastifyReply {
  const name = `批量代发-${file.batch.id}.${kind}`
  return reply
    .header('content-type', kind === 'csv' ? 'text/csv; charset=utf-8' : 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
    .header('content-disposition', attachmentHeader(name))
    .header('cache-control', 'private, no-store')
    .header('x-content-type-options', 'nosniff')
    .send(body)
}
