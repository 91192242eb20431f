// Bargaining, contracts through their life, disclosures and the charter, through the pages:
// negotiator checks and the 20-day deadline, a draft adopted by its motion, signed, filed late
// (flagged), effective and expiring by the calendar, renewed; the text and scan encrypted at rest;
// members read their own enterprise's and the federation's disclosures only; every step audited.
import t from 'tap'
import { readFileSync, readdirSync } from 'node:fs'
import { join } from 'node:path'
import { sql } from 'drizzle-orm'
import { build, PageSession } from '../../helper.js'
import { governanceWorld, ok, seatedCongress } from './fixtures.js'
import { TINY_PDF } from '../claims/fixtures.js'
import { multipart } from '../../multipart.js'

t.test('bargaining: negotiators checked, the 20-day answer deadline shown', async (t) => {
  const app = await build(t)
  const w = await governanceWorld(app, 2)
  const staff = new PageSession(app)
  await staff.login(w.staff.phone)
  await staff.get(`/governance/buildings/${w.buildingId}`)
  let res = await staff.post(`/governance/buildings/${w.buildingId}/rounds`, { title: '2026 年度工资集体协商' })
  t.equal(res.statusCode, 400)
  t.match(res.body, /id="f-topics-error"/, 'the message beside the topics')
  res = await staff.post(`/governance/buildings/${w.buildingId}/rounds`, { title: '2026 年度工资集体协商', topics: 'pay' })
  t.equal(res.statusCode, 303)
  const roundUrl = res.headers.location as string
  res = await staff.get(roundUrl)
  t.match(res.body, /职工方协商代表不足 3 名/)
  res = await staff.post(`${roundUrl}/proposals`, { fromSide: 'workers', body: '月最低工资提高 8%', proposedOn: '2026-06-01' })
  t.equal(res.statusCode, 422, 'no proposal before the sides are constituted')
  for (const side of ['workers', 'employers']) {
    for (let i = 0; i < 3; i++) await staff.post(`${roundUrl}/negotiators`, { side, name: `${side}${i}`, ...(i === 0 ? { chief: 'on' } : {}) })
  }
  res = await staff.get(roundUrl)
  t.match(res.body, /协商代表符合规定/)
  res = await staff.post(`${roundUrl}/proposals`, { fromSide: 'workers', body: '月最低工资提高 8%', proposedOn: '2026-06-01' })
  t.equal(res.statusCode, 303)
  res = await staff.get(roundUrl)
  t.match(res.body, /应于 2026-06-21 前书面答复/)
  t.match(res.body, /等待答复/)
  app.testClock.set('2026-06-23T02:00:00.000Z')
  res = await staff.get(roundUrl)
  t.match(res.body, /已逾期未答复/)
  const member = new PageSession(app)
  await member.login(w.members[0].user.phone)
  t.equal((await member.get(roundUrl)).statusCode, 200, 'members of the building read it')
  t.equal((await member.post(`${roundUrl}/negotiators`, { side: 'workers', name: 'x' })).statusCode, 403)
})

