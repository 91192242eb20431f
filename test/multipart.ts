// A multipart/form-data body as a browser sends it: the fields first, then at most one file
// (its part named "file"). For the upload tests of every feature.
export interface FilePart {
  name: string
  bytes: Buffer
  /** Its Content-Type; application/octet-stream unless told. */
  type?: string
}

export function multipart (fields: Record<string, string>, file?: FilePart) {
  const boundary = '----portalTest' + Math.random().toString(16).slice(2)
  const chunks: Buffer[] = []
  for (const [k, v] of Object.entries(fields)) {
    chunks.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`))
  }
  if (file !== undefined) {
    const type = file.type ?? 'application/octet-stream'
    chunks.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${file.name}"\r\nContent-Type: ${type}\r\n\r\n`))
    chunks.push(file.bytes, Buffer.from('\r\n'))
  }
  chunks.push(Buffer.from(`--${boundary}--\r\n`))
  return { payload: Buffer.concat(chunks), headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } }
}
