// Claim documents: recognised by their bytes (never by the name or the declared type), stored
// encrypted under UPLOAD_DIR (outside the web root), read back only through the service.
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { createHash, randomUUID } from 'node:crypto'
import { dirname, join, resolve, sep } from 'node:path'
import type { Pii } from '../../lib/pii.js'

export { DOCUMENT_KINDS, type DocumentKind } from '../../domain/claim-documents.js'

export interface FileType { mime: 'application/pdf' | 'image/jpeg' | 'image/png', ext: 'pdf' | 'jpg' | 'png' }

/** PDF, JPEG or PNG by their magic numbers; null for anything else. */
export function sniffFileType (bytes: Buffer): FileType | null {
  if (bytes.length >= 5 && bytes.subarray(0, 5).toString('latin1') === '%PDF-') return { mime: 'application/pdf', ext: 'pdf' }
  if (bytes.length >= 8 && bytes.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))) return { mime: 'image/png', ext: 'png' }
  if (bytes.length >= 3 && bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return { mime: 'image/jpeg', ext: 'jpg' }
  return null
}

/** A safe display name: the base name without control or path characters, with the real extension. */
export function safeFileName (original: string | undefined, type: FileType, kind: string): string {
  const base = (original ?? '').split(/[\\/]/).pop() ?? ''
  // Control characters are what this strips, on purpose.
  // eslint-disable-next-line no-control-regex
  const stem = base.replace(/\.[^.]*$/, '').replace(/[\u0000-\u001f\u007f"<>|:*?]/g, '').trim().slice(0, 80)
  return `${stem === '' ? kind : stem}.${type.ext}`
}

export function sha256 (bytes: Buffer): string {
  return createHash('sha256').update(bytes).digest('hex')
}

/** Writes the encrypted bytes; returns the path relative to the upload directory. (Also used for collective contracts and disclosures: `folder`.) */
export function storeEncrypted (uploadDir: string, pii: Pii, claimId: number, bytes: Buffer, folder = 'claims'): string {
  const rel = join(folder, String(claimId), `${randomUUID()}.bin`)
  const full = join(uploadDir, rel)
  mkdirSync(dirname(full), { recursive: true })
  writeFileSync(full, pii.encryptBuffer(bytes), { mode: 0o600 })
  return rel
}

function inside (uploadDir: string, rel: string): string {
  const root = resolve(uploadDir)
  const full = resolve(root, rel)
  if (!full.startsWith(root + sep)) throw new Error('document path outside the upload directory')
  return full
}

export function readDecrypted (uploadDir: string, pii: Pii, rel: string): Buffer {
  return pii.decryptBuffer(readFileSync(inside(uploadDir, rel)))
}

export function removeStored (uploadDir: string, rel: string): void {
  rmSync(inside(uploadDir, rel), { force: true })
}
