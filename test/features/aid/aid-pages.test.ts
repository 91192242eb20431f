import t from 'tap'
import ExcelJS from 'exceljs'
import { eq } from 'drizzle-orm'
import { build, PageSession } from '../../helper.js'
import { aidPlans, aidPurchases } from '../../../src/db/schema/index.js'
import { order, world } from './fixtures.js'
import { insertMembership } from '../../factories.js'

t.test('calculator: anyone, in yuan, tier by tier; errors beside the fields', async (t) => {
  const app = await build(t)
  const s = new PageSession(app)
  const empty = await s.get('/aid/calculator')
  t.equal(empty.statusCode, 200)
  t.match(empty.body, /name="total"/)
  const r = await s.get('/aid/calculator?total=50000&insurance=15000&excluded=5000&paidThisYear=')
  t.equal(r.statusCode, 200)
  t.match(r.body, /data-testid="payable">¥4,700.00</)
  t.match(r.body, /data-testid="base">¥30,000.00</)
  t.match(r.body, /20%/)
  const capped = await s.get('/aid/calculator?total=80000&insurance=0&paidThisYear=15000')
  t.match(capped.body, /¥5,000.00/)
  t.match(capped.body, /年度累计封顶/)
  const bad = await s.get('/aid/calculator?total=12.345&insurance=-1')
  t.equal(bad.statusCode, 400)
  t.match(bad.body, /id="f-total-error"/)
  t.match(bad.body, /id="f-insurance-error"/)
  t.match(bad.body, /value="12.345"/, 'values kept')
  const inc = await s.get('/aid/calculator?total=100&insurance=80&excluded=30')
  t.equal(inc.statusCode, 422)
  t.match(inc.body, /id="f-insurance-error"[^>]*>医保支付与目录外费用之和不能超过总费用/)
  const en = await s.get('/aid/calculator?total=3000&insurance=0', { 'accept-language': 'en' })
  t.match(en.body, /Aid payable/)
})

t.test('a member orders on their page with the hidden token; a double submit orders once', async (t) => {
  const app = await build(t)
  const w = await world(app)
  const s = new PageSession(app)
  await s.login(w.member.phone)
  const page = await s.get('/aid/share')
  t.equal(page.statusCode, 200)
  t.match(page.body, /data-testid="cover-preview">2026-09-13 – 2026-12-31/)
  const key = /name="idempotencyKey" value="([^"]+)"/.exec(page.body)![1]
  const first = await s.post('/aid/share', { idempotencyKey: key, shares: '1' })
  t.equal(first.statusCode, 302)
  const again = await s.post('/aid/share', { idempotencyKey: key, shares: '1' })
  t.equal(again.statusCode, 302, 'the same token answers the first answer')
  t.equal(app.db.select().from(aidPurchases).all().length, 1)
  const after = await s.get('/aid/share')
  t.match(after.body, /data-testid="order-status">待付款/)
  const second = await s.post('/aid/share', { idempotencyKey: 'another-token', shares: '1' })
  t.equal(second.statusCode, 409)
  t.match(second.body, /已有待付款或已付款的订单/)
  const noCsrf = await s.post('/aid/share', { idempotencyKey: 'x' }, { csrf: false })
  t.equal(noCsrf.statusCode, 403)
  const home = await s.get('/')
  t.match(home.body, /2026 年度医疗互助/)
  t.match(home.body, /待付款/)
})

t.test('someone who is not a member is told to join first', async (t) => {
  const app = await build(t)
  const w = await world(app)
  const s = new PageSession(app)
  await s.login(w.nonMember.phone)
  const page = await s.get('/aid/share')
  t.match(page.body, /加入工会/)
  t.notMatch(page.body, /name="idempotencyKey"/)
  t.equal((await s.post('/aid/share', { idempotencyKey: 'k1' })).statusCode, 403)
  t.equal((await new PageSession(app).get('/aid/share')).statusCode, 302, 'anonymous → sign in')
})

