// Reading a roster upload and answering an import's state: shared by the JSON API and the pages.
import type { FastifyRequest } from 'fastify'
import { badRequest } from '../../lib/errors.js'
import type { RosterImports } from './roster-import.js'
import type { ImportRow } from './memberships-repository.js'

/** Reads a multipart upload: its fields and its one file (limits come from the multipart plugin). */
export async function readUpload (req: FastifyRequest): Promise<{ fields: Record<string, string>, file?: { name: string, data: Buffer } }> {
  if (!req.isMultipart()) throw badRequest({ file: 'memberships.import.noFile' })
  const fields: Record<string, string> = {}
  let file: { name: string, data: Buffer } | undefined
  for await (const part of req.parts()) {
    if (part.type === 'file') {
      const data = await part.toBuffer()
      if (part.file.truncated) throw badRequest({ file: 'memberships.import.tooLarge' })
      if (file === undefined && part.filename !== '') file = { name: part.filename, data }
    } else if (typeof part.value === 'string') {
      fields[part.fieldname] = part.value
    }
  }
  return { fields, file }
}

/** The import's state; the refused rows' URL is under the API or the pages, matching the caller's credentials. */
export function importJson (imp: ImportRow, imports: RosterImports, repeated: boolean, base = '/api/v1/membership-imports') {
  const p = imports.progressOf(imp)
  return {
    id: imp.id, status: imp.status, repeated, enterpriseId: imp.enterpriseId, fileName: imp.fileName,
    totalRows: imp.totalRows, processed: p.processed, total: p.total, done: p.done,
    createdRows: imp.createdRows, duplicateRows: imp.duplicateRows, invalidRows: imp.invalidRows,
    errorReportUrl: imp.errorReport === null ? null : `${base}/${imp.id}/errors.csv`
  }
}
