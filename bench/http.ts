// Small helpers shared by the benchmark and the reliability tests: a free loopback port, and
// API/page tokens minted with a known secret exactly as the portal issues them.
import { createHmac } from 'node:crypto'
import { createServer } from 'node:net'

/** A free loopback port: listen on port 0, read the port, close. */
export async function freePort (): Promise<number> {
  return await new Promise((resolve, reject) => {
    const srv = createServer()
    srv.unref()
    srv.on('error', reject)
    srv.listen(0, '127.0.0.1', () => {
      const addr = srv.address()
      if (addr === null || typeof addr === 'string') { reject(new Error('no address')); return }
      srv.close(() => { resolve(addr.port) })
    })
  })
}

const b64url = (v: string | Buffer): string => Buffer.from(v).toString('base64url')

/**
 * An HS256 token as the portal issues it ({sub, tv, k, sid?, iat, exp}), signed with `secret`:
 * an API token by default; a page session (`session` = the id of its row in `sessions`) otherwise.
 */
export function mintToken (userId: number, tokenVersion: number, secret: string, ttlSeconds = 12 * 3600, session?: string): string {
  const now = Math.floor(Date.now() / 1000)
  const head = b64url(JSON.stringify({ alg: 'HS256', typ: 'JWT' }))
  const kind = session === undefined ? { k: 'a' } : { k: 'p', sid: session }
  const body = b64url(JSON.stringify({ sub: String(userId), tv: tokenVersion, ...kind, iat: now, exp: now + ttlSeconds }))
  const sig = createHmac('sha256', secret).update(`${head}.${body}`).digest('base64url')
  return `${head}.${body}.${sig}`
}
