// Reads a multipart upload (one file plus text fields, in any order) into memory. The 10 MB limit
// is enforced while streaming by @fastify/multipart; here it becomes a clear 413.
import type { FastifyRequest } from 'fastify'
import { AppError } from '../../lib/errors.js'

export interface Upload { fields: Record<string, string>, file?: { fileName: string, bytes: Buffer } }

export async function readUpload (req: FastifyRequest): Promise<Upload> {
  if (!req.isMultipart()) throw new AppError(400, 'INVALID_INPUT', 'claims.doc.multipart', {}, { file: 'claims.doc.multipart' })
  const fields: Record<string, string> = {}
  let file: Upload['file']
  try {
    for await (const part of req.parts()) {
      if (part.type === 'file') {
        // The API takes one file: any more are drained unread.
        if (file !== undefined || part.fieldname !== 'file') { part.file.resume(); continue }
        file = { fileName: part.filename, bytes: await part.toBuffer() }
      } else if (typeof part.value === 'string') {
        fields[part.fieldname] = part.value
      }
    }
  } catch (err) {
    const code = (err as { code?: string }).code
    if (code === 'FST_REQ_FILE_TOO_LARGE') throw new AppError(413, 'FILE_TOO_LARGE', 'claims.doc.tooLarge', {}, { file: 'claims.doc.tooLarge' })
    throw err
  }
  // The page form may also name the kind in the query string (multipart forms carry ?_csrf= there).
  const kind = (req.query as Record<string, unknown> | undefined)?.kind
  if (fields.kind === undefined && typeof kind === 'string') fields.kind = kind
  return { fields, file }
}

/**
 * A phone's picker sends several files at once: each is handed to `onFile` as soon as it has
 * arrived, with the fields sent before it (the form puts `kind` first), so memory holds one
 * file at a time. Returns how many files there were.
 */
export async function eachUploadedFile (req: FastifyRequest, onFile: (fields: Record<string, string>, file: { fileName: string, bytes: Buffer }) => void): Promise<number> {
  if (!req.isMultipart()) throw new AppError(400, 'INVALID_INPUT', 'claims.doc.multipart', {}, { file: 'claims.doc.multipart' })
  const fields: Record<string, string> = {}
  const kind = (req.query as Record<string, unknown> | undefined)?.kind
  if (typeof kind === 'string') fields.kind = kind
  let n = 0
  try {
    for await (const part of req.parts()) {
      if (part.type === 'file') {
        const bytes = await part.toBuffer()
        if (part.fieldname !== 'file' || (bytes.length === 0 && part.filename === '')) continue
        onFile({ ...fields }, { fileName: part.filename, bytes })
        n++
      } else if (typeof part.value === 'string') {
        fields[part.fieldname] = part.value
      }
    }
  } catch (err) {
    const code = (err as { code?: string }).code
    if (code === 'FST_REQ_FILE_TOO_LARGE') throw new AppError(413, 'FILE_TOO_LARGE', 'claims.doc.tooLarge', {}, { file: 'claims.doc.tooLarge' })
    if (code === 'FST_FILES_LIMIT') throw new AppError(400, 'INVALID_INPUT', 'claims.doc.tooMany', {}, { file: 'claims.doc.tooMany' })
    throw err
  }
  return n
}
