// Checks a generated benchmark database against the domain's rules, in SQL, so "every row is
// valid" is verified, not assumed. Each query counts the rows that break one rule; all must be 0.
import type Database from 'better-sqlite3'

export const RULES: Array<{ rule: string, sql: string }> = [
  { rule: 'a claim is admitted inside the cover of a paid share of the same member and plan year', sql: `
    select count(*) from aid_claims c join aid_purchases p on p.id = c.purchase_id
    where c.admission_date < p.cover_from or c.admission_date > p.cover_to or p.membership_id <> c.membership_id
      or p.status <> 'paid' or p.plan_year <> c.plan_year or c.plan_year <> cast(substr(c.admission_date, 1, 4) as integer)` },
  { rule: 'discharge on or after admission, not after today; submitted after discharge', sql: `
    select count(*) from aid_claims where discharge_date < admission_date or discharge_date > :today or substr(created_at, 1, 10) < discharge_date` },
  { rule: 'no claim submitted after its deadline', sql: `
    select count(*) from aid_claims c join aid_plans pl on pl.year = c.plan_year
    where substr(c.created_at, 1, 10) > min(date(c.discharge_date, '+' || pl.claim_deadline_days || ' days'), (c.plan_year + 1) || '-03-31')` },
  { rule: 'parts never exceed the total; base = total − insurance − excluded', sql: `
    select count(*) from aid_claims where insurance_paid_fen + excluded_fen > total_cost_fen or base_fen <> total_cost_fen - insurance_paid_fen - excluded_fen` },
  { rule: 'approved and paid claims of a member and year stay within the annual cap', sql: `
    select count(*) from (select c.membership_id, c.plan_year, sum(c.payable_fen) as s, max(p.shares) as shares, pl.annual_cap_per_share_fen as cap
      from aid_claims c join aid_purchases p on p.id = c.purchase_id join aid_plans pl on pl.year = c.plan_year
      where c.status in ('approved', 'paid') group by c.membership_id, c.plan_year having s > cap * shares)` },
  { rule: 'no payable above 20% of the base or the per-admission cap', sql: `
    select count(*) from aid_claims c join aid_plans pl on pl.year = c.plan_year
    where c.payable_fen is not null and (c.payable_fen * 5 > c.base_fen or c.payable_fen > pl.per_admission_cap_fen)` },
  { rule: 'above the threshold, two different approvers', sql: `
    select count(*) from aid_claims c join aid_plans pl on pl.year = c.plan_year
    where c.status in ('approved', 'paid') and c.payable_fen > pl.second_approval_above_fen and (c.first_approved_by is null or c.first_approved_by = c.approved_by)` },
  { rule: 'nobody decides their own claim', sql: `
    select count(*) from aid_claims where approved_by = user_id or first_approved_by = user_id or rejected_by = user_id` },
  { rule: 'every state has the fields it needs', sql: `
    select count(*) from aid_claims where
      (status in ('approved', 'paid') and (approved_by is null or payable_fen is null or breakdown is null)) or
      (status = 'paid' and (payment_batch_id is null or paid_at is null or paid_at < approved_at)) or
      (status <> 'paid' and payment_batch_id is not null) or
      (status = 'rejected' and (rejected_by is null or reason_code not in ('DOCUMENTS_MISSING', 'OTHER') or (reason_code = 'OTHER' and reason_note is null))) or
      (status = 'awaiting_second_approval' and first_approved_by is null) or
      (status = 'submitted' and (approved_by is not null or first_approved_by is not null or rejected_by is not null))` },
  { rule: 'payment batches add up', sql: `
    select count(*) from aid_payment_batches b
    where b.total_fen <> (select coalesce(sum(payable_fen), 0) from aid_claims where payment_batch_id = b.id)
       or b.claim_count <> (select count(*) from aid_claims where payment_batch_id = b.id)` },
  { rule: 'shares: paid on or after the order, not after today, by a member who had joined, with the plan fee', sql: `
    select count(*) from aid_purchases p join memberships m on m.id = p.membership_id join aid_plans pl on pl.year = p.plan_year
    where p.paid_on < p.ordered_on or p.paid_on > :today or m.joined_on is null or p.ordered_on < m.joined_on
       or p.amount_fen <> pl.share_fee_fen * p.shares or p.shares > pl.max_shares or p.ordered_on < pl.enrol_from or p.ordered_on > pl.enrol_to
       or (m.status = 'left' and p.ordered_on > m.left_on)` },
  { rule: 'members: numbered when active or left, unnumbered while applied; of an enrolled enterprise', sql: `
    select count(*) from memberships m join enterprises e on e.id = m.enterprise_id
    where (m.status in ('active', 'left') and (m.member_no is null or m.joined_on is null)) or (m.status = 'applied' and m.member_no is not null)
       or (m.status = 'left' and (m.left_on is null or m.left_on < m.joined_on)) or e.status <> 'enrolled'` },
  { rule: 'the membership-number counter is past every number issued', sql: `
    select count(*) from memberships where member_no is not null and cast(substr(member_no, 7) as integer) > (select value from counters where name = 'membership_no')` },
  { rule: 'nobody approves their own membership', sql: `
    select count(*) from memberships where decided_by = user_id` }
]

export function validateBenchDb (sqlite: Database.Database, today: string): string[] {
  const problems: string[] = []
  for (const r of RULES) {
    const n = sqlite.prepare(r.sql).pluck().get({ today }) as number
    if (n !== 0) problems.push(`${n} rows break: ${r.rule}`)
  }
  return problems
}
