import t from 'tap'
import ExcelJS from 'exceljs'
import { build, injectAs, PageSession } from '../../helper.js'
import { claimBody, claimWorld, idemKey, insertMember } from './fixtures.js'
import { insertEnterprise } from '../../factories.js'

t.test('the review queue: oldest first, 50 a page, counts per status, filters by building, status and submission date', async (t) => {
  const app = await build(t)
  const w = await claimWorld(app)
  const members = [w.member, await insertMember(app, w.enterpriseId), await insertMember(app, w.enterpriseId)]
  const elsewhere = await insertMember(app, await insertEnterprise(app, w.otherBuildingId))
  const ids: number[] = []
  // One claim an hour from 10:00 on 15 June (Shanghai): 14 that day, 24 on the 16th, 22 on the 17th.
  for (let i = 0; i < 60; i++) {
    const m = members[i % 3]
    const res = await injectAs(app, m.user, { method: 'POST', url: '/api/v1/aid/claims', payload: claimBody({ totalCostFen: 400_000, insurancePaidFen: 100_000, excludedFen: 0 }), headers: { 'idempotency-key': idemKey() } })
    ids.push(res.json().id)
    if (i === 5) await injectAs(app, elsewhere.user, { method: 'POST', url: '/api/v1/aid/claims', payload: claimBody(), headers: { 'idempotency-key': idemKey() } })
    app.testClock.advance(3_600_000)
  }
  for (const id of ids.slice(0, 3)) await injectAs(app, w.staff, { method: 'POST', url: `/api/v1/aid/claims/${id}/approve` })
  await injectAs(app, w.staff, { method: 'POST', url: `/api/v1/aid/claims/${ids[3]}/reject`, payload: { reasonCode: 'DOCUMENTS_MISSING' } })

  const rowIds = (body: string): number[] => [...body.matchAll(/<td><a href="\/aid\/claims\/(\d+)">/g)].map((m) => Number(m[1]))
  for (const who of [w.staff, w.admin]) {
    const s = new PageSession(app)
    await s.login(who.phone)
    const q = who === w.admin ? `&building=${w.buildingId}` : ''
    const p1 = await s.get(`/aid/review?status=submitted${q}`)
    t.equal(p1.statusCode, 200)
    t.same(rowIds(p1.body), ids.slice(4, 54), 'oldest first, 50 rows')
    t.match(p1.body, /已提交 56/)
    t.match(p1.body, /已核准 3/)
    t.match(p1.body, /未通过 1/)
    t.match(p1.body, /rel="next"/)
    const p2 = await s.get(`/aid/review?status=submitted${q}&page=2`)
    t.same(rowIds(p2.body), ids.slice(54), 'the rest on page 2')
    const day = await s.get(`/aid/review?status=all${q}&from=2026-06-16&to=2026-06-16`)
    t.same(rowIds(day.body), ids.slice(14, 38), 'submitted on 16 June (Shanghai)')
  }
  // Admin without a building filter: every building, read status by status and merged in order.
  const admin = new PageSession(app)
  await admin.login(w.admin.phone)
  const all = await admin.get('/aid/review?status=all')
  const allIds = rowIds(all.body)
  t.equal(allIds.length, 50)
  t.same(allIds.slice(0, 6), ids.slice(0, 6))
  t.notOk(allIds.slice(6).every((id) => ids.includes(id)), 'the other building\'s claim is in its place')
  t.match(all.body, /已提交 57/)
  const other = new PageSession(app)
  await other.login(w.otherStaff.phone)
  t.equal(rowIds((await other.get('/aid/review')).body).length, 1)

  // The same filter as a CSV: every matching row, with the BOM and the amounts in yuan.
  const csv = await admin.get(`/aid/review/export.csv?status=submitted&building=${w.buildingId}`)
  t.equal(csv.statusCode, 200)
  t.match(csv.headers['content-type'], /text\/csv/)
  const lines = csv.body.split('\r\n').filter((l) => l !== '')
  t.ok(lines[0].startsWith('\uFEFF'))
  t.equal(lines.length, 1 + 56)
  // Status in the pages' words, the submission time in Shanghai (as the pages show it).
  t.match(lines[1], new RegExp(`^${ids[4]},\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d,已提交,.*,4000\\.00,1000\\.00,0\\.00,3000\\.00,250\\.00,,$`))
  t.match(lines[0], '提交时间 Submitted (Asia/Shanghai)')
  const xlsx = await admin.get(`/aid/review/export.xlsx?status=submitted&building=${w.buildingId}`)
  t.equal(xlsx.statusCode, 200)
  t.match(xlsx.headers['content-type'], /spreadsheetml/)
  const book = new ExcelJS.Workbook()
  await book.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer)
  const sheet = book.worksheets[0]
  t.equal(sheet.actualRowCount, 1 + 56, 'the same rows as the CSV')
  t.equal(sheet.getCell('C2').value, '已提交')
  t.equal(typeof sheet.getCell('K2').value, 'string', 'the invoice number is text')
  const api = await injectAs(app, w.staff, { method: 'GET', url: '/api/v1/aid/claims/export.csv?status=all' })
  t.equal(api.body.split('\r\n').filter((l) => l !== '').length, 1 + 60)
  t.equal((await injectAs(app, w.member.user, { method: 'GET', url: '/api/v1/aid/claims/export.csv' })).statusCode, 403)
})
