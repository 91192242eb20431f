// Plans: this year's and next year's (made when first asked for), saved by an admin, and the
// quote (试算) under this year's terms.

import { type Actor, requireAdmin } from '../../lib/access.js'
import { AppError, badRequest, fieldError, ruleRefused } from '../../lib/errors.js'
import { writeAudit } from '../audit/audit-repository.js'
import { nextYearPlan, planProblems, type PlanTerms } from '../../domain/aid-plan.js'
import { computeReimbursement, quoteShape, type Quote } from '../../domain/reimbursement.js'
import { ensurePlan, getPlan, upsertPlan } from './plans-repository.js'
import type { AidDeps } from './deps.js'
import type { QuoteInput } from './aid-service.js'

export function planUseCases ({ db, clock }: AidDeps) {
  /**
   * The plan of a year. The current year always has one (created from the latest terms when
   * missing); next year's exists by default too, made from this year's terms with enrolment
   * opening on 1 November. Either is created and audited when first asked for.
   */
  function planOf (year: number): PlanTerms | undefined {
    const current = Number(clock.today().slice(0, 4))
    const existing = getPlan(db, year)
    if (existing !== undefined || (year !== current && year !== current + 1)) return existing
    const derive = year === current ? undefined : ((base: PlanTerms) => () => nextYearPlan(base, year))(planOf(current)!)
    return db.transaction((tx) => {
      const { plan, created } = ensurePlan(tx, year, clock.iso(), derive)
      if (created) writeAudit(tx, clock.iso(), { actorUserId: null, action: 'aid_plan.create', entityType: 'aid_plan', entityId: year, after: plan, note: 'automatic' })
      return plan
    })
  }

  /**
   * This year's plan and next year's. Next year's is stored once it is asked for or its window
   * has opened; before that it is shown as it would be made (so a year's terms are not fixed
   * months before anyone needs them, and changes to this year's carry over).
   */
  function enrolmentPlans (): PlanTerms[] {
    const current = currentPlan()
    const nextYear = current.year + 1
    const next = getPlan(db, nextYear) ?? nextYearPlan(current, nextYear)
    return [current, clock.today() >= next.enrolFrom ? planOf(nextYear)! : next]
  }

  function currentYear (): number { return Number(clock.today().slice(0, 4)) }
  function currentPlan (): PlanTerms { return planOf(currentYear())! }

  function savePlan (actor: Actor | null, terms: PlanTerms): PlanTerms {
    const a = requireAdmin(actor)
    const problems = planProblems(terms)
    if (Object.keys(problems).length > 0) throw badRequest(problems)
    return db.transaction((tx) => {
      const before = getPlan(tx, terms.year)
      const at = clock.iso()
      upsertPlan(tx, terms, a.id, at)
      const after = getPlan(tx, terms.year)!
      writeAudit(tx, at, { actorUserId: a.id, action: before === undefined ? 'aid_plan.create' : 'aid_plan.update', entityType: 'aid_plan', entityId: terms.year, before, after })
      return after
    })
  }

  function sharesProblem (shares: number, plan: PlanTerms): AppError | null {
    return shares > plan.maxShares ? badRequest({ shares: fieldError('aid.v.sharesMax', { max: plan.maxShares }) }) : null
  }

  function quote (input: QuoteInput): { plan: PlanTerms, quote: Quote } {
    const plan = currentPlan()
    const shares = input.shares ?? 1
    const sp = sharesProblem(shares, plan)
    if (sp !== null) throw sp
    if (input.insurancePaidFen + input.excludedFen > input.totalCostFen) throw ruleRefused('INCONSISTENT_AMOUNTS', 'aid.err.inconsistentAmounts')
    const r = computeReimbursement({ totalCostFen: input.totalCostFen, insurancePaidFen: input.insurancePaidFen, excludedFen: input.excludedFen, shares, paidThisYearFen: input.paidThisYearFen ?? 0 }, plan)
    return { plan, quote: quoteShape(r) }
  }

  return { planOf, enrolmentPlans, currentPlan, currentYear, savePlan, sharesProblem, quote }
}

export type PlanUseCases = ReturnType<typeof planUseCases>
