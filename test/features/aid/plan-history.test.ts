// The plan page's history in words, in both languages: who created or changed the plan and each
// term from what to what (amounts in yuan, tiers as rates, documents by name), never an action
// code such as aid_plan.update or a raw JSON document.
import t from 'tap'
import { build, createUser, injectAs, PageSession } from '../../helper.js'
import { defaultPlan } from '../../../src/domain/aid-plan.js'
import { termInWords } from '../../../src/features/aid/plan-history.js'

const { year: _y, ...body2026 } = defaultPlan(2026)

t.test('terms in words, per kind of term', async (t) => {
  const cases: Array<[Parameters<typeof termInWords>[1], unknown, string, string]> = [
    ['shareFeeFen', 1_234_500, '¥12,345.00', '¥12,345.00'],
    ['maxShares', 2, '2', '2'],
    ['enrolFrom', '2025-11-01', '2025-11-01', '2025-11-01'],
    ['waitingDays', 90, '90 天', '90 days'],
    ['processingDays', 15, '15 个工作日', '15 working days'],
    ['tiers', [{ fromFen: 0, rateBp: 0 }, { fromFen: 50000, rateBp: 1250 }], '¥0.00 起 0%；¥500.00 起 12.5%', 'from ¥0.00: 0%; from ¥500.00: 12.5%'],
    ['requiredDocuments', ['invoice', 'itemised_bill'], '医疗费用发票；费用清单', 'Medical invoice; Itemised bill'],
    ['requiredDocuments', [], '不要求材料', 'no documents required'],
    ['perAdmissionCapFen', undefined, '无', 'None']
  ]
  for (const [field, value, zh, en] of cases) {
    t.equal(termInWords('zh', field, value), zh, `${field} zh`)
    t.match(termInWords('en', field, value), new RegExp(en.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'), 'i'), `${field} en`)
  }
})

t.test('the plan page: created automatically, then changed by the admin, term by term', async (t) => {
  const app = await build(t)
  const admin = await createUser(app, { role: 'admin', name: '管理员老周' })
  const put = await injectAs(app, admin, {
    method: 'PUT', url: '/api/v1/aid/plans/2026',
    payload: { ...body2026, shareFeeFen: 15000, waitingDays: 60, requiredDocuments: ['invoice'] }
  })
  t.equal(put.statusCode, 200, put.body)
  const s = new PageSession(app)
  await s.login(admin.phone)
  const zh = (await s.get('/admin/aid/plans/2026')).body
  t.match(zh, '管理员老周 修改了方案')
  t.match(zh, '每份费用: ¥120.00 → ¥150.00')
  t.match(zh, '首次参加等待期: 90 天 → 60 天')
  t.match(zh, /必须提交的材料: [^<]+ → 医疗费用发票</)
  t.match(zh, '系统按最近的方案条款自动创建')
  t.notMatch(zh, /每人最多份数: /, 'an unchanged term is not listed')
  const en = (await s.get('/admin/aid/plans/2026', { 'accept-language': 'en' })).body
  t.match(en, '管理员老周 changed the plan')
  t.match(en, 'Share fee: ¥120.00 → ¥150.00')
  t.match(en, 'Created automatically from the latest terms')
  for (const body of [zh, en]) t.notMatch(body, /aid_plan\.|automatic<|\{"/, 'no action code, internal note or JSON')
})
