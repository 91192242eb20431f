// The queue's rows are built from SQLite's arrays by position (queue-repository.ts, listRow): every
// field must be the column of its name. A claim whose every listed column holds a different
// value is read through the queue and through a select by name, and the two must be equal,
// property by property and in the same order.
import t from 'tap'
import { build } from '../../helper.js'
import { seedCoveredMembers } from '../../reliability/fixtures.js'
import { listClaims } from '../../../src/features/claims/queue-repository.js'

t.test('each field of a queue row is the column of its name', async (t) => {
  const app = await build(t)
  const fx = await seedCoveredMembers(app.db, app.pii, { today: app.clock.today(), members: 2 })
  const submit = async (invoiceNo: string) => {
    const res = await app.inject({
      method: 'POST',
      url: '/api/v1/aid/claims',
      payload: { admissionDate: fx.admissionDate, dischargeDate: fx.dischargeDate, hospital: '昆明市第一人民医院', invoiceNo, totalCostFen: 812_345, insurancePaidFen: 401_234, excludedFen: 1_111 },
      headers: { authorization: `Bearer ${app.issueToken(fx.members[0].userId, 0, 3600)}`, 'idempotency-key': invoiceNo }
    })
    t.equal(res.statusCode, 201)
    return res.json().id as number
  }
  await submit('QR-1')
  const id = await submit('QR-2')
  const later = await submit('QR-3')
  // Distinct values in the columns a fresh claim leaves empty (a payment batch, a reason, an
  // amount decided, the claim it corrects), so that no two fields could be swapped unseen.
  const sqlite = app.db.$client
  sqlite.pragma('foreign_keys = OFF')
  sqlite.prepare("update aid_claims set payable_fen = 54_321, reason_code = 'other', payment_batch_id = 777, resubmission_of = ? where id = ?").run(later, id)
  sqlite.pragma('foreign_keys = ON')

  const [row] = listClaims(app.db, { buildingIds: [fx.buildingId], buildingId: fx.buildingId, statuses: ['submitted'], exceptUserId: fx.staffIds[0] }, 1, 1)
  const byName = sqlite.prepare(`select c.id as id, c.status as status, c.created_at as createdAt, c.plan_year as planYear,
      c.admission_date as admissionDate, c.discharge_date as dischargeDate, c.hospital as hospital, c.invoice_no as invoiceNo,
      c.total_cost_fen as totalCostFen, c.insurance_paid_fen as insurancePaidFen, c.excluded_fen as excludedFen, c.base_fen as baseFen,
      json_extract(c.estimate, '$.payableFen') as estimateFen, c.payable_fen as payableFen, c.reason_code as reasonCode,
      c.payment_batch_id as paymentBatchId, c.resubmission_of as resubmissionOf, m.name as memberName, m.member_no as memberNo,
      c.building_id as buildingId, b.name as buildingName
    from aid_claims c join memberships m on m.id = c.membership_id join buildings b on b.id = c.building_id where c.id = ?`).get(id) as Record<string, unknown>
  t.equal(row.id, id, 'the second claim, oldest first')
  t.ok(id !== fx.buildingId && later !== fx.buildingId)
  t.same(Object.entries(row), Object.entries(byName), 'the same fields, values and order')
  const values = Object.values(byName).filter((v) => v !== null)
  t.equal(new Set(values.map(String)).size, values.length, 'and every value differs from every other, so a swap would show')
  t.equal(values.length, Object.keys(byName).length, 'no field is empty')
})