t.test('a contract from draft to renewal, each step audited, text and scan encrypted', async (t) => {
  const app = await build(t)
  const w = await governanceWorld(app, 30)
  const staff = new PageSession(app)
  await staff.login(w.staff.phone)
  await staff.get(`/governance/buildings/${w.buildingId}`)
  let res = await staff.post(`/governance/buildings/${w.buildingId}/contracts`, { title: '五华科创大厦集体合同', kind: 'general', termYears: '4', text: '第一条 ……' })
  t.equal(res.statusCode, 400)
  t.match(res.body, /合同期限为 1 至 3 年/)
  res = await staff.post(`/governance/buildings/${w.buildingId}/contracts`, { title: '五华科创大厦集体合同', kind: 'general', termYears: '3', text: '第一条 劳动报酬：职工月工资不低于昆明市最低工资标准的 120%。' })
  t.equal(res.statusCode, 303)
  const contractUrl = res.headers.location as string
  const contractId = Number(contractUrl.split('/').pop())
  const stored = readdirSync(join(app.config.uploadDir, 'contracts', String(contractId)))
  t.equal(stored.length, 1)
  t.notMatch(readFileSync(join(app.config.uploadDir, 'contracts', String(contractId), stored[0])).toString('utf8'), /劳动报酬/, 'the text is encrypted at rest')
  res = await staff.get(contractUrl)
  t.match(res.body, /劳动报酬：职工月工资不低于/)
  t.match(res.body, /草案/)
  t.equal((await staff.post(`${contractUrl}/sign`, { signedOn: '2026-06-10', workersChief: '滕智', employersChief: '李总' })).statusCode, 409, 'a draft cannot be signed')

  // The congress adopts it.
  const { congressId, reps } = await seatedCongress(app, w)
  const { id: sessionId } = await ok(app, w.staff, 'POST', `/api/v1/congresses/${congressId}/sessions`, { date: '2026-06-05', title: '会议' }) as { id: number }
  await ok(app, w.staff, 'POST', `/api/v1/congress-sessions/${sessionId}/attendance`, { representativeIds: reps })
  const bad = await staff.post(`/governance/sessions/${sessionId}/motions`, { title: '决议', kind: 'resolution', contractId: String(contractId) })
  t.equal(bad.statusCode, 400, 'only a collective-contract motion adopts a contract')
  const { id: motionId } = await ok(app, w.staff, 'POST', `/api/v1/congress-sessions/${sessionId}/motions`, { title: '审议集体合同草案', kind: 'collective_contract', contractId }) as { id: number }
  for (let i = 0; i < 20; i++) await ok(app, w.members[i].user, 'POST', `/api/v1/motions/${motionId}/vote`, { vote: 'yes' })
  t.same(await ok(app, w.staff, 'POST', `/api/v1/motions/${motionId}/close`), { result: 'passed', yes: 20, no: 0, abstain: 0, total: 30 })
  res = await staff.get(contractUrl)
  t.match(res.body, /已经职代会通过/)

  res = await staff.post(`${contractUrl}/sign`, { signedOn: '2026-06-01', workersChief: '滕智', employersChief: '李总' })
  t.equal(res.statusCode, 303)
  res = await staff.post(`${contractUrl}/file`, { filedOn: '2026-05-30' })
  t.equal(res.statusCode, 400, 'filed before signing')
  res = await staff.post(`${contractUrl}/file`, { filedOn: '2026-06-12' })
  t.equal(res.statusCode, 303)
  res = await staff.get(contractUrl)
  t.match(res.body, /逾期报送/, 'filed 11 days after signing: flagged')
  t.match(res.body, /已报送审查/)
  t.match(res.body, /2026-06-27/, 'effective 15 days after filing')
  const upload = multipart({}, { name: '集体合同签字版.pdf', bytes: TINY_PDF, type: 'application/pdf' })
  res = await app.inject({ method: 'POST', url: `${contractUrl}/scan?_csrf=${encodeURIComponent(staff.csrf!)}`, payload: upload.payload, headers: { accept: 'text/html', 'content-type': upload.headers['content-type'], cookie: [...staff.cookies].map(([k, v]) => `${k}=${v}`).join('; ') } })
  t.equal(res.statusCode, 303)
  res = await staff.get(`${contractUrl}/scan`)
  t.same(res.rawPayload, TINY_PDF, 'the scan comes back decrypted')
  t.equal(res.headers['content-type'], 'application/pdf')

  app.testClock.set('2026-06-27T02:00:00.000Z')
  t.match((await staff.get(contractUrl)).body, /生效中/)
  app.testClock.set('2029-03-27T02:00:00.000Z')
  t.match((await staff.get(contractUrl)).body, /即将到期/)
  const member = new PageSession(app)
  await member.login(w.members[0].user.phone)
  t.match((await member.get(contractUrl)).body, /即将到期/, 'members read the contract')
  t.equal((await member.post(`${contractUrl}/renew`, {})).statusCode, 403)
  const outsider = new PageSession(app)
  await outsider.login(w.outsider.user.phone)
  t.equal((await outsider.get(contractUrl)).statusCode, 404)
  t.equal((await outsider.get(`${contractUrl}/text`)).statusCode, 404)
  res = await staff.post(`${contractUrl}/renew`, {})
  t.equal(res.statusCode, 303)
  t.match((await staff.get(contractUrl)).body, /已续订/)
  const actions = app.db.all<{ action: string }>(sql`select action from audit_log where entity_type = 'collective_contract' and entity_id = ${String(contractId)} order by id`).map((r) => r.action)
  t.same(actions, ['contract.draft', 'contract.adopt', 'contract.sign', 'contract.file', 'contract.scan', 'contract.renew'])
})

