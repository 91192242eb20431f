// The documents a claim carries and which of them a plan requires before approval. Pure.

/** Every kind a member may upload; `other` is always allowed and never required. */
export const DOCUMENT_KINDS = ['invoice', 'itemised_bill', 'discharge_summary', 'insurance_statement', 'other'] as const
export type DocumentKind = typeof DOCUMENT_KINDS[number]

/** The kinds a plan may require (everything but `other`). */
export const REQUIRABLE_KINDS = ['invoice', 'itemised_bill', 'discharge_summary', 'insurance_statement'] as const
export type RequirableKind = typeof REQUIRABLE_KINDS[number]

/** 发票, 费用清单, 出院小结/诊断证明, 医保结算单: what a plan requires unless it says otherwise. */
export const DEFAULT_REQUIRED_DOCUMENTS: readonly RequirableKind[] = REQUIRABLE_KINDS

/** The required kinds with no file yet, in the plan's order. */
export function documentsMissing (required: readonly string[], uploadedKinds: Iterable<string>): RequirableKind[] {
  const have = new Set(uploadedKinds)
  return REQUIRABLE_KINDS.filter((k) => required.includes(k) && !have.has(k))
}

/** A required-documents list as stored or sent: known kinds, each once, in the canonical order. */
export function normaliseRequired (kinds: readonly string[]): RequirableKind[] {
  return REQUIRABLE_KINDS.filter((k) => kinds.includes(k))
}
