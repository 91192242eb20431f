// Collective bargaining rounds of a building (or one enterprise): topics, negotiators (3–10 a
// side, equal, a chief each), written proposals with the 20-day answer deadline, meeting records.
import { badRequest, notFound, ruleRefused, stateChanged } from '../../lib/errors.js'
import type { Actor } from '../../lib/access.js'
import { answerDueOn, negotiatorProblems, proposalState, SIDES, type BargainingTopic, type Side } from '../../domain/bargaining.js'
import { writeAudit } from '../audit/audit-repository.js'
import * as repo from './contracts-repository.js'
import { requireBuildingManager, requireBuildingReader } from './access.js'
import type { GovernanceDeps } from './deps.js'

export function bargainingUseCases ({ db, clock }: GovernanceDeps) {
  function roundFor (actor: Actor, id: number, manage: boolean): repo.RoundRow {
    const r = repo.findRound(db, id)
    if (r === undefined) throw notFound()
    if (manage) requireBuildingManager(db, actor, r.buildingId)
    else requireBuildingReader(db, actor, r.buildingId)
    return r
  }

  function sideCounts (roundId: number) {
    const list = repo.negotiatorsOf(db, roundId)
    const count = (side: Side) => ({
      n: list.filter((x) => x.side === side).length, chiefs: list.filter((x) => x.side === side && x.chief).length
    })
    return { list, problems: negotiatorProblems({ workers: count('workers'), employers: count('employers') }) }
  }

  return {
    roundFor,

    open (actor: Actor, buildingId: number, input: { title: string, topics: BargainingTopic[], enterpriseId?: number }): repo.RoundRow {
      requireBuildingManager(db, actor, buildingId)
      if (input.enterpriseId !== undefined && repo.findEnterprise(db, input.enterpriseId)?.buildingId !== buildingId) throw badRequest({ enterpriseId: 'governance.v.unknownEnterprise' })
      return db.transaction((tx) => {
        const at = clock.iso()
        const r = repo.insertRound(tx, { buildingId, enterpriseId: input.enterpriseId ?? null, title: input.title, topics: JSON.stringify(input.topics), createdBy: actor.id, createdAt: at })
        writeAudit(tx, at, { actorUserId: actor.id, action: 'bargaining.open', entityType: 'bargaining_round', entityId: r.id, after: input })
        return r
      })
    },

    addNegotiator (actor: Actor, roundId: number, input: { side: Side, name: string, position?: string, chief: boolean }): void {
      roundFor(actor, roundId, true)
      db.transaction((tx) => {
        const at = clock.iso()
        const n = repo.insertNegotiator(
          tx, { roundId, side: input.side, name: input.name, position: input.position ?? null, chief: input.chief }
        )
        writeAudit(tx, at, { actorUserId: actor.id, action: 'bargaining.negotiator.add', entityType: 'bargaining_round', entityId: roundId, after: { id: n.id, ...input } })
      })
    },

    /** A written proposal: only once both sides are properly constituted; the other side answers in 20 days. */
    propose (actor: Actor, roundId: number, input: { fromSide: Side, body: string, proposedOn: string }): void {
      roundFor(actor, roundId, true)
      const { problems } = sideCounts(roundId)
      if (problems.length > 0) throw ruleRefused('NEGOTIATORS_INVALID', 'governance.error.negotiators')
      if (input.proposedOn > clock.today()) throw badRequest({ proposedOn: 'v.dateFuture' })
      db.transaction((tx) => {
        const at = clock.iso()
        const p = repo.insertProposal(
          tx, { roundId, ...input, answerDueOn: answerDueOn(input.proposedOn), createdBy: actor.id, createdAt: at }
        )
        writeAudit(tx, at, { actorUserId: actor.id, action: 'bargaining.propose', entityType: 'bargaining_round', entityId: roundId, after: { proposalId: p.id, fromSide: input.fromSide, proposedOn: input.proposedOn, answerDueOn: p.answerDueOn } })
      })
    },

    answer (actor: Actor, proposalId: number, input: { answeredOn: string, answer: string }): number {
      const p = repo.findProposal(db, proposalId)
      if (p === undefined) throw notFound()
      roundFor(actor, p.roundId, true)
      if (input.answeredOn > clock.today()) throw badRequest({ answeredOn: 'v.dateFuture' })
      if (input.answeredOn < p.proposedOn) throw badRequest({ answeredOn: 'governance.v.beforeProposal' })
      db.transaction((tx) => {
        const at = clock.iso()
        if (!repo.answerProposal(tx, proposalId, input.answeredOn, input.answer)) throw stateChanged()
        writeAudit(tx, at, { actorUserId: actor.id, action: 'bargaining.answer', entityType: 'bargaining_round', entityId: p.roundId, after: { proposalId, answeredOn: input.answeredOn, late: input.answeredOn > p.answerDueOn } })
      })
      return p.roundId
    },

    recordMeeting (actor: Actor, roundId: number, input: { heldOn: string, record: string }): void {
      roundFor(actor, roundId, true)
      if (input.heldOn > clock.today()) throw badRequest({ heldOn: 'v.dateFuture' })
      db.transaction((tx) => {
        const at = clock.iso()
        const m = repo.insertMeeting(tx, { roundId, ...input, createdBy: actor.id, createdAt: at })
        writeAudit(tx, at, { actorUserId: actor.id, action: 'bargaining.meeting', entityType: 'bargaining_round', entityId: roundId, after: { meetingId: m.id, heldOn: input.heldOn } })
      })
    },

    view (actor: Actor, id: number) {
      const round = roundFor(actor, id, false)
      const today = clock.today()
      const { list, problems } = sideCounts(id)
      return {
        round,
        topics: JSON.parse(round.topics) as BargainingTopic[],
        enterprise: round.enterpriseId === null ? undefined : repo.findEnterprise(db, round.enterpriseId),
        sides: SIDES.map((side) => ({ side, negotiators: list.filter((n) => n.side === side) })),
        problems,
        proposals: repo.proposalsOf(db, id).map((p) => ({ ...p, state: proposalState(p.proposedOn, p.answeredOn, today) })),
        meetings: repo.meetingsOf(db, id)
      }
    },

    ofBuilding (buildingId: number) { return repo.roundsOf(db, buildingId) }
  }
}
