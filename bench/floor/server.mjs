// The peer floor: what any competent implementation of the member home page must do, and no
// more, with the same packages as the portal. A separate minimal Fastify app, loaded in the same
// bench run as the portal (interleaved), so that each page's throughput can be read as a ratio
// to what its work costs on this machine rather than to /healthz (which mostly measures the load
// generator). Per request: helmet's headers, the CSRF cookie, the JWT from the cookie verified,
// the account read, 5 prepared queries on indexes, a layout and a page rendered with templates
// compiled once, padded to the portal's home page size (FLOOR_PAGE_BYTES), one log line.
// Plain JavaScript: no compile step or loader to differ from the compiled portal.
import { readFileSync } from 'node:fs'
import Fastify, { LogController } from 'fastify'
import cookie from '@fastify/cookie'
import jwt from '@fastify/jwt'
import csrf from '@fastify/csrf-protection'
import helmet from 'helmet'
import Database from 'better-sqlite3'
import Handlebars from 'handlebars'

const env = process.env
const secret = env.JWT_SECRET
if (secret === undefined || env.DATABASE_PATH === undefined) throw new Error('JWT_SECRET and DATABASE_PATH are required')

// One line per request, as the portal logs (src/plugins/request-log.ts).
class OneLine extends LogController {
  incomingRequest () {}
  requestCompleted (_error, req, reply) {
    reply.log.info({ method: req.method, url: req.url.split('?', 1)[0], statusCode: reply.statusCode, ms: Math.round(reply.elapsedTime * 10) / 10 }, 'request')
  }
}
const app = Fastify({ logger: env.LOG_LEVEL === 'silent' ? false : { level: env.LOG_LEVEL ?? 'info' }, logController: new OneLine() })
await app.register(cookie, { secret })
await app.register(jwt, { secret, verify: { algorithms: ['HS256'] } })
await app.register(csrf, { sessionPlugin: '@fastify/cookie', cookieKey: '_csrf', cookieOpts: { path: '/', httpOnly: true, sameSite: 'lax', signed: true } })
const headers = helmet({
  contentSecurityPolicy: { useDefaults: false, directives: { defaultSrc: ["'self'"], scriptSrc: ["'self'"], styleSrc: ["'self'"], imgSrc: ["'self'", 'data:'], formAction: ["'self'"], frameAncestors: ["'none'"], objectSrc: ["'none'"], baseUri: ["'self'"] } },
  strictTransportSecurity: false
})
app.addHook('onRequest', (req, reply, done) => { headers(req.raw, reply.raw, (err) => { done(err) }) })

const db = new Database(env.DATABASE_PATH, { readonly: true, fileMustExist: true })
db.pragma('cache_size = -32768')
const q = {
  account: db.prepare('select id, name, phone, token_version as tv, active from users where id = ?'),
  roles: db.prepare('select role from role_grants where user_id = ?'),
  membership: db.prepare("select id, enterprise_id as enterpriseId, member_no as memberNo, status, joined_on as joinedOn from memberships where user_id = ? order by case status when 'active' then 0 when 'applied' then 1 else 2 end, id desc limit 1"),
  enterprise: db.prepare('select e.name, b.name as buildingName from enterprises e join buildings b on b.id = e.building_id where e.id = ?'),
  shares: db.prepare('select plan_year as planYear, shares, amount_fen as amountFen, status from aid_purchases where membership_id = ? and plan_year = ?'),
  claims: db.prepare('select id, status, admission_date as admissionDate, hospital, total_cost_fen as totalCostFen from aid_claims where user_id = ? order by id desc limit 5')
}

const here = new URL('.', import.meta.url)
const layoutSource = readFileSync(new URL('layout.hbs', here), 'utf8')
const pageSource = readFileSync(new URL('page.hbs', here), 'utf8')
const yuan = (fen) => '¥' + (fen / 100).toLocaleString('en', { minimumFractionDigits: 2, maximumFractionDigits: 2 })
Handlebars.registerHelper('yuan', (fen) => yuan(Number(fen)))
// The page padded with static text to the size of the portal's home page (a page's fixed text
// costs the same whichever app renders it).
const base = Handlebars.compile(layoutSource)({ body: Handlebars.compile(pageSource)({}), csrfToken: 'x'.repeat(52), user: { name: '会员' } }).length
const pad = Math.max(0, Number(env.FLOOR_PAGE_BYTES ?? 0) - base - 600)
const filler = '<p class="intro">' + '楼宇工会联合会为职工提供入会、医疗互助和报销服务。'.repeat(Math.ceil(pad / 75)).slice(0, Math.floor(pad / 3)) + '</p>'
const layout = Handlebars.compile(layoutSource)
const page = Handlebars.compile(pageSource.replace('{{!filler}}', filler))

app.get('/healthz', async () => ({ status: 'ok' }))
app.get('/', async (req, reply) => {
  const token = req.cookies.token
  if (token === undefined) return await reply.code(401).send({ error: 'unauthorized' })
  let claims
  try { claims = app.jwt.verify(token) } catch { return await reply.code(401).send({ error: 'unauthorized' }) }
  const user = q.account.get(Number(claims.sub))
  if (user === undefined || user.active !== 1 || user.tv !== claims.tv) return await reply.code(401).send({ error: 'unauthorized' })
  const roles = q.roles.all(user.id).map((r) => r.role)
  const m = q.membership.get(user.id)
  const ent = m === undefined ? undefined : q.enterprise.get(m.enterpriseId)
  const year = new Date().getFullYear()
  const share = m === undefined ? undefined : q.shares.get(m.id, year)
  const recent = q.claims.all(user.id)
  const csrfToken = reply.generateCsrf()
  const body = page({ user, roles, m, ent, share, recent, year })
  return await reply.type('text/html; charset=utf-8').send(layout({ body, csrfToken, user }))
})

await app.listen({ port: Number(env.PORT ?? 3100), host: env.HOST ?? '127.0.0.1' })
