// The claim and payment-batch lifecycles as data: the states, each transition with the states
// it leaves from, the state it leads to and who may take it, and the four-eyes threshold. The
// claims service, its payment use cases and the demo seed all read these, so a rule is written
// once and a test can name it. Pure: no I/O.

export const CLAIM_STATES = ['submitted', 'needs_documents', 'awaiting_second_approval', 'approved', 'rejected', 'paid'] as const
export type ClaimState = typeof CLAIM_STATES[number]

/**
 * Who may take a transition:
 * - `claimant`: the member whose claim it is;
 * - `reviewer`: staff of the claim's building or an admin, never the claimant;
 * - `second_reviewer`: a reviewer other than the one who gave the first approval;
 * - `batch_checker`: a reviewer other than the one who made the payment batch.
 */
export type ClaimParty = 'claimant' | 'reviewer' | 'second_reviewer' | 'batch_checker'

export interface Transition<S extends string> { from: readonly S[], to: S, by: ClaimParty }

export const CLAIM_TRANSITIONS = {
  /** A first approval of a claim at or below the threshold: approved at once. */
  approve: { from: ['submitted'], to: 'approved', by: 'reviewer' },
  /** A first approval of a claim above the threshold: a second person must approve. */
  approveFirst: { from: ['submitted'], to: 'awaiting_second_approval', by: 'reviewer' },
  approveSecond: { from: ['awaiting_second_approval'], to: 'approved', by: 'second_reviewer' },
  reject: { from: ['submitted', 'needs_documents', 'awaiting_second_approval'], to: 'rejected', by: 'reviewer' },
  returnForDocuments: { from: ['submitted', 'awaiting_second_approval'], to: 'needs_documents', by: 'reviewer' },
  resubmit: { from: ['needs_documents'], to: 'submitted', by: 'claimant' },
  pay: { from: ['approved'], to: 'paid', by: 'batch_checker' },
  /** The bank returned the transfer: the claim may join a later batch. */
  transferReturned: { from: ['approved', 'paid'], to: 'approved', by: 'reviewer' }
} as const satisfies Record<string, Transition<ClaimState>>

export type ClaimAction = keyof typeof CLAIM_TRANSITIONS

/** The states in which the claimant may still add documents. */
export const CLAIM_DOCUMENTS_OPEN: readonly ClaimState[] = ['submitted', 'needs_documents', 'awaiting_second_approval']
/** The states a reviewer has something to decide in (the queue's "open"). */
export const CLAIM_TO_DECIDE: readonly ClaimState[] = ['submitted', 'awaiting_second_approval']

/** The state an action leads to from `from`, or null when it cannot be taken from there. */
export function claimTransition (action: ClaimAction, from: ClaimState): ClaimState | null {
  const t: Transition<ClaimState> = CLAIM_TRANSITIONS[action]
  return t.from.includes(from) ? t.to : null
}

/** Who the actor is to this claim (and batch), as the services know it. */
export interface PartyFacts {
  isClaimant: boolean
  /** Staff of the claim's building, or an admin. */
  mayReviewBuilding: boolean
  /** Gave this claim's first approval. */
  isFirstApprover?: boolean
  /** Made the payment batch the claim is in. */
  isBatchMaker?: boolean
}

export function isParty (party: ClaimParty, f: PartyFacts): boolean {
  const reviewer = f.mayReviewBuilding && !f.isClaimant
  switch (party) {
    case 'claimant': return f.isClaimant
    case 'reviewer': return reviewer
    case 'second_reviewer': return reviewer && f.isFirstApprover !== true
    case 'batch_checker': return reviewer && f.isBatchMaker !== true
  }
}

export function mayTake (action: ClaimAction, f: PartyFacts): boolean {
  return isParty(CLAIM_TRANSITIONS[action].by, f)
}

/**
 * The four-eyes rule: a claim whose payable amount is above the plan's threshold needs two
 * approvals by different people; exactly the threshold needs one.
 */
export function needsSecondApproval (payableFen: number, plan: { secondApprovalAboveFen: number }): boolean {
  return payableFen > plan.secondApprovalAboveFen
}

/** Which approval an approval of a claim in `from` is, for this amount (null: none possible). */
export function approvalAction (from: ClaimState, payableFen: number, plan: { secondApprovalAboveFen: number }): ClaimAction | null {
  if (from === 'awaiting_second_approval') return 'approveSecond'
  if (from !== 'submitted') return null
  return needsSecondApproval(payableFen, plan) ? 'approveFirst' : 'approve'
}

// ---- payment batches ----

export const BATCH_STATES = ['open', 'exported', 'paid'] as const
export type BatchState = typeof BATCH_STATES[number]

export const BATCH_TRANSITIONS = {
  /** The bank file was handed to the bank (a POST; downloading the file changes nothing). */
  markExported: { from: ['open'], to: 'exported', by: 'reviewer' },
  /** Two people on every payment: never the batch's maker. */
  markPaid: { from: ['open', 'exported'], to: 'paid', by: 'batch_checker' }
} as const satisfies Record<string, Transition<BatchState>>

export type BatchAction = keyof typeof BATCH_TRANSITIONS

export function batchTransition (action: BatchAction, from: BatchState): BatchState | null {
  const t: Transition<BatchState> = BATCH_TRANSITIONS[action]
  return t.from.includes(from) ? t.to : null
}

export function mayTakeBatch (action: BatchAction, f: { mayReviewAll: boolean, isBatchMaker: boolean }): boolean {
  return isParty(BATCH_TRANSITIONS[action].by, { isClaimant: false, mayReviewBuilding: f.mayReviewAll, isBatchMaker: f.isBatchMaker })
}
