// The zip side of the XLSX reader (xlsx-reader.ts): an upload's parts found by its central
// directory, and a zip of chosen parts, stored (uncompressed) in a chosen order, inflated from the
// upload only as it is read, each held to its declared size and a limit (a zip bomb stops early),
// cut only between whole UTF-8 characters.
import { Readable } from 'node:stream'
import { createInflateRaw } from 'node:zlib'

/** Why a workbook could not be read: not a workbook we can read, no sheet in it, too many rows. */
export class XlsxReadError extends Error {
  constructor (readonly reason: 'unreadable' | 'noSheet' | 'tooManyRows') {
    super(reason)
  }
}

export const unreadable = (): XlsxReadError => new XlsxReadError('unreadable')

/** Longest stretch without a '<' in a sheet or the shared strings (one cell holds 32,767 characters). */
const MAX_XML_RUN = 1024 * 1024
const END_OF_DIRECTORY = Buffer.from([0x50, 0x4b, 0x05, 0x06])

export interface ZipPart { name: string, flags: number, method: number, size: number, compressedSize: number, localHeader: number }
/** A part to stream, its limit, and whether to guard it against over-long runs of text. */
export interface StreamPart { part: ZipPart, limit: number, guard: boolean }

/** The upload's central directory: its parts by name (the first, if a name is there twice). */
export function zipDirectory (data: Buffer): Map<string, ZipPart> {
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
export function zipStream (data: Buffer, parts: StreamPart[], onFailure: (err: unknown) => void): Readable {
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
