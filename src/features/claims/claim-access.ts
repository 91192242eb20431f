// Who may see and act on a claim, shared by every claims use case. A claim is visible to its
// claimant and its reviewers (staff of the claim's building, admin); anyone else gets 404, so a
// member never learns that someone else's claim exists. A reviewer who is the claimant gets 403.
import type { Db, Tx } from '../../db/index.js'
import { type Actor, canActForBuilding } from '../../lib/access.js'
import { forbidden, notFound, stateChanged } from '../../lib/errors.js'
import { claimTransition, mayTake, type ClaimAction, type ClaimState, type PartyFacts } from '../../domain/claim-lifecycle.js'
import * as repo from './claims-repository.js'

export const canSee = (actor: Actor, c: repo.ClaimWithMember): boolean => actor.id === c.claim.userId || canActForBuilding(actor, c.buildingId)

export function loadVisible (tx: Tx | Db, actor: Actor, id: number): repo.ClaimWithMember {
  const c = repo.findClaimWithMember(tx, id)
  if (c === undefined || !canSee(actor, c)) throw notFound()
  return c
}

export function loadForReview (tx: Tx | Db, actor: Actor, id: number): repo.ClaimWithMember {
  const c = loadVisible(tx, actor, id)
  if (c.claim.userId === actor.id) throw forbidden('claims.error.ownClaim')
  if (!canActForBuilding(actor, c.buildingId)) throw forbidden()
  return c
}

export function partyFacts (actor: Actor, c: repo.ClaimWithMember): PartyFacts {
  return { isClaimant: actor.id === c.claim.userId, mayReviewBuilding: canActForBuilding(actor, c.buildingId), isFirstApprover: c.claim.firstApprovedBy === actor.id }
}

/**
 * The state `action` takes this claim to: 403 when the actor may not take it, 409 when the
 * claim is no longer in a state it can be taken from.
 */
export function nextState (actor: Actor, c: repo.ClaimWithMember, action: ClaimAction, forbiddenKey = 'error.forbidden'): ClaimState {
  if (!mayTake(action, partyFacts(actor, c))) throw forbidden(forbiddenKey)
  const to = claimTransition(action, c.claim.status)
  if (to === null) throw stateChanged()
  return to
}
