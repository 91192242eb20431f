// The membership, transfer, enterprise and share-order lifecycles as data, like the claim's
// (claim-lifecycle.ts): the states, each transition with the states it leaves from, the state it
// leads to and who may take it. Services ask `transition(TABLE, action, from)` before they
// write (and guard the write with the same `from`), so a rule is written once and a test can
// name it. Pure: no I/O.

/** One transition: from which states, to which, and who may take it (in words, for people). */
export interface Step<S extends string> { from: readonly S[], to: S, by: string }

/** The state `action` leads to from `from`, or null when it cannot be taken from there. */
export function transition<S extends string, T extends Record<string, Step<S>>, A extends keyof T> (table: T, action: A, from: S): T[A]['to'] | null {
  const step: Step<S> = table[action]
  return step.from.includes(from) ? step.to : null
}

// ---- membership ----

export const MEMBERSHIP_STATES = ['applied', 'active', 'rejected', 'left'] as const
export type MembershipState = typeof MEMBERSHIP_STATES[number]

export const MEMBERSHIP_TRANSITIONS = {
  /** A worker applies again after a refusal or after leaving (the row is reused; a first application inserts it as `applied`). */
  applyAgain: { from: ['rejected', 'left'], to: 'applied', by: 'the worker' },
  /** The enterprise's liaison or staff of its building; never the applicant, nor the same person under another account. */
  approve: { from: ['applied'], to: 'active', by: 'a decider' },
  reject: { from: ['applied'], to: 'rejected', by: 'a decider' },
  /** The member, or staff of the building. */
  leave: { from: ['active'], to: 'left', by: 'the member or staff' },
  /** A roster row was claimed by a worker who had it approved themselves: it goes back for a decision. */
  backToApproval: { from: ['active'], to: 'applied', by: 'the worker claiming a roster row' }
} as const satisfies Record<string, Step<MembershipState>>

/** A membership that holds the worker's place (a new application for them is refused). */
export const MEMBERSHIP_OPEN: readonly MembershipState[] = ['applied', 'active']

// ---- transfer between enterprises ----

export const TRANSFER_STATES = ['pending', 'confirmed', 'rejected', 'cancelled'] as const
export type TransferState = typeof TRANSFER_STATES[number]

export const TRANSFER_TRANSITIONS = {
  /** The receiving enterprise's liaison or staff of its building; never the member or the requester. */
  confirm: { from: ['pending'], to: 'confirmed', by: 'the receiving side' },
  reject: { from: ['pending'], to: 'rejected', by: 'the receiving side' },
  /** The member or the requester withdraws it; it also ends when the membership ends. */
  cancel: { from: ['pending'], to: 'cancelled', by: 'the member, the requester, or the membership ending' }
} as const satisfies Record<string, Step<TransferState>>

// ---- enterprise enrolment ----

export const ENTERPRISE_STATES = ['pending', 'enrolled', 'rejected', 'withdrawn'] as const
export type EnterpriseState = typeof ENTERPRISE_STATES[number]

export const ENTERPRISE_TRANSITIONS = {
  /** Staff of the building or an admin; never the enterprise's liaison, nor whoever enrolled it. */
  approve: { from: ['pending'], to: 'enrolled', by: 'a reviewer' },
  reject: { from: ['pending'], to: 'rejected', by: 'a reviewer' },
  /** The liaison corrects a refused enrolment and sends it again. */
  resubmit: { from: ['rejected'], to: 'pending', by: 'the liaison' },
  withdraw: { from: ['enrolled'], to: 'withdrawn', by: 'the liaison or a reviewer' }
} as const satisfies Record<string, Step<EnterpriseState>>

// ---- share order ----

export const ORDER_STATES = ['pending_payment', 'paid', 'cancelled'] as const
export type OrderState = typeof ORDER_STATES[number]

export const ORDER_TRANSITIONS = {
  /** Staff of the building (or the payment provider's signed webhook); never the member themselves. */
  confirmPayment: { from: ['pending_payment'], to: 'paid', by: 'staff or the payment provider' },
  /** Unpaid after 30 days, by the portal itself. */
  cancelUnpaid: { from: ['pending_payment'], to: 'cancelled', by: 'the portal' }
} as const satisfies Record<string, Step<OrderState>>
