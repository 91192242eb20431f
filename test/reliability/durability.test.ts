// Every acknowledged write is durable: the one connection the app writes with (and the command
// line, which opens the database the same way) commits with synchronous FULL. And production
// logs one line per request.
import t from 'tap'
import { Writable } from 'node:stream'
import Fastify from 'fastify'
import { build, injectAs } from '../helper.js'
import { openBulkConnection } from '../../src/db/index.js'
import { world } from '../features/memberships/fixtures.js'
import { uniqueResidentId } from '../factories.js'
import { multipart } from '../multipart.js'
import { noteRefusal, OneLinePerRequest } from '../../src/plugins/request-log.js'

t.test('the connection that writes money runs with synchronous = FULL', async (t) => {
  const app = await build(t)
  t.equal(app.db.$client.pragma('synchronous', { simple: true }), 2, 'FULL (2), not NORMAL (1)')
  t.equal(app.db.$client.pragma('journal_mode', { simple: true }), 'wal')
})

t.test('only the roster import\'s own connection commits lazily; the app\'s stays FULL through an import', async (t) => {
  const app = await build(t)
  const bulk = openBulkConnection(app.db.$client.name)
  t.teardown(() => { bulk.$client.close() })
  t.equal(bulk.$client.pragma('synchronous', { simple: true }), 1, 'the chunks: NORMAL')
  t.equal(bulk.$client.pragma('journal_mode', { simple: true }), 'wal')
  const w = await world(app)
  const csv = '姓名,身份证号码\r\n' + Array.from({ length: 250 }, (_, i) => `职工${i},${uniqueResidentId()}\r\n`).join('')
  const body = multipart({ enterpriseId: String(w.entA) }, { name: 'r.csv', bytes: Buffer.from(csv) })
  const res = await injectAs(app, w.staffA, { method: 'POST', url: '/api/v1/membership-imports', payload: body.payload, headers: body.headers })
  t.match(res.json(), { status: 'done', createdRows: 250 }, 'answered once the recording commit (at FULL) returned')
  t.equal(app.db.$client.pragma('synchronous', { simple: true }), 2, 'the app\'s connection: FULL')
})

t.test('one log line per request, without the query string; a refusal carries its code', async (t) => {
  const lines: Array<Record<string, unknown>> = []
  const stream = new Writable({ write (chunk: Buffer, _enc, done) { lines.push(JSON.parse(chunk.toString())); done() } })
  const app = Fastify({ logger: { level: 'info', stream }, logController: new OneLinePerRequest() })
  app.get('/a', async () => ({ ok: true }))
  app.get('/b', async (req, reply) => { noteRefusal(req, 'FORBIDDEN'); return await reply.code(403).send({}) })
  t.teardown(async () => { await app.close() })
  await app.inject({ url: '/a?q=110105194912310021' })
  await app.inject({ url: '/b' })
  const requests = lines.filter((l) => l.msg === 'request')
  t.equal(lines.length, 2, 'two requests, two lines')
  t.match(requests[0], { method: 'GET', url: '/a', statusCode: 200 })
  t.notMatch(JSON.stringify(requests[0]), '110105', 'no query string')
  t.match(requests[1], { url: '/b', statusCode: 403, code: 'FORBIDDEN' })
})
