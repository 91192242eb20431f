// The claims part of the demo database: claims in every state for members with a paid share
// (read from aid_purchases, which the aid seed filled), amounts computed with the same rule as
// a real approval (running totals per member and plan year), and a paid payment batch. One
// transaction and prepared statements, so it takes well under a second.
// Seeded members who claim and have no account yet get one (phone 137…, the demo password), as
// a member would register before claiming online.
// Documents are not seeded: they would need encrypted files in UPLOAD_DIR, which the seed does not own.
import type { SeedContext } from '../../cli/seed-demo.js'
import { addDays, daysBetween, minDate } from '../../domain/dates.js'
import { computeReimbursement, quoteShape } from '../../domain/reimbursement.js'
import { claimDeadline } from '../../domain/cover.js'
import { needsSecondApproval, type ClaimState } from '../../domain/claim-lifecycle.js'
import { getPlan } from '../aid/plans-repository.js'
import type { PlanTerms } from '../../domain/aid-plan.js'
import { hashPassword } from '../../lib/password.js'
import { DEMO_PASSWORD } from '../../cli/seed-demo.js'
import { prng } from '../../lib/prng.js'

interface ShareRow { purchaseId: number, membershipId: number, userId: number | null, name: string, planYear: number, shares: number, paidOn: string, coverFrom: string, buildingId: number }

const HOSPITALS = ['昆明医科大学第一附属医院', '云南省第一人民医院', '昆明市第一人民医院', '云南省中医医院', '昆明市延安医院']
type Status = ClaimState
const CYCLE: Status[] = ['paid', 'paid', 'approved', 'submitted', 'rejected', 'paid', 'submitted', 'approved', 'paid', 'awaiting_second_approval']
const REASONS = ['DOCUMENTS_MISSING', 'OTHER', 'DUPLICATE'] as const
/** The share of a year's income its approved and paid claims may take in the demo. */
export const FUND_BUDGET = 0.7

