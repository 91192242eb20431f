// A plan's history as an admin reads it: who created or changed it, when, and each term that
// changed from what to what, in words and in the page's language (never `aid_plan.update` or a
// raw JSON document). The audit log keeps the exact record.
import type { DbOrTx } from '../../db/index.js'
import { t, type Lang } from '../../i18n/index.js'
import { formatFen } from '../../domain/money.js'
import type { PlanTerms } from '../../domain/aid-plan.js'
import { auditHistory } from '../audit/audit-repository.js'
import { bpToPercent } from './percent.js'
import { personName } from './plans-repository.js'

export interface PlanChange { label: string, from: string, to: string }
export interface PlanHistoryLine { at: string, text: string, changes: PlanChange[] }

type Field = keyof Omit<PlanTerms, 'year'>
/** The terms in the order the plan page shows them. */
const FIELDS: Field[] = [
  'shareFeeFen', 'maxShares', 'enrolFrom', 'enrolTo', 'waitingDays', 'tiers', 'perAdmissionCapFen',
  'annualCapPerShareFen', 'claimDeadlineDays', 'secondApprovalAboveFen', 'requiredDocuments', 'processingDays'
]

/** One term's value for people: amounts in yuan, days, tiers and document kinds in words. */
export function termInWords (lang: Lang, field: Field, value: unknown): string {
  if (value === undefined || value === null) return t(lang, 'common.none')
  switch (field) {
    case 'shareFeeFen': case 'perAdmissionCapFen': case 'annualCapPerShareFen': case 'secondApprovalAboveFen':
      return typeof value === 'number' ? formatFen(value) : String(value)
    case 'waitingDays': case 'claimDeadlineDays':
      return t(lang, 'aid.plan.days', { n: value })
    case 'processingDays':
      return t(lang, 'aid.planHistory.workingDays', { n: value })
    case 'tiers':
      return Array.isArray(value)
        ? value.map((x: { fromFen: number, rateBp: number }) => t(lang, 'aid.planHistory.tier', { from: formatFen(x.fromFen), rate: bpToPercent(x.rateBp) })).join(t(lang, 'aid.planHistory.listSep'))
        : String(value)
    case 'requiredDocuments':
      return Array.isArray(value) && value.length > 0
        ? value.map((k) => t(lang, `claims.kind.${String(k)}`)).join(t(lang, 'aid.planHistory.listSep'))
        : t(lang, 'aid.planHistory.noDocuments')
    default:
      return String(value)
  }
}

function parse (s: string | null): Record<string, unknown> | undefined {
  if (s === null) return undefined
  try { return JSON.parse(s) as Record<string, unknown> } catch { return undefined }
}

/** The plan's steps, newest first. */
export function planHistory (db: DbOrTx, year: number, lang: Lang): PlanHistoryLine[] {
  return auditHistory(db, 'aid_plan', year).reverse().map((h) => {
    const who = h.actorUserId === null ? undefined : personName(db, h.actorUserId)
    const created = h.action === 'aid_plan.create'
    const text = who === undefined
      ? t(lang, created ? 'aid.planHistory.createdAuto' : 'aid.planHistory.changedAuto')
      : t(lang, created ? 'aid.planHistory.created' : 'aid.planHistory.changed', { who })
    const before = parse(h.before)
    const after = parse(h.after)
    const changes: PlanChange[] = created || before === undefined || after === undefined
      ? []
      : FIELDS.filter((f) => JSON.stringify(before[f]) !== JSON.stringify(after[f])).map((f) => ({
        label: t(lang, `aid.planHistory.field.${f}`), from: termInWords(lang, f, before[f]), to: termInWords(lang, f, after[f])
      }))
    return { at: h.at, text, changes }
  })
}
