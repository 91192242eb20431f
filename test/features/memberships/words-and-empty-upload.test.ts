// What people read about memberships is in words: an upload without a file says to choose one
// (page and API), the import list says 行数 and its status in words, and a membership's history
// names each step, who took it and what it changed, never an internal code, in both languages.
import t from 'tap'
import type { FastifyInstance } from 'fastify'
import { build, injectAs, PageSession } from '../../helper.js'
import type { UserRow } from '../../../src/features/accounts/accounts-repository.js'
import { member, world } from './fixtures.js'
import { uniqueResidentId } from '../../factories.js'
import { multipart, type FilePart } from '../../multipart.js'

async function apiUpload (app: FastifyInstance, user: UserRow, fields: Record<string, string>, file?: FilePart, lang = 'zh') {
  const m = multipart(fields, file)
  return await injectAs(app, user, { method: 'POST', url: '/api/v1/membership-imports', payload: m.payload, headers: { ...m.headers, 'accept-language': lang } })
}

async function pageSession (app: FastifyInstance, user: UserRow) {
  const s = new PageSession(app)
  await s.login(user.phone)
  await s.get('/memberships/import')
  const cookie = [...s.cookies].map(([k, v]) => `${k}=${v}`).join('; ')
  const send = async (fields: Record<string, string>, file?: FilePart) => {
    const m = multipart(fields, file)
    return await app.inject({ method: 'POST', url: `/memberships/import?_csrf=${encodeURIComponent(s.csrf!)}`, payload: m.payload, headers: { ...m.headers, cookie, accept: 'text/html' } })
  }
  return { s, send }
}

t.test('an import without a file says to choose one (API and page)', async (t) => {
  const app = await build(t)
  const w = await world(app)
  const target = { enterpriseId: String(w.entA) }
  for (const [what, file] of [['no file part', undefined], ['the form\'s empty file input', { name: '', bytes: Buffer.alloc(0) }]] as const) {
    const zh = await apiUpload(app, w.liaisonA, target, file)
    t.equal(zh.statusCode, 400, what)
    t.match(zh.json().error.fields.file, /请选择要上传的文件/, what)
    const en = await apiUpload(app, w.liaisonA, target, file, 'en')
    t.match(en.json().error.fields.file, /Choose a file/, `${what}, English`)
  }
  const empty = await apiUpload(app, w.liaisonA, target, { name: 'r.csv', bytes: Buffer.alloc(0) })
  t.equal(empty.statusCode, 400)
  t.match(empty.json().error.fields.file, /所选文件是空的.*请选择/, 'a 0-byte file: choose the filled-in one')

  const { send } = await pageSession(app, w.liaisonA)
  const page = await send({}, { name: '', bytes: Buffer.alloc(0) })
  t.equal(page.statusCode, 400)
  t.match(page.body, 'id="f-file-error"')
  t.match(page.body, '请选择要上传的文件')
  t.match(page.body, 'f-consent-error', 'the consent is asked for at the same time')
  t.match(page.body, 'f-enterpriseId-error', 'and the enterprise')
})

t.test('the import list: 行数, status in words; the status page never shows "done"', async (t) => {
  const app = await build(t)
  const w = await world(app)
  const { s, send } = await pageSession(app, w.liaisonA)
  const ok = await send({ enterpriseId: String(w.entA), consent: 'on' }, { name: 'r.csv', bytes: Buffer.from(`姓名,身份证号码\r\n张一,${uniqueResidentId()}\r\n`) })
  t.equal(ok.statusCode, 302, ok.body)
  const status = await s.get(ok.headers.location as string)
  t.notMatch(status.body, />\s*done\s*</)
  const list = await s.get('/memberships/import')
  t.match(list.body, /<th class="num">行数<\/th>/)
  t.match(list.body, /<td>已完成<\/td>/)
  t.notMatch(list.body, />\s*(done|running|failed|queued)\s*</)
  const en = await s.get('/memberships/import', { 'accept-language': 'en' })
  t.match(en.body, /<td>Finished<\/td>/)
})

t.test('a membership\'s history in words: step, who, what changed; no codes', async (t) => {
  const app = await build(t)
  const w = await world(app)
  const rejected = await member(app, w.entA, undefined, '孙丽')
  t.equal((await injectAs(app, w.liaisonA, { method: 'POST', url: `/api/v1/memberships/${rejected.id}/reject`, payload: { reason: '不是本企业员工' } })).statusCode, 200)
  const m = await member(app, w.entA, w.liaisonA, '钱多')
  const req = await injectAs(app, m.user, { method: 'POST', url: `/api/v1/memberships/${m.id}/transfers`, payload: { enterpriseId: w.entB } })
  t.equal((await injectAs(app, w.liaisonB, { method: 'POST', url: `/api/v1/membership-transfers/${req.json().id}/confirm` })).statusCode, 200)

  const s = new PageSession(app)
  await s.login(w.admin.phone)
  const one = (await s.get(`/memberships/${rejected.id}`)).body
  t.match(one, /入会申请未通过 · 联络员甲 · 原因：不是本企业员工/)
  t.match(one, /申请入会 · 孙丽/)
  const two = (await s.get(`/memberships/${m.id}`)).body
  t.match(two, new RegExp(`入会申请通过 · 联络员甲 · 会员号 ${m.memberNo!}`))
  t.match(two, /申请转会 · 钱多 · 转往 盘龙物流有限公司/)
  t.match(two, /转会已确认 · 联络员乙 · 已转入 盘龙物流有限公司/)
  const en = (await s.get(`/memberships/${m.id}`, { 'accept-language': 'en' })).body
  t.match(en, /Transfer confirmed · 联络员乙 · now at 盘龙物流有限公司/)
  for (const body of [one, two, en]) t.notMatch(body, /membership\.[a-z_]+|\{"/, 'no action code or JSON')
})