export async function seedClaims (ctx: SeedContext): Promise<void> {
  const { db, clock } = ctx
  const sqlite = db.$client
  const today = clock.today()
  const rnd = prng(20260616)
  const iso = (date: string, hour = 2): string => `${date}T${String(hour).padStart(2, '0')}:00:00.000Z`

  const shares = sqlite.prepare(`
    select p.id as purchaseId, p.membership_id as membershipId, m.user_id as userId, m.name, p.plan_year as planYear, p.shares,
           p.paid_on as paidOn, p.cover_from as coverFrom, e.building_id as buildingId
    from aid_purchases p join memberships m on m.id = p.membership_id join enterprises e on e.id = m.enterprise_id
    where p.status = 'paid' and p.cover_from is not null and p.paid_on is not null
    order by p.id`).all() as ShareRow[]
  if (shares.length === 0) { ctx.log('claims: no paid shares, no demo claims'); return }

  const staffByBuilding = new Map<number, number[]>()
  for (const r of sqlite.prepare('select building_id as b, user_id as u from staff_scopes order by user_id').all() as Array<{ b: number, u: number }>) {
    staffByBuilding.set(r.b, [...(staffByBuilding.get(r.b) ?? []), r.u])
  }
  const adminId = (sqlite.prepare("select min(user_id) as u from role_grants where role = 'admin'").get() as { u: number | null }).u
  const plans = new Map<number, PlanTerms>()
  const planOf = (y: number): PlanTerms | undefined => {
    if (!plans.has(y)) { const p = getPlan(db, y); if (p !== undefined) plans.set(y, p) }
    return plans.get(y)
  }

  // The demo member first (so 13900000021 sees claims), then every fourth covered member.
  const demoUser = typeof ctx.facts.memberUserId === 'number' ? ctx.facts.memberUserId : null
  const chosen = [
    ...shares.filter((s) => demoUser !== null && s.userId === demoUser),
    ...shares.filter((s, i) => (demoUser === null || s.userId !== demoUser) && i % 8 === 0)
  ].slice(0, 150)
  const passwordHash = await hashPassword(DEMO_PASSWORD)
  const insertUser = sqlite.prepare('insert into users (phone, name, password_hash, created_at, updated_at) values (?, ?, ?, ?, ?)')
  const linkUser = sqlite.prepare('update memberships set user_id = ? where id = ? and user_id is null')
  const phoneTaken = sqlite.prepare('select 1 from users where phone = ?').pluck()
  const accountFor = new Map<number, number>()
  let phoneSeq = 0

  const insertClaim = sqlite.prepare(`
    insert into aid_claims (membership_id, user_id, building_id, purchase_id, plan_year, admission_date, discharge_date, hospital, invoice_no,
      total_cost_fen, insurance_paid_fen, excluded_fen, base_fen, estimate, status, first_approved_by, first_approved_at,
      approved_by, approved_at, payable_fen, limited_by, breakdown, rejected_by, rejected_at, reason_code, reason_note,
      resubmission_of, payment_batch_id, paid_at, consent_at, created_at, updated_at)
    values (@membershipId, @userId, @buildingId, @purchaseId, @planYear, @admissionDate, @dischargeDate, @hospital, @invoiceNo,
      @totalCostFen, @insurancePaidFen, @excludedFen, @baseFen, @estimate, @status, @firstApprovedBy, @firstApprovedAt,
      @approvedBy, @approvedAt, @payableFen, @limitedBy, @breakdown, @rejectedBy, @rejectedAt, @reasonCode, @reasonNote,
      null, null, @paidAt, @createdAt, @createdAt, @updatedAt)`)
  const audit = sqlite.prepare('insert into audit_log (at, actor_user_id, action, entity_type, entity_id, before, after, note) values (?, ?, ?, ?, ?, ?, ?, ?)')
  const insertBatch = sqlite.prepare(`insert into aid_payment_batches (status, created_by, created_at, exported_at, bank_reference, paid_at, paid_by, total_fen, claim_count)
    values ('paid', ?, ?, ?, ?, ?, ?, ?, ?)`)
  const setBatch = sqlite.prepare('update aid_claims set payment_batch_id = ?, paid_at = ?, updated_at = ? where id = ?')

  // A fund that reads true: what each year approves and pays stays within 70% of that year's
  // income (paid shares); a claim that would pass it is left awaiting review instead.
  const budgetLeft = new Map<number, number>()
  const income = sqlite.prepare("select plan_year as y, sum(amount_fen) as fen from aid_purchases where status = 'paid' group by plan_year")
  for (const r of income.all() as Array<{ y: number, fen: number }>) {
    budgetLeft.set(r.y, Math.floor(r.fen * FUND_BUDGET))
  }
  const counts: Record<Status, number> = { submitted: 0, needs_documents: 0, awaiting_second_approval: 0, approved: 0, rejected: 0, paid: 0 }
  const paidClaims: Array<{ id: number, payableFen: number, paidAt: string }> = []
  let n = 0

  db.transaction(() => {
    const running = new Map<string, number>()
    for (const s of chosen) {
      if (s.userId === null) {
        // One account per membership, even when the member has shares in two plan years.
        let uid = accountFor.get(s.membershipId)
        if (uid === undefined) {
          let phone: string
          do { phone = `137${String(10_000_000 + ++phoneSeq).slice(-8)}` } while (phoneTaken.get(phone) !== undefined)
          uid = Number(insertUser.run(phone, s.name, passwordHash, iso(today), iso(today)).lastInsertRowid)
          linkUser.run(uid, s.membershipId)
          accountFor.set(s.membershipId, uid)
        }
        s.userId = uid
      }
      const userId = s.userId
      const plan = planOf(s.planYear)
      if (plan === undefined) continue
      const staff = (staffByBuilding.get(s.buildingId) ?? []).filter((u) => u !== userId)
      const approver = staff[0] ?? adminId
      const second = adminId !== null && adminId !== approver && adminId !== userId ? adminId : staff[1] ?? null
      if (approver === null || approver === userId) continue
      const claimsHere = userId === demoUser ? 3 : 1 + Math.floor(rnd() * 2)
      for (let k = 0; k < claimsHere; k++) {
        // A stay inside the cover, discharged at least a few days before today.
        const lastDischarge = minDate(addDays(today, -3), `${s.planYear}-12-31`)
        const span = daysBetween(s.coverFrom, lastDischarge) - 10
        if (span < 1) continue
        const admissionDate = addDays(s.coverFrom, Math.floor(rnd() * span))
        const dischargeDate = addDays(admissionDate, 1 + Math.floor(rnd() * 9))
        // Submitted within the deadline, a few days after discharge, never after today.
        const deadline = claimDeadline(s.planYear, dischargeDate, plan.claimDeadlineDays)
        const submittedOn = minDate(minDate(addDays(dischargeDate, 2 + Math.floor(rnd() * 10)), deadline), today)
        let status: Status = userId === demoUser ? (['paid', 'submitted', 'rejected'] as Status[])[k] : CYCLE[n % CYCLE.length]
        n++
        // Costs: what the member paid themselves, between 500 and 15,000 yuan, most of it small
        // (integer fen throughout).
        const baseFen = 50_000 + Math.floor(rnd() ** 2 * 1_450_000)
        const excludedFen = Math.floor(rnd() * 300_000)
        const insurancePaidFen = baseFen + Math.floor(rnd() * 3_000_000)
        const totalCostFen = baseFen + excludedFen + insurancePaidFen
        const key = `${s.membershipId}:${s.planYear}`
        const before = running.get(key) ?? 0
        const r = computeReimbursement({ totalCostFen, insurancePaidFen, excludedFen, shares: s.shares, paidThisYearFen: before }, plan)
        const estimate = JSON.stringify(quoteShape(r))
        // Above the threshold an approval takes two people; without a second one it stays awaiting.
        const twoPeople = needsSecondApproval(r.payableFen, plan)
        if ((status === 'approved' || status === 'paid') && twoPeople && second === null) status = 'awaiting_second_approval'
        const left = budgetLeft.get(s.planYear) ?? 0
        if (status !== 'submitted' && status !== 'rejected') {
          if (r.payableFen > left) status = 'submitted'
          else budgetLeft.set(s.planYear, left - r.payableFen)
        }
        const decidedOn = minDate(addDays(submittedOn, 1 + Math.floor(rnd() * 5)), today)
        const counted = status === 'approved' || status === 'paid'
        const twoStep = twoPeople && (counted || status === 'awaiting_second_approval')
        const breakdown = counted || status === 'awaiting_second_approval'
          ? JSON.stringify({ ...quoteShape(r), planYear: s.planYear, shares: s.shares, paidThisYearFen: before, perAdmissionCapFen: plan.perAdmissionCapFen, annualCapFen: plan.annualCapPerShareFen * s.shares })
          : null
        const paidAt = status === 'paid' ? iso(minDate(addDays(decidedOn, 3), today), 6) : null
        const reasonCode = status === 'rejected' ? REASONS[n % REASONS.length] : null
        const row = {
          membershipId: s.membershipId, userId, buildingId: s.buildingId, purchaseId: s.purchaseId, planYear: s.planYear, admissionDate, dischargeDate,
          hospital: HOSPITALS[n % HOSPITALS.length], invoiceNo: `5301${s.planYear}${String(100000 + n).slice(1)}`,
          totalCostFen, insurancePaidFen, excludedFen, baseFen: r.baseFen, estimate, status,
          firstApprovedBy: twoStep ? approver : null, firstApprovedAt: twoStep ? iso(decidedOn, 3) : null,
          approvedBy: counted ? (twoStep ? second : approver) : null, approvedAt: counted ? iso(decidedOn, 5) : null,
          payableFen: breakdown === null ? null : r.payableFen, limitedBy: breakdown === null ? null : r.limitedBy, breakdown,
          rejectedBy: status === 'rejected' ? approver : null, rejectedAt: status === 'rejected' ? iso(decidedOn, 4) : null,
          reasonCode, reasonNote: reasonCode === 'OTHER' ? '发票与医保结算单金额不符，请核对后重新提交' : null,
          paidAt, createdAt: iso(submittedOn), updatedAt: paidAt ?? iso(decidedOn, 5)
        }
        const id = Number(insertClaim.run(row).lastInsertRowid)
        if (counted) running.set(key, before + r.payableFen)
        counts[status]++
        audit.run(row.createdAt, userId, 'claim.submit', 'aid_claim', String(id), null, JSON.stringify({ status: 'submitted', invoiceNo: row.invoiceNo, totalCostFen, estimateFen: r.payableFen }), 'demo seed')
        if (twoStep) audit.run(row.firstApprovedAt, approver, 'claim.approve.first', 'aid_claim', String(id), '{"status":"submitted"}', JSON.stringify({ status: 'awaiting_second_approval', payableFen: r.payableFen }), null)
        if (counted) audit.run(row.approvedAt, row.approvedBy, 'claim.approve', 'aid_claim', String(id), JSON.stringify({ status: twoStep ? 'awaiting_second_approval' : 'submitted' }), JSON.stringify({ status: 'approved', payableFen: r.payableFen }), null)
        if (status === 'rejected') audit.run(row.rejectedAt, approver, 'claim.reject', 'aid_claim', String(id), '{"status":"submitted"}', JSON.stringify({ status: 'rejected', reasonCode }), row.reasonNote)
        if (status === 'paid') paidClaims.push({ id, payableFen: r.payableFen, paidAt: paidAt! })
      }
    }
    // One paid batch holds every paid claim (paid the day of the latest payment).
    if (paidClaims.length > 0 && adminId !== null) {
      const paidAt = paidClaims.map((c) => c.paidAt).sort().pop()!
      const total = paidClaims.reduce((a, c) => a + c.payableFen, 0)
      const batchId = Number(insertBatch.run(adminId, paidAt, paidAt, `ICBC-${paidAt.slice(0, 10).replace(/-/g, '')}-0001`, paidAt, adminId, total, paidClaims.length).lastInsertRowid)
      for (const c of paidClaims) {
        setBatch.run(batchId, paidAt, paidAt, c.id)
        audit.run(paidAt, adminId, 'claim.pay', 'aid_claim', String(c.id), '{"status":"approved"}', JSON.stringify({ status: 'paid', paymentBatchId: batchId }), null)
      }
      audit.run(paidAt, adminId, 'batch.paid', 'aid_payment_batch', String(batchId), null, JSON.stringify({ status: 'paid', totalFen: total, claimIds: paidClaims.map((c) => c.id) }), 'demo seed')
    }
  })
  ctx.facts.claimCounts = counts
  const demoClaimant = demoUser ?? [...accountFor.values()][0]
  const phone = demoClaimant === undefined ? undefined : sqlite.prepare('select phone from users where id = ?').pluck().get(demoClaimant) as string | undefined
  if (phone !== undefined) ctx.accounts.push({ role: 'member', phone, password: DEMO_PASSWORD, note: '医疗互助报销：查看报销申请和结算单（/aid/claims）；工作人员在 /aid/review 审核' })
  ctx.log(`claims: ${Object.entries(counts).map(([k, v]) => `${v} ${k}`).join(', ')}; ${paidClaims.length > 0 ? 1 : 0} paid batch`)
}
