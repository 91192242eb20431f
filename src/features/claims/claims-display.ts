// What the claim pages show, prepared in code so templates hold no logic: labels, badges, the
// breakdown lines of the settlement sheet.
import type { FastifyRequest } from 'fastify'
import { formatFen } from '../../domain/money.js'
import { fenInChineseCapitals } from '../../domain/chinese-amount.js'
import type { Quote } from '../../domain/reimbursement.js'
import type { ClaimView } from './claims-service.js'
import type { Breakdown } from './review.js'
import type { ClaimStatus } from './claims-repository.js'

const BADGE: Record<ClaimStatus, string> = { submitted: '', needs_documents: 'warn', awaiting_second_approval: 'warn', approved: 'ok', rejected: 'bad', paid: 'ok' }

export function statusBadge (req: FastifyRequest, status: ClaimStatus) {
  return { label: req.t(`claims.status.${status}`), cls: BADGE[status] }
}

/** 1000 bp → "10%", 1250 → "12.5%". */
export function ratePercent (bp: number): string {
  return `${(bp / 100).toFixed(2).replace(/\.?0+$/, '')}%`
}

export function breakdownLines (req: FastifyRequest, q: Quote) {
  return q.lines.map((l) => ({
    range: l.toFen === null ? `${formatFen(l.fromFen)} ${req.t('claims.bd.upTo')}` : `${formatFen(l.fromFen)} – ${formatFen(l.toFen)}`,
    portionFen: l.portionFen,
    rate: ratePercent(l.rateBp),
    amountFen: l.amountFen
  }))
}

/** The figures of the sheet: the approval's breakdown when there is one, else the estimate. */
export function sheetFigures (req: FastifyRequest, c: ClaimView) {
  const final = c.breakdown !== null && c.status !== 'submitted'
  const q: Quote | Breakdown = final ? c.breakdown! : c.estimate
  const b = final ? c.breakdown! : null
  return {
    final,
    baseFen: q.baseFen,
    grossFen: q.grossFen,
    payableFen: q.payableFen,
    limitedBy: req.t(`claims.limitedBy.${q.limitedBy}`),
    annualRemainingFen: q.annualRemainingFen,
    perAdmissionCapFen: b?.perAdmissionCapFen,
    annualCapFen: b?.annualCapFen,
    paidThisYearFen: b?.paidThisYearFen,
    shares: b?.shares,
    lines: breakdownLines(req, q)
  }
}

export function claimDisplay (req: FastifyRequest, c: ClaimView) {
  return {
    ...c,
    badge: statusBadge(req, c.status),
    reason: c.reasonCode === null ? null : req.t(`claims.reason.${c.reasonCode}`),
    documents: c.documents.map((d) => ({ ...d, kindLabel: req.t(`claims.kind.${d.kind}`), href: `/aid/claims/${c.id}/documents/${d.id}`, sizeKb: Math.max(1, Math.round(d.size / 1024)) })),
    history: c.history.map((h) => ({ ...h, label: req.t(`claims.action.${h.action}`) })),
    figures: sheetFigures(req, c),
    checklist: c.requiredDocuments.map((k) => ({ kind: k, label: req.t(`claims.kind.${k}`), done: !c.documentsMissing.includes(k) })),
    amountInWords: c.payableFen === null ? null : fenInChineseCapitals(c.payableFen),
    firstApproverName: c.history.filter((h) => h.action === 'claim.approve.first').pop()?.actorName ?? null,
    approverName: c.history.filter((h) => h.action === 'claim.approve').pop()?.actorName ?? null
  }
}
