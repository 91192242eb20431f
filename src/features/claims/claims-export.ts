// The claims exports as the pages show claims: status and reason in words (the pages' own
// labels, in the reader's language), submission times in Shanghai local time; as CSV or XLSX.
// The rows come from the service (exportQueue, exportBatch) unchanged; only their display is
// decided here, through the same helpers the pages use.
import type { FastifyReply, FastifyRequest } from 'fastify'
import { csvStream, sendCsv, type CsvCell } from '../../lib/csv.js'
import { sendXlsx, xlsxStream } from '../../lib/xlsx-writer.js'
import datetime from '../../views/helpers/datetime.js'
import { statusBadge } from './claims-display.js'
import { EXPORT_HEADER } from './queue.js'
import type { ClaimStatus } from './claims-repository.js'

export type ExportFormat = 'csv' | 'xlsx'

// Columns of EXPORT_HEADER shown as on the pages.
const SUBMITTED = 1
const STATUS = 2
const REASON = 17
/** Member number and invoice number: text, every digit kept. */
const TEXT_COLUMNS = [4, 10]

export const CLAIMS_EXPORT_HEADER = EXPORT_HEADER.map((h, i) => i === SUBMITTED ? '提交时间 Submitted (Asia/Shanghai)' : h)

function * shown (req: FastifyRequest, rows: Iterable<ReadonlyArray<CsvCell>>): Generator<CsvCell[]> {
  for (const row of rows) {
    const out = [...row]
    out[SUBMITTED] = datetime(row[SUBMITTED])
    out[STATUS] = statusBadge(req, row[STATUS] as ClaimStatus).label
    out[REASON] = row[REASON] === null || row[REASON] === undefined || row[REASON] === '' ? '' : req.t(`claims.reason.${String(row[REASON])}`)
    yield out
  }
}

/** The review queue's export as a download. */
export function sendClaimsExport (
  req: FastifyRequest, reply: FastifyReply, rows: Iterable<ReadonlyArray<CsvCell>>, day: string, format: ExportFormat
): FastifyReply {
  const lines = shown(req, rows)
  if (format === 'csv') return sendCsv(reply, `claims-${day}.csv`, csvStream(CLAIMS_EXPORT_HEADER, lines))
  return sendXlsx(reply, `claims-${day}.xlsx`, xlsxStream('claims', CLAIMS_EXPORT_HEADER, lines, { textColumns: TEXT_COLUMNS }))
}
