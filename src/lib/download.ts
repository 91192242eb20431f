// A stored file sent as a download (claim documents, contract texts and scans, disclosure
// attachments): shared by the pages and the JSON API.
import type { FastifyReply } from 'fastify'
import { attachmentHeader } from './csv.js'

/** The plain bytes with their real type, as a download that the browser may not re-interpret. */
export function sendDocument (reply: FastifyReply, doc: { fileName: string, mime: string }, bytes: Buffer): FastifyReply {
  return reply
    .header('content-type', doc.mime)
    .header('content-disposition', attachmentHeader(doc.fileName))
    .header('x-content-type-options', 'nosniff')
    .header('cache-control', 'private, no-store')
    .send(bytes)
}
