// One log line per request, written when the answer has gone: method, URL, status, time taken
// and, for a refusal, its code. Fastify's default is two lines (request in, response out) at
// info: at production's `info` level that was 24–30% of /healthz throughput, and an operator
// reads one line per request as easily. The URL's query string is left out: it may hold a
// search for a person's name or ID number.
import fp from 'fastify-plugin'
import type { FastifyInstance, FastifyRequest } from 'fastify'

const refusals = new WeakMap<FastifyRequest, string>()

/** Records why a request was refused (its code), for the request's one log line. */
export function noteRefusal (req: FastifyRequest, code: string): void {
  refusals.set(req, code)
}

export default fp(async function requestLog (app: FastifyInstance) {
  app.addHook('onResponse', (req, reply, done) => {
    const code = refusals.get(req)
    const path = req.url.split('?', 1)[0]
    req.log.info({ method: req.method, url: path, statusCode: reply.statusCode, ms: Math.round(reply.elapsedTime * 10) / 10, ...(code === undefined ? {} : { code }) }, 'request')
    done()
  })
}, { name: 'request-log' })
