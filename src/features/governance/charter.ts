// The federation's charter (章程) and the congress's implementing rules (职代会实施细则), each
// kept in versions: who adopted which version when.
import { badRequest } from '../../lib/errors.js'
import type { Actor } from '../../lib/access.js'
import { writeAudit } from '../audit/audit-repository.js'
import * as repo from './contracts-repository.js'
import * as congressRepo from './congress-repository.js'
import { requireBuildingManager, requireBuildingReader } from './access.js'
import type { GovernanceDeps } from './deps.js'

export interface CharterInput { kind: 'charter' | 'congress_rules', title: string, body: string, adoptedOn: string, adoptedBy: string, sessionId?: number }

export function charterUseCases ({ db, clock }: GovernanceDeps) {
  return {
    adopt (actor: Actor, buildingId: number, input: CharterInput) {
      requireBuildingManager(db, actor, buildingId)
      if (input.adoptedOn > clock.today()) throw badRequest({ adoptedOn: 'v.dateFuture' })
      if (input.sessionId !== undefined) {
        const s = congressRepo.findSession(db, input.sessionId)
        const c = s === undefined ? undefined : congressRepo.findCongress(db, s.congressId)
        if (c?.buildingId !== buildingId) throw badRequest({ sessionId: 'governance.v.unknownSession' })
      }
      return db.transaction((tx) => {
        const at = clock.iso()
        const version = repo.nextCharterVersion(tx, buildingId, input.kind)
        const v = repo.insertCharterVersion(tx, {
          buildingId, kind: input.kind, version, title: input.title, body: input.body, adoptedOn: input.adoptedOn,
          adoptedBySessionId: input.sessionId ?? null, adoptedByText: input.adoptedBy, createdBy: actor.id, createdAt: at
        })
        writeAudit(tx, at, { actorUserId: actor.id, action: 'charter.adopt', entityType: 'charter_version', entityId: v.id, after: { buildingId, kind: input.kind, version, adoptedOn: input.adoptedOn, adoptedBy: input.adoptedBy } })
        return v
      })
    },

    list (actor: Actor, buildingId: number) {
      requireBuildingReader(db, actor, buildingId)
      return repo.charterVersionsOf(db, buildingId)
    }
  }
}
