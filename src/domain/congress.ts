// The joint worker congress of a building federation (楼宇联合职代会), 企业民主管理规定 ch. 3:
// who may sit in it, when a session may decide, when a motion passes. Pure: counts in, verdicts out.

export const REPRESENTATIVE_CATEGORIES = ['frontline', 'staff', 'operator'] as const
export type RepresentativeCategory = typeof REPRESENTATIVE_CATEGORIES[number]
export const CONGRESS_FORMS = ['representatives', 'assembly'] as const
/** A congress of elected representatives, or (small buildings) an all-member assembly. */
export type CongressForm = typeof CONGRESS_FORMS[number]
export const MOTION_KINDS = ['collective_contract', 'resolution', 'report'] as const
export type MotionKind = typeof MOTION_KINDS[number]
export const VOTES = ['yes', 'no', 'abstain'] as const
export type Vote = typeof VOTES[number]

/** At least this many representatives in a representative congress. */
export const MIN_REPRESENTATIVES = 30
/** A building with fewer members than this may meet as an all-member assembly instead. */
export const ASSEMBLY_BELOW_MEMBERS = 100
/** Enterprise operators: at most this share of the representatives (20%). */
export const OPERATOR_MAX_PERCENT = 20

export type CompositionRule = 'TOO_FEW_REPRESENTATIVES' | 'TOO_MANY_OPERATORS' | 'ASSEMBLY_TOO_LARGE' | 'ASSEMBLY_INCOMPLETE' | 'NO_REPRESENTATIVES'
export interface CompositionProblem { rule: CompositionRule, params: Record<string, number> }

export interface Composition {
  form: CongressForm
  /** Representatives sitting now, by category. */
  counts: Record<RepresentativeCategory, number>
  /** Active members of the building's enrolled enterprises. */
  buildingMembers: number
}

export const representativeTotal = (c: Record<RepresentativeCategory, number>): number => c.frontline + c.staff + c.operator

/**
 * Every rule the composition breaks (empty when a session may open). A representative congress
 * needs 30 representatives and operators at most 20% of them (exact: operators × 100 ≤ 20 ×
 * total). An all-member assembly is open to a building of fewer than 100 members, and every one
 * of them sits in it, so the operator share is whatever the workforce is.
 */
export function compositionProblems (c: Composition): CompositionProblem[] {
  const total = representativeTotal(c.counts)
  const problems: CompositionProblem[] = []
  // Parameter names differ between rules, so one message can name several broken rules at once.
  if (c.form === 'representatives') {
    if (total < MIN_REPRESENTATIVES) problems.push({ rule: 'TOO_FEW_REPRESENTATIVES', params: { min: MIN_REPRESENTATIVES, count: total } })
    if (c.counts.operator * 100 > OPERATOR_MAX_PERCENT * total) {
      problems.push({ rule: 'TOO_MANY_OPERATORS', params: { maxOperators: Math.floor(total * OPERATOR_MAX_PERCENT / 100), operators: c.counts.operator, total } })
    }
  } else if (c.buildingMembers >= ASSEMBLY_BELOW_MEMBERS) {
    problems.push({ rule: 'ASSEMBLY_TOO_LARGE', params: { members: c.buildingMembers, limit: ASSEMBLY_BELOW_MEMBERS } })
  } else if (total === 0) {
    problems.push({ rule: 'NO_REPRESENTATIVES', params: {} })
  } else if (total < c.buildingMembers) {
    problems.push({ rule: 'ASSEMBLY_INCOMPLETE', params: { seated: total, members: c.buildingMembers } })
  }
  return problems
}

/** A session decides only with at least two thirds of the representatives present. */
export function hasQuorum (present: number, total: number): boolean {
  return total > 0 && present * 3 >= total * 2
}

/** The fewest present for a quorum. */
export function quorumNeeded (total: number): number {
  return Math.ceil(total * 2 / 3)
}

export interface Tally { yes: number, no: number, abstain: number }

/** Passed with yes votes from more than half of ALL representatives, not of those present or voting. */
export function motionPasses (t: Tally, totalRepresentatives: number): boolean {
  return totalRepresentatives > 0 && t.yes * 2 > totalRepresentatives
}

/** The fewest yes votes that pass a motion. */
export function yesNeeded (totalRepresentatives: number): number {
  return Math.floor(totalRepresentatives / 2) + 1
}