t.test('disclosures: members read their enterprise\'s and the federation\'s; staff see who published nothing', async (t) => {
  const app = await build(t)
  const w = await governanceWorld(app, 3)
  const staff = new PageSession(app)
  await staff.login(w.staff.phone)
  await staff.get(`/governance/buildings/${w.buildingId}/disclosures`)
  const post = async (s: PageSession, fields: Record<string, string>, file?: { name: string, bytes: Buffer }) => {
    const body = multipart(fields, file === undefined ? undefined : { ...file, type: 'application/pdf' })
    return await app.inject({ method: 'POST', url: `/governance/buildings/${w.buildingId}/disclosures?_csrf=${encodeURIComponent(s.csrf!)}`, payload: body.payload, headers: { accept: 'text/html', 'content-type': body.headers['content-type'], cookie: [...s.cookies].map(([k, v]) => `${k}=${v}`).join('; ') } })
  }
  let res = await post(staff, { category: 'finance', title: '', body: 'x', periodFrom: '2026-04-01', periodTo: '2026-03-01' })
  t.equal(res.statusCode, 400)
  res = await post(staff, { category: 'finance', title: '2026 年第一季度工会经费收支', body: '收入 ……', periodFrom: '2026-01-01', periodTo: '2026-03-31' }, { name: '收支表.pdf', bytes: TINY_PDF })
  t.equal(res.statusCode, 303)
  const federationUrl = res.headers.location as string
  res = await post(staff, { enterpriseId: String(w.enterpriseIds[1]), category: 'pay', title: '工资调整公示', body: '……', periodFrom: '2026-06-01', periodTo: '2026-06-30' })
  t.equal(res.statusCode, 303)
  const otherEnterpriseUrl = res.headers.location as string

  const member = new PageSession(app) // members[0] works in enterpriseIds[0]
  await member.login(w.members[0].user.phone)
  res = await member.get(`/governance/buildings/${w.buildingId}/disclosures`)
  t.match(res.body, /工会经费收支/)
  t.notMatch(res.body, /工资调整公示/, 'another enterprise\'s disclosure is not shown')
  t.equal((await member.get(otherEnterpriseUrl)).statusCode, 404)
  res = await member.get(`${federationUrl}/attachment`)
  t.same(res.rawPayload, TINY_PDF)
  const outsider = new PageSession(app)
  await outsider.login(w.outsider.user.phone)
  t.equal((await outsider.get(`/governance/buildings/${w.buildingId}/disclosures`)).statusCode, 404)

  res = await staff.get(`/governance/buildings/${w.buildingId}`)
  const silent = /data-testid="silent">([\s\S]*?)<\/div>/.exec(res.body)![1]
  t.match(silent, /2026 年第 2 季度尚未发布任何公开内容的企业：2 家/, 'two of the three enterprises published nothing this quarter')
  t.equal((await member.get(`/governance/buildings/${w.buildingId}`)).body.includes('data-testid="silent"'), false, 'members do not see the staff list')

  // The charter, in versions.
  await staff.get(`/governance/buildings/${w.buildingId}`)
  await staff.post(`/governance/buildings/${w.buildingId}/charter`, { kind: 'charter', title: '联合会章程（草案）', body: '第一章 总则', adoptedOn: '2022-07-01', adoptedBy: '会员代表大会' })
  await staff.post(`/governance/buildings/${w.buildingId}/charter`, { kind: 'charter', title: '联合会章程', body: '第一章 总则（修订）', adoptedOn: '2026-06-01', adoptedBy: '第一届联合职代会第一次会议' })
  res = await member.get(`/governance/buildings/${w.buildingId}`)
  t.match(res.body, /v2<\/td><td>2026-06-01<\/td><td>第一届联合职代会第一次会议/)
  t.match(res.body, /v1<\/td><td>2022-07-01/)
})

t.test('a liaison publishes for their own enterprise only; its members read it', async (t) => {
  const app = await build(t)
  const w = await governanceWorld(app, 3)
  const liaisonId = app.db.get<{ id: number }>(sql`select liaison_user_id as id from enterprises where id = ${w.enterpriseIds[0]}`)!.id
  const phone = app.db.get<{ phone: string }>(sql`select phone from users where id = ${liaisonId}`)!.phone
  const liaison = new PageSession(app)
  await liaison.login(phone)
  let res = await liaison.get('/governance')
  t.equal(res.statusCode, 302, 'straight to the one building where they may publish')
  t.equal(res.headers.location, `/governance/buildings/${w.buildingId}/disclosures`)
  res = await liaison.get(res.headers.location as string)
  t.match(res.body, /发布公开内容/)
  t.notMatch(res.body, /<option value="">楼宇工会联合会<\/option>/, 'not for the federation')
  const post = async (fields: Record<string, string>) => {
    const body = multipart(fields)
    return await app.inject({ method: 'POST', url: `/governance/buildings/${w.buildingId}/disclosures?_csrf=${encodeURIComponent(liaison.csrf!)}`, payload: body.payload, headers: { accept: 'text/html', 'content-type': body.headers['content-type'], cookie: [...liaison.cookies].map(([k, v]) => `${k}=${v}`).join('; ') } })
  }
  const fields = { category: 'pay', title: '2026 年 5 月工资发放公示', body: '按时足额发放。', periodFrom: '2026-05-01', periodTo: '2026-05-31' }
  t.equal((await post(fields)).statusCode, 403, 'the federation is not theirs to speak for')
  t.equal((await post({ ...fields, enterpriseId: String(w.enterpriseIds[1]) })).statusCode, 403, 'nor another enterprise')
  t.equal((await post({ ...fields, enterpriseId: String(w.enterpriseIds[0]) })).statusCode, 303)
  const member = new PageSession(app)
  await member.login(w.members[0].user.phone)
  t.match((await member.get(`/governance/buildings/${w.buildingId}/disclosures`)).body, /2026 年 5 月工资发放公示/)
  const colleague = new PageSession(app) // members[1] works in enterpriseIds[1]
  await colleague.login(w.members[1].user.phone)
  t.notMatch((await colleague.get(`/governance/buildings/${w.buildingId}/disclosures`)).body, /工资发放公示/)
  const audit = app.db.get<{ n: number }>(sql`select count(*) as n from audit_log where action = 'disclosure.publish' and actor_user_id = ${liaisonId}`)!.n
  t.equal(audit, 1)
})
