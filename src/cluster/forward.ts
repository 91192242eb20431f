// The two ends of the write path between server processes (WEB_CONCURRENCY > 1).
//
// A reader answers GET and HEAD itself and passes every other request, byte for byte, to the
// writer over a unix socket (in a directory only this user can enter). The writer serves what
// arrives there with the same Fastify handler as its port, so a forwarded request meets the same
// checks, limits, log line and transaction as one sent to the writer directly. Writes therefore
// never compete for SQLite's lock between processes (its busy handler sleeps in milliseconds).
import http, { type IncomingMessage, type ServerResponse } from 'node:http'
import { chmodSync, unlinkSync } from 'node:fs'

type Handler = (req: IncomingMessage, res: ServerResponse) => void

/** The client's address as the reader saw it; believed only on the writer's socket. */
export const CLIENT_ADDRESS_HEADER = 'x-portal-client-address'
const READS = new Set(['GET', 'HEAD'])
// Hop-by-hop headers: each leg of the trip sets its own.
const HOP = ['connection', 'keep-alive', 'proxy-connection', 'upgrade', 'te', 'trailer']
/** Seconds a client is asked to wait when the writer is restarting. */
export const RETRY_AFTER_SECONDS = 2

/** Takes over the server's request listener(s): reads go to them, the rest to the writer. */
export function forwardWrites (server: http.Server, socketPath: string, onError: (err: Error) => void): () => void {
  const handlers = takeHandlers(server)
  // Idle sockets are dropped (30 s) before the writer's side would close them (65 s), so a reused
  // socket is never one the writer is closing at that moment.
  const agent = new http.Agent({ keepAlive: true, timeout: 30_000 })
  server.on('request', (req: IncomingMessage, res: ServerResponse) => {
    if (READS.has(req.method ?? '')) {
      for (const h of handlers) h.call(server, req, res)
      return
    }
    const headers: http.OutgoingHttpHeaders = { ...req.headers, [CLIENT_ADDRESS_HEADER]: req.socket.remoteAddress ?? '' }
    for (const h of HOP) Reflect.deleteProperty(headers, h)
    const up = http.request({ socketPath, method: req.method, path: req.url, headers, agent })
    up.on('response', (answer) => {
      const back: http.OutgoingHttpHeaders = { ...answer.headers }
      for (const h of HOP) Reflect.deleteProperty(back, h)
      res.writeHead(answer.statusCode ?? 502, back)
      answer.pipe(res)
    })
    up.on('error', (err: NodeJS.ErrnoException) => {
      if (res.destroyed) return // the client went away first
      // Refused or no socket: the writer is down (restarting), nothing was written. Otherwise the
      // request may have reached it, and the answer cannot say whether it took effect.
      const down = err.code === 'ECONNREFUSED' || err.code === 'ENOENT'
      if (!down) onError(err)
      if (res.headersSent) { res.destroy(); return }
      unavailable(req, res, down ? 503 : 502)
    })
    res.on('close', () => { if (!res.writableFinished) up.destroy() })
    req.pipe(up)
  })
  return () => { agent.destroy() }
}

/** Serves the writes readers forward, on a unix socket, with the server's own handler. */
export async function listenForForwardedWrites (server: http.Server, socketPath: string): Promise<http.Server> {
  const handlers = server.listeners('request') as Handler[]
  const inner = http.createServer((req, res) => {
    const address = req.headers[CLIENT_ADDRESS_HEADER]
    Reflect.deleteProperty(req.headers, CLIENT_ADDRESS_HEADER)
    // The reader's agent sends one request at a time on a connection, so the socket's address
    // is this request's client until its answer ends.
    Object.defineProperty(req.socket, 'remoteAddress', { value: typeof address === 'string' && address !== '' ? address : undefined, configurable: true })
    for (const h of handlers) h.call(server, req, res)
  })
  inner.keepAliveTimeout = 65_000
  // A socket left by a writer that was killed would make listen fail with EADDRINUSE.
  try { unlinkSync(socketPath) } catch (err) { if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err }
  await new Promise<void>((resolve, reject) => {
    inner.once('error', reject)
    // exclusive: the writer's own socket, not one the cluster primary would hold (and keep
    // accepting on) while the writer is down.
    inner.listen({ path: socketPath, exclusive: true }, () => { inner.off('error', reject); resolve() })
  })
  chmodSync(socketPath, 0o600)
  return inner
}

/** Stops accepting forwarded writes and waits for those under way. */
export async function closeServer (server: http.Server): Promise<void> {
  await new Promise<void>((resolve) => {
    server.close(() => { resolve() })
    server.closeIdleConnections()
  })
}

function takeHandlers (server: http.Server): Handler[] {
  const handlers = server.listeners('request') as Handler[]
  server.removeAllListeners('request')
  return handlers
}

function unavailable (req: IncomingMessage, res: ServerResponse, status: 502 | 503): void {
  const en = /^en\b/i.test(req.headers['accept-language'] ?? '')
  const message = status === 503
    ? (en ? 'The service is restarting. Please try again in a moment.' : '服务正在重启，请稍后重试。')
    : (en ? 'The connection was lost while saving. Check whether your change was saved before trying again.' : '保存时连接中断。请先查看是否已保存，再重试。')
  const headers: http.OutgoingHttpHeaders = { 'cache-control': 'no-store' }
  if (status === 503) headers['retry-after'] = String(RETRY_AFTER_SECONDS)
  if ((req.url ?? '').startsWith('/api/')) {
    const code = status === 503 ? 'SERVICE_UNAVAILABLE' : 'WRITE_OUTCOME_UNKNOWN'
    res.writeHead(status, { ...headers, 'content-type': 'application/json; charset=utf-8' })
    res.end(JSON.stringify({ error: { code, message } }))
    return
  }
  res.writeHead(status, { ...headers, 'content-type': 'text/html; charset=utf-8' })
  res.end(`<!doctype html><html lang="${en ? 'en' : 'zh-CN'}"><meta charset="utf-8"><title>${status}</title><p>${message}</p></html>`)
}
