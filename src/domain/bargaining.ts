// Collective bargaining (集体合同规定): the topics, the negotiators on each side, the 20 days
// the other side has to answer a written proposal.
import { addDays } from './dates.js'

export const BARGAINING_TOPICS = ['pay', 'hours', 'rest', 'welfare', 'training', 'safety', 'women'] as const
export type BargainingTopic = typeof BARGAINING_TOPICS[number]
export const SIDES = ['workers', 'employers'] as const
export type Side = typeof SIDES[number]

export const ANSWER_DAYS = 20
export const MIN_NEGOTIATORS = 3
export const MAX_NEGOTIATORS = 10

export function answerDueOn (proposedOn: string): string { return addDays(proposedOn, ANSWER_DAYS) }

export type ProposalState = 'answered' | 'answered_late' | 'waiting' | 'overdue'
export function proposalState (proposedOn: string, answeredOn: string | null, today: string): ProposalState {
  const due = answerDueOn(proposedOn)
  if (answeredOn !== null) return answeredOn > due ? 'answered_late' : 'answered'
  return today > due ? 'overdue' : 'waiting'
}

export type NegotiatorRule = 'SIDE_TOO_SMALL' | 'SIDE_TOO_LARGE' | 'SIDES_UNEQUAL' | 'CHIEF_MISSING' | 'TWO_CHIEFS'
export interface NegotiatorProblem { rule: NegotiatorRule, side?: Side, params: Record<string, number> }

/** Each side 3–10 negotiators, both sides equal, each side one chief. */
export function negotiatorProblems (sides: Record<Side, { n: number, chiefs: number }>): NegotiatorProblem[] {
  const out: NegotiatorProblem[] = []
  for (const side of SIDES) {
    const s = sides[side]
    if (s.n < MIN_NEGOTIATORS) out.push({ rule: 'SIDE_TOO_SMALL', side, params: { n: s.n, min: MIN_NEGOTIATORS } })
    if (s.n > MAX_NEGOTIATORS) out.push({ rule: 'SIDE_TOO_LARGE', side, params: { n: s.n, max: MAX_NEGOTIATORS } })
    if (s.chiefs === 0) out.push({ rule: 'CHIEF_MISSING', side, params: {} })
    if (s.chiefs > 1) out.push({ rule: 'TWO_CHIEFS', side, params: { n: s.chiefs } })
  }
  if (sides.workers.n !== sides.employers.n) out.push({ rule: 'SIDES_UNEQUAL', params: { workers: sides.workers.n, employers: sides.employers.n } })
  return out
}