t.test('staff: orders of their buildings, CSV with BOM, confirming a payment', async (t) => {
  const app = await build(t)
  const w = await world(app)
  const id = (await order(app, w.member)).json().id
  const staff = new PageSession(app)
  await staff.login(w.staff.phone)
  const list = await staff.get('/aid/orders?status=pending_payment')
  t.equal(list.statusCode, 200)
  t.match(list.body, /王芳/)
  const csv = await staff.get('/aid/orders.csv')
  t.equal(csv.statusCode, 200)
  t.match(csv.headers['content-type'], /text\/csv/)
  t.ok(csv.body.startsWith('\uFEFF'), 'BOM')
  t.match(csv.body, /王芳/)
  t.match(csv.body, /120\.00/)
  const other = new PageSession(app)
  await other.login(w.otherStaff.phone)
  t.notMatch((await other.get('/aid/orders')).body, /王芳/, 'another building sees nothing of it')
  t.notMatch((await other.get('/aid/orders.csv')).body, /王芳/)
  const readXlsx = async (body: Buffer): Promise<string> => {
    const book = new ExcelJS.Workbook()
    await book.xlsx.load(body as unknown as ArrayBuffer)
    return JSON.stringify(book.worksheets[0].getSheetValues())
  }
  t.match(await readXlsx((await staff.get('/aid/orders.xlsx')).rawPayload), /王芳.*120\.00/, 'the XLSX export: the same rows')
  t.notMatch(await readXlsx((await other.get('/aid/orders.xlsx')).rawPayload), /王芳/)
  t.equal((await other.get(`/aid/orders?buildingId=${w.buildingId}`)).statusCode, 403)
  t.equal((await other.get(`/aid/orders/${id}`)).statusCode, 403)
  const member = new PageSession(app)
  await member.login(w.member.phone)
  t.equal((await member.get('/aid/orders')).statusCode, 403)
  t.notMatch((await member.get(`/aid/orders/${id}`)).body, /confirm-payment/, 'the member sees the order but cannot confirm')

  const detail = await staff.get(`/aid/orders/${id}`)
  t.match(detail.body, /data-testid="confirm-payment"/)
  const bad = await staff.post(`/aid/orders/${id}/confirm`, { receiptNo: 'R-9', paidOn: '2026-06-20' })
  t.equal(bad.statusCode, 400)
  t.match(bad.body, /id="f-paidOn-error"/)
  const ok = await staff.post(`/aid/orders/${id}/confirm`, { receiptNo: 'R-9', paidOn: '2026-06-15' })
  t.equal(ok.statusCode, 302)
  const paid = await staff.get(`/aid/orders/${id}`)
  t.match(paid.body, /data-testid="cover">2026-09-13 – 2026-12-31/)
  t.match(paid.body, /工作人员确认缴费/)
})

t.test('the liaison orders for members as a group', async (t) => {
  const app = await build(t)
  const w = await world(app)
  const third = insertMembership(app, w.enterpriseId, { name: '赵六' })
  await order(app, w.member)
  const s = new PageSession(app)
  await s.login(w.liaison.phone)
  const page = await s.get('/aid/group')
  t.equal(page.statusCode, 200)
  t.notMatch(page.body, new RegExp(`name="membershipIds" value="${w.membershipId}"`), 'a member with an order cannot be ticked')
  t.match(page.body, new RegExp(`name="membershipIds" value="${third}"`))
  const key = /name="idempotencyKey" value="([^"]+)"/.exec(page.body)![1]
  const none = await s.post('/aid/group', { idempotencyKey: key, enterpriseId: String(w.enterpriseId) })
  t.equal(none.statusCode, 400)
  t.match(none.body, /请至少选择一名职工/)
  const res = await app.inject({
    method: 'POST', url: '/aid/group',
    payload: `_csrf=${encodeURIComponent(s.csrf!)}&idempotencyKey=${key}&enterpriseId=${w.enterpriseId}&membershipIds=${third}&membershipIds=${w.otherMembershipId}&membershipIds=${w.membershipId}`,
    headers: { accept: 'text/html', 'content-type': 'application/x-www-form-urlencoded', cookie: [...s.cookies].map(([k, v]) => `${k}=${v}`).join('; ') }
  })
  t.equal(res.statusCode, 200)
  t.match(res.body, /已为 2 人下单，共 ¥240.00/)
  t.match(res.body, /已有订单，已跳过/)
  t.equal(app.db.select().from(aidPurchases).all().length, 3)
})

t.test('admin edits a plan on the page; a rate above 20% is refused beside the tiers', async (t) => {
  const app = await build(t)
  const w = await world(app)
  const s = new PageSession(app)
  await s.login(w.admin.phone)
  t.equal((await s.get('/admin/aid/plans')).statusCode, 200)
  const page = await s.get('/admin/aid/plans/2026')
  t.match(page.body, /name="tierRate3" value="20"/)
  const form = {
    shareFee: '100', maxShares: '2', enrolFrom: '2026-01-01', enrolTo: '2026-11-30', waitingDays: '60',
    tierFrom0: '0', tierRate0: '0', tierFrom1: '500', tierRate1: '10', tierFrom2: '5000', tierRate2: '25',
    perAdmissionCap: '10000', annualCapPerShare: '20000', claimDeadlineDays: '90', secondApprovalAbove: '5000'
  }
  const bad = await s.post('/admin/aid/plans/2026', form)
  t.equal(bad.statusCode, 400)
  t.match(bad.body, /id="f-tiers-error">报销比例必须在 0% 到 20% 之间/)
  t.match(bad.body, /name="tierRate2" value="25"/, 'values kept')
  t.equal(app.db.select().from(aidPlans).where(eq(aidPlans.year, 2026)).get()!.shareFeeFen, 12000)
  const ok = await s.post('/admin/aid/plans/2026', { ...form, tierRate2: '12.5' })
  t.equal(ok.statusCode, 302)
  const row = app.db.select().from(aidPlans).where(eq(aidPlans.year, 2026)).get()!
  t.equal(row.shareFeeFen, 10000)
  t.same(JSON.parse(row.tiers), [{ fromFen: 0, rateBp: 0 }, { fromFen: 50000, rateBp: 1000 }, { fromFen: 500000, rateBp: 1250 }])
  const member = new PageSession(app)
  await member.login(w.member.phone)
  t.equal((await member.get('/admin/aid/plans/2026')).statusCode, 403)
})
