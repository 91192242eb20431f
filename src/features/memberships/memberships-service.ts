// Membership use cases: applying, approving and rejecting, leaving, transfers between
// enterprises, the e-card and its public check, rosters and exports. Who may do what is
// checked with an explicit actor; each change is one transaction with its audit entry,
// and every state change is guarded (`UPDATE … WHERE status = 'x'`) so a second, concurrent
// change answers 409. One file per use case (deps.ts, apply.ts, decisions.ts, transfers.ts,
// membership-view.ts, rosters.ts); this module assembles them into one service.
import type { Db } from '../../db/index.js'
import type { Clock } from '../../lib/clock.js'
import type { Pii } from '../../lib/pii.js'
import type { Notifier } from '../notifications/notifier.js'
import type * as repo from './memberships-repository.js'
import type { MembershipsDeps } from './deps.js'
import { applyUseCases } from './apply.js'
import { decisionUseCases } from './decisions.js'
import { transferUseCases } from './transfers.js'
import { membershipViewUseCases } from './membership-view.js'
import { rosterUseCases } from './rosters.js'

/** A roster search: text, or an ID number's keyed hash (`idh`), and filters. */
export interface RosterSearch { q?: string, idh?: string, status?: repo.MembershipStatus, enterpriseId?: number, buildingId?: number }

export interface MeMembership {
  id: number, status: string, memberNo: string | null, enterpriseId: number, enterpriseName: string,
  buildingId: number, joinedOn: string | null, idMasked: string
}

export function createMembershipsService (db: Db, clock: Clock, pii: Pii, notifier?: Notifier) {
  const deps: MembershipsDeps = { db, clock, pii, notifier }
  return {
    ...applyUseCases(deps),
    ...decisionUseCases(deps),
    ...transferUseCases(deps),
    ...membershipViewUseCases(deps),
    ...rosterUseCases(deps)
  }
}

export type MembershipsService = ReturnType<typeof createMembershipsService>
