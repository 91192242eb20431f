// Membership use cases: applying, approving and rejecting, leaving, transfers between
// enterprises, the e-card and its public check, rosters and exports. Who may do what is
// checked here with an explicit actor; each change is one transaction with its audit entry,
// and every state change is guarded (`UPDATE … WHERE status = 'x'`) so a second, concurrent
// change answers 409.
import type { Notice, Notifier, PendingSms } from '../notifications/notifier.js'
import { createHmac, timingSafeEqual } from 'node:crypto'
import type { Db, DbOrTx } from '../../db/index.js'
import type { Clock } from '../../lib/clock.js'
import type { Pii } from '../../lib/pii.js'
import { canActForBuilding, reviewableBuildings, type Actor } from '../../lib/access.js'
import { AppError, badRequest, conflict, forbidden, notFound, ruleRefused } from '../../lib/errors.js'
import { maskResidentId, normaliseResidentId, residentIdFacts, residentIdProblem } from '../../domain/identity.js'
import { formatMemberNo, maskName } from '../../domain/memberships.js'
import { writeAudit } from '../audit/audit-repository.js'
import { membershipHistory, type HistoryLine } from './history.js'
import * as repo from './memberships-repository.js'
import type { ApplyInput } from './memberships-schemas.js'

export const MEMBER_NO_COUNTER = 'membership_no'

const stateChanged = (): AppError => conflict('STATE_CHANGED', 'error.stateChanged')
const notEnrolled = (): AppError => ruleRefused('ENTERPRISE_NOT_ENROLLED', 'memberships.enterpriseNotEnrolled')
const unknownEnterprise = (): AppError => badRequest({ enterpriseId: 'memberships.v.unknownEnterprise' })

/** A unique-index violation from SQLite (two requests racing past the look-up). */
export function isUniqueViolation (err: unknown, index?: string): boolean {
  const e = err as { code?: string, message?: string }
  return typeof e?.code === 'string' && e.code.startsWith('SQLITE_CONSTRAINT') && (index === undefined || (e.message ?? '').includes(index))
}

/**
 * The person a membership belongs to: its account. An imported membership has none until the
 * person claims it by applying with the same ID number and name (a phone number alone proves
 * nothing: anyone can sign up with any number).
 */
export function isPerson (actor: Actor, m: { userId: number | null }): boolean {
  return m.userId === actor.id
}

/** The enterprise's liaison (while it has not withdrawn), staff of its building, admin. */
export function canManage (actor: Actor, e: { liaisonUserId: number, enterpriseStatus: string, buildingId: number }): boolean {
  return (e.liaisonUserId === actor.id && e.enterpriseStatus !== 'withdrawn') || canActForBuilding(actor, e.buildingId)
}

/** A roster search: text, or an ID number's keyed hash (`idh`), and filters. */
export interface RosterSearch { q?: string, idh?: string, status?: repo.MembershipStatus, enterpriseId?: number, buildingId?: number }

export interface MeMembership {
  id: number, status: string, memberNo: string | null, enterpriseId: number, enterpriseName: string,
  buildingId: number, joinedOn: string | null, idMasked: string
}

export function createMembershipsService (db: Db, clock: Clock, pii: Pii, notifier?: Notifier) {
  /** A notice to the member (in the transaction) and its SMS, sent once the change committed. */
  const tell = (tx: DbOrTx, at: string, userId: number | null, n: Omit<Notice, 'userId'>): PendingSms[] =>
    notifier === undefined || userId === null ? [] : notifier.notify(tx, at, { ...n, userId })
  /** One transaction that may queue notices' SMS; they are sent once it has committed. */
  const changing = <T>(fn: (tx: DbOrTx, sms: PendingSms[]) => T): T => {
    const sms: PendingSms[] = []
    const answer = db.transaction((tx) => fn(tx, sms))
    notifier?.send(sms)
    return answer
  }

  const cardKey = Buffer.from(pii.hash('membership-card-token:v1'), 'hex')
  const cardMac = (id: number): string => createHmac('sha256', cardKey).update(String(id)).digest('base64url').slice(0, 24)

  const scopeOf = (actor: Actor): { enterpriseIds: number[] | null, buildingIds: number[] | null } => {
    const buildingIds = reviewableBuildings(actor)
    if (buildingIds === null) return { enterpriseIds: null, buildingIds: null }
    return { enterpriseIds: repo.liaisonEnterpriseIds(db, actor.id), buildingIds }
  }

  const load = (id: number): repo.MembershipView => {
    const m = repo.findMembership(db, id)
    if (m === undefined) throw notFound()
    return m
  }

  const service = {
    scopeOf,

    /** Whether this actor reviews anything at all (liaison of an enterprise, staff, admin). */
    isReviewer (actor: Actor): boolean {
      // A plain member (no enterprise as liaison, no staff scope) reviews nothing: no query.
      if (!actor.isAdmin && !actor.isStaff && !actor.roles.includes('liaison')) return false
      const s = scopeOf(actor)
      return s.enterpriseIds === null || s.enterpriseIds.length > 0 || (s.buildingIds?.length ?? 0) > 0
    },

    /** An employee applies to join for an enrolled enterprise. */
    apply (actor: Actor, input: ApplyInput): { id: number, status: 'applied' } {
      const idNumber = normaliseResidentId(input.idNumber)
      const idHash = pii.hash(idNumber)
      const ent = repo.findEnterprise(db, input.enterpriseId)
      if (ent === undefined) throw unknownEnterprise()
      if (ent.status !== 'enrolled') throw notEnrolled()
      try {
        return db.transaction((tx) => {
          const open = repo.findOpenByHash(tx, idHash)
          if (repo.findOpenByUser(tx, actor.id) !== undefined) throw conflict('MEMBERSHIP_EXISTS', 'memberships.accountHasMembership')
          const at = clock.iso()
          if (open !== undefined) {
            // A roster import made this membership before the person had an account. The same
            // ID number and name make an application for it, which then needs approval; an
            // ACTIVE one is taken over as it is only with proof that it is this person's: the
            // account's verified phone is the roster's mobile (knowing someone's name and ID
            // number proves nothing). One approved by this very account goes back to approval.
            if (open.userId !== null || open.name !== input.name) throw conflict('MEMBERSHIP_EXISTS', 'memberships.exists', { idNumber: 'memberships.exists' })
            const proven = open.mobile !== null && open.mobile === actor.phone && repo.phoneVerified(tx, actor.id)
            if (open.status === 'active' && !proven) throw conflict('MEMBERSHIP_EXISTS', 'memberships.claimNeedsPhone', { idNumber: 'memberships.claimNeedsPhone' })
            const backToApproval = open.status === 'active' && open.decidedBy === actor.id
            const patch = backToApproval ? { userId: actor.id, status: 'applied' as const, decidedAt: null, decidedBy: null, updatedAt: at } : { userId: actor.id, updatedAt: at }
            if (!repo.changeMembership(tx, open.id, open.status, patch)) throw stateChanged()
            const status = backToApproval ? 'applied' : open.status
            writeAudit(tx, at, {
              actorUserId: actor.id, action: 'membership.claim', entityType: 'membership', entityId: open.id, before: { userId: null, status: open.status }, after: { userId: actor.id, status },
              note: backToApproval ? 'imported membership approved by the claimant themselves: back to approval' : proven ? 'imported membership claimed: verified phone matches the roster' : 'imported application claimed with its ID number: approval follows'
            })
            return { id: open.id, status: status as 'applied' }
          }
          const facts = residentIdFacts(idNumber)
          const values = {
            userId: actor.id, enterpriseId: ent.id, name: input.name, idCipher: pii.encrypt(idNumber), idHash,
            idMasked: maskResidentId(idNumber), gender: facts.gender, birthDate: facts.birthDate, mobile: input.mobile ?? actor.phone,
            status: 'applied' as const, consentAt: at, appliedAt: at, appliedBy: actor.id, decidedAt: null, decidedBy: null,
            rejectReason: null, leftOn: null, source: 'online' as const, updatedAt: at
          }
          // Someone who was a member before gets their number back: the earlier row is reopened.
          const earlier = repo.findNumberedClosedByHash(tx, idHash)
          let id: number
          if (earlier !== undefined) {
            if (!repo.changeMembership(tx, earlier.id, earlier.status, values)) throw stateChanged()
            id = earlier.id
          } else {
            id = repo.insertMembership(tx, { ...values, createdAt: at }).id
          }
          writeAudit(tx, at, {
            actorUserId: actor.id, action: 'membership.apply', entityType: 'membership', entityId: id,
            after: { enterpriseId: ent.id, name: input.name, idMasked: values.idMasked, memberNo: earlier?.memberNo ?? undefined }
          })
          return { id, status: 'applied' as const }
        })
      } catch (err) {
        if (isUniqueViolation(err, 'memberships.id_hash')) throw conflict('MEMBERSHIP_EXISTS', 'memberships.exists', { idNumber: 'memberships.exists' })
        throw err
      }
    },

    approve (actor: Actor, id: number): { status: 'active', memberNo: string } {
      let sms: PendingSms[] = []
      const answer = db.transaction((tx) => {
        const m = repo.findMembership(tx, id)
        if (m === undefined) throw notFound()
        if (!canManage(actor, m)) throw forbidden()
        if (isPerson(actor, m) || repo.isSamePerson(tx, actor.id, m.idHash)) throw forbidden('memberships.ownApplication')
        if (m.status !== 'applied') throw stateChanged()
        if (m.enterpriseStatus !== 'enrolled') throw notEnrolled()
        const at = clock.iso()
        const today = clock.today()
        // Taken in this transaction: a refusal below rolls the counter back, so no gap is left
        // by refusals, and a committed number is never handed out again.
        const memberNo = m.memberNo ?? formatMemberNo(today.slice(0, 4), repo.takeNumbers(tx, MEMBER_NO_COUNTER))
        if (!repo.changeMembership(tx, id, 'applied', { status: 'active', memberNo, joinedOn: today, decidedAt: at, decidedBy: actor.id, rejectReason: null, updatedAt: at })) throw stateChanged()
        writeAudit(tx, at, { actorUserId: actor.id, action: 'membership.approve', entityType: 'membership', entityId: id, before: { status: 'applied' }, after: { status: 'active', memberNo, joinedOn: today } })
        sms = tell(tx, at, m.userId, { kind: 'membership.active', params: { memberNo }, subject: `membership:${id}` })
        return { status: 'active' as const, memberNo }
      })
      notifier?.send(sms)
      return answer
    },

    reject (actor: Actor, id: number, reason: string | undefined): { status: 'rejected' } {
      let sms: PendingSms[] = []
      const answer = db.transaction((tx) => {
        const m = repo.findMembership(tx, id)
        if (m === undefined) throw notFound()
        if (!canManage(actor, m)) throw forbidden()
        if (isPerson(actor, m) || repo.isSamePerson(tx, actor.id, m.idHash)) throw forbidden('memberships.ownApplication')
        // The applicant is told why: a rejection without a reason is refused (after who may act).
        if (reason === undefined || reason.trim() === '') throw badRequest({ reason: 'memberships.v.reasonRequired' })
        const at = clock.iso()
        if (m.status !== 'applied' || !repo.changeMembership(tx, id, 'applied', { status: 'rejected', rejectReason: reason, decidedAt: at, decidedBy: actor.id, updatedAt: at })) throw stateChanged()
        writeAudit(tx, at, { actorUserId: actor.id, action: 'membership.reject', entityType: 'membership', entityId: id, before: { status: 'applied' }, after: { status: 'rejected', reason } })
        sms = tell(tx, at, m.userId, { kind: 'membership.rejected', params: { reason }, subject: `membership:${id}` })
        return { status: 'rejected' as const }
      })
      notifier?.send(sms)
      return answer
    },

    /** The member leaves, or staff of the building record it. The number stays theirs. */
    leave (actor: Actor, id: number, note: string | undefined): { status: 'left', leftOn: string } {
      return changing((tx, sms) => {
        const m = repo.findMembership(tx, id)
        if (m === undefined) throw notFound()
        if (!isPerson(actor, m) && !canActForBuilding(actor, m.buildingId)) throw forbidden()
        const at = clock.iso()
        const today = clock.today()
        if (m.status !== 'active' || !repo.changeMembership(tx, id, 'active', { status: 'left', leftOn: today, updatedAt: at })) throw stateChanged()
        for (const t of repo.transfersOf(tx, id)) {
          if (t.status === 'pending') repo.changeTransfer(tx, t.id, { status: 'cancelled', decidedAt: at, decidedBy: actor.id, note: 'membership ended' })
        }
        writeAudit(tx, at, { actorUserId: actor.id, action: 'membership.leave', entityType: 'membership', entityId: id, before: { status: 'active' }, after: { status: 'left', leftOn: today }, note })
        sms.push(...tell(tx, at, m.userId, { kind: 'membership.left', params: { leftOn: today }, subject: `membership:${id}` }))
        return { status: 'left' as const, leftOn: today }
      })
    },

    /** An active member (or staff of the current building for them) asks to move to another enterprise. */
    requestTransfer (actor: Actor, id: number, toEnterpriseId: number): { id: number, status: 'pending' } {
      try {
        return changing((tx, sms) => {
          const m = repo.findMembership(tx, id)
          if (m === undefined) throw notFound()
          if (!isPerson(actor, m) && !canActForBuilding(actor, m.buildingId)) throw forbidden()
          if (m.status !== 'active') throw conflict('NOT_ACTIVE', 'memberships.notActive')
          const to = repo.findEnterprise(tx, toEnterpriseId)
          if (to === undefined) throw unknownEnterprise()
          if (to.id === m.enterpriseId) throw badRequest({ enterpriseId: 'memberships.v.sameEnterprise' })
          if (to.status !== 'enrolled') throw notEnrolled()
          if (repo.transfersOf(tx, id).some((t) => t.status === 'pending')) throw conflict('TRANSFER_PENDING', 'memberships.transferPending')
          const at = clock.iso()
          const t = repo.insertTransfer(tx, { membershipId: id, fromEnterpriseId: m.enterpriseId, toEnterpriseId: to.id, status: 'pending', requestedAt: at, requestedBy: actor.id })
          writeAudit(tx, at, { actorUserId: actor.id, action: 'membership.transfer_request', entityType: 'membership', entityId: id, after: { transferId: t.id, from: m.enterpriseId, to: to.id } })
          sms.push(...tell(tx, at, m.userId, { kind: 'membership.transfer_requested', params: { enterprise: to.name }, subject: `membership:${id}` }))
          return { id: t.id, status: 'pending' as const }
        })
      } catch (err) {
        if (isUniqueViolation(err, 'membership_transfers')) throw conflict('TRANSFER_PENDING', 'memberships.transferPending')
        throw err
      }
    },

    /** The new enterprise's liaison, staff of the new building or admin confirm; the number stays. */
    confirmTransfer (actor: Actor, transferId: number): { status: 'confirmed', enterpriseId: number, effectiveOn: string } {
      return changing((tx, sms) => {
        const t = repo.findTransfer(tx, transferId)
        if (t === undefined) throw notFound()
        checkTransferReviewer(actor, t)
        if (t.status !== 'pending') throw stateChanged()
        if (t.toStatus !== 'enrolled') throw notEnrolled()
        const at = clock.iso()
        const today = clock.today()
        if (!repo.changeTransfer(tx, transferId, { status: 'confirmed', decidedAt: at, decidedBy: actor.id, effectiveOn: today })) throw stateChanged()
        const moved = repo.moveMembership(tx, t.membershipId, t.fromEnterpriseId, t.toEnterpriseId, at)
        if (!moved) throw stateChanged()
        // The member's medical-aid claims move with them in this same transaction: the trigger
        // claims_follow_membership (migration 0003_claims_building) sets aid_claims.building_id to
        // the new building, so its staff review them from now on ("staff of X's building").
        writeAudit(tx, at, {
          actorUserId: actor.id, action: 'membership.transfer_confirm', entityType: 'membership', entityId: t.membershipId,
          before: { enterpriseId: t.fromEnterpriseId }, after: { enterpriseId: t.toEnterpriseId, transferId, effectiveOn: today }
        })
        sms.push(...tell(tx, at, t.memberUserId, { kind: 'membership.transferred', params: { enterprise: t.toName }, subject: `membership:${t.membershipId}` }))
        return { status: 'confirmed' as const, enterpriseId: t.toEnterpriseId, effectiveOn: today }
      })
    },

    rejectTransfer (actor: Actor, transferId: number, note: string | undefined): { status: 'rejected' } {
      return changing((tx, sms) => {
        const t = repo.findTransfer(tx, transferId)
        if (t === undefined) throw notFound()
        checkTransferReviewer(actor, t)
        const at = clock.iso()
        if (t.status !== 'pending' || !repo.changeTransfer(tx, transferId, { status: 'rejected', decidedAt: at, decidedBy: actor.id, note: note ?? null })) throw stateChanged()
        writeAudit(tx, at, { actorUserId: actor.id, action: 'membership.transfer_reject', entityType: 'membership', entityId: t.membershipId, after: { transferId, note: note ?? null } })
        sms.push(...tell(tx, at, t.memberUserId, { kind: 'membership.transfer_refused', params: { enterprise: t.toName, note: note ?? '' }, subject: `membership:${t.membershipId}` }))
        return { status: 'rejected' as const }
      })
    },

    cancelTransfer (actor: Actor, transferId: number): { status: 'cancelled' } {
      return changing((tx, sms) => {
        const t = repo.findTransfer(tx, transferId)
        if (t === undefined) throw notFound()
        const m = repo.findMembership(tx, t.membershipId)!
        if (!isPerson(actor, m) && t.requestedBy !== actor.id) throw forbidden()
        const at = clock.iso()
        if (t.status !== 'pending' || !repo.changeTransfer(tx, transferId, { status: 'cancelled', decidedAt: at, decidedBy: actor.id })) throw stateChanged()
        writeAudit(tx, at, { actorUserId: actor.id, action: 'membership.transfer_cancel', entityType: 'membership', entityId: t.membershipId, after: { transferId } })
        sms.push(...tell(tx, at, m.userId, { kind: 'membership.transfer_withdrawn', params: { enterprise: t.toName }, subject: `membership:${t.membershipId}` }))
        return { status: 'cancelled' as const }
      })
    },

    /** One membership as the actor may see it: the person, its managers, reviewers of a transfer into their scope. */
    view (actor: Actor, id: number) {
      const m = load(id)
      const transfers = repo.transfersOf(db, id)
      const reviewsTransfer = transfers.some((t) => t.status === 'pending' && canReviewTransfer(actor, t))
      const self = isPerson(actor, m)
      const manager = canManage(actor, m)
      if (!self && !manager && !reviewsTransfer) throw forbidden()
      return {
        membership: m,
        transfers,
        self,
        manager,
        canDecide: manager && !self && m.status === 'applied' && !repo.isSamePerson(db, actor.id, m.idHash),
        canLeave: m.status === 'active' && (self || canActForBuilding(actor, m.buildingId)),
        canRequestTransfer: m.status === 'active' && !transfers.some((t) => t.status === 'pending') && (self || canActForBuilding(actor, m.buildingId)),
        canRevealId: !self && canActForBuilding(actor, m.buildingId),
        pendingTransferForActor: transfers.find((t) => t.status === 'pending' && canReviewTransfer(actor, t) && t.memberUserId !== actor.id && t.requestedBy !== actor.id),
        decidedByName: repo.userName(db, m.decidedBy)
      }
    },

    /**
     * The full ID number: to the person, and to staff of the member's building (or admin),
     * whose every look is written to the audit log.
     */
    revealId (actor: Actor, id: number): string {
      const m = load(id)
      if (isPerson(actor, m)) return pii.decrypt(m.idCipher)
      if (!canActForBuilding(actor, m.buildingId)) throw forbidden()
      db.transaction((tx) => {
        writeAudit(tx, clock.iso(), { actorUserId: actor.id, action: 'membership.reveal_id', entityType: 'membership', entityId: id, note: 'full ID number shown' })
      })
      return pii.decrypt(m.idCipher)
    },

    /** Its steps in words, newest first. */
    history (id: number): HistoryLine[] {
      return membershipHistory(db, id)
    },

    /** The actor's own membership (the latest; an open one first). */
    mine (actor: Actor): repo.MembershipView | undefined {
      return repo.membershipOfUser(db, actor.id)
    },

    /** What the home card shows of it, in one read. */
    mineForCard (actor: Actor): repo.MembershipCard | undefined {
      return repo.membershipCardOf(db, actor.id)
    },

    meMembership (actor: Actor): MeMembership | null {
      const m = repo.membershipOfUser(db, actor.id)
      if (m === undefined) return null
      return { id: m.id, status: m.status, memberNo: m.memberNo, enterpriseId: m.enterpriseId, enterpriseName: m.enterpriseName, buildingId: m.buildingId, joinedOn: m.joinedOn, idMasked: m.idMasked }
    },

    lastTransferOf (membershipId: number): repo.TransferView | undefined {
      return repo.transfersOf(db, membershipId)[0]
    },

    /** The opaque token printed as the card's QR code: the id and an HMAC of it, so it cannot be guessed. */
    cardToken (membershipId: number): string {
      return `${membershipId.toString(36)}.${cardMac(membershipId)}`
    },

    /** The public check of a card: valid or not, with nothing that identifies the person. */
    verifyCard (token: string): { valid: boolean, status: string, maskedName: string, memberNo: string, federation: string } | null {
      const m = /^([0-9a-z]{1,10})\.([A-Za-z0-9_-]{24})$/.exec(token)
      if (m === null) return null
      const id = parseInt(m[1], 36)
      const expected = Buffer.from(cardMac(id))
      const given = Buffer.from(m[2])
      if (expected.length !== given.length || !timingSafeEqual(expected, given)) return null
      const row = repo.findMembership(db, id)
      if (row === undefined || row.memberNo === null) return null
      return {
        valid: row.status === 'active',
        status: row.status,
        maskedName: maskName(row.name),
        memberNo: row.memberNo,
        federation: row.federationName ?? row.buildingName
      }
    },

    // ---- rosters ----

    rosterFilter (actor: Actor, q: RosterSearch): repo.RosterFilter {
      const scope = scopeOf(actor)
      if (scope.enterpriseIds !== null && scope.enterpriseIds.length === 0 && (scope.buildingIds?.length ?? 0) === 0) throw forbidden()
      const typedId = service.idSearchHash(q.q)
      // A full ID number (typed, or its keyed hash from the page's POST search) matches by hash only.
      if (typedId !== undefined || q.idh !== undefined) return { ...scope, idHash: typedId ?? q.idh, status: q.status, enterpriseId: q.enterpriseId, buildingId: q.buildingId }
      return { ...scope, q: q.q, status: q.status, enterpriseId: q.enterpriseId, buildingId: q.buildingId }
    },

    /** The keyed hash of a search that is a full, valid resident ID number; else undefined. */
    idSearchHash (q: string | undefined): string | undefined {
      return q !== undefined && residentIdProblem(q, clock.today()) === null ? pii.hash(normaliseResidentId(q)) : undefined
    },

    roster (actor: Actor, q: RosterSearch, limit: number, offset: number) {
      return repo.searchRoster(db, service.rosterFilter(actor, q), limit, offset)
    },

    /** Audits the export (who, which filter, how many rows) and returns the rows to stream. */
    exportRoster (actor: Actor, q: RosterSearch): Iterable<repo.MembershipView> {
      const filter = service.rosterFilter(actor, q)
      const count = repo.countRoster(db, filter)
      // A search by ID number is recorded masked, never as the number or its hash.
      const idSearch = filter.idHash !== undefined
      const masked = !idSearch ? q.q : q.q !== undefined ? maskResidentId(normaliseResidentId(q.q)) : repo.maskedIdOf(db, filter.idHash!) ?? '(ID number)'
      db.transaction((tx) => {
        writeAudit(tx, clock.iso(), {
          actorUserId: actor.id, action: 'membership.export', entityType: 'membership', entityId: 'roster',
          after: { q: masked, status: q.status, enterpriseId: q.enterpriseId, buildingId: q.buildingId, rows: count }
        })
      })
      return repo.iterateRoster(db, filter)
    },

    pendingTransfersFor (actor: Actor): repo.TransferView[] {
      const s = scopeOf(actor)
      return repo.pendingTransfersInto(db, s.enterpriseIds, s.buildingIds).filter((t) => canReviewTransfer(actor, t))
    },

    pendingApplicationsCount (actor: Actor): number {
      const s = scopeOf(actor)
      if (s.enterpriseIds !== null && s.enterpriseIds.length === 0 && (s.buildingIds?.length ?? 0) === 0) return 0
      return repo.countRoster(db, { ...s, status: 'applied' })
    },

    enrolledEnterprises (buildingId?: number) {
      return repo.listEnrolledEnterprises(db, buildingId)
    },

    buildings () {
      return repo.listBuildings(db)
    },

    manageableEnterprises (actor: Actor) {
      const s = scopeOf(actor)
      return repo.manageableEnterprises(db, s.enterpriseIds ?? [], s.buildingIds)
    }
  }

  function canReviewTransfer (actor: Actor, t: repo.TransferView): boolean {
    return (t.toLiaisonUserId === actor.id && t.toStatus !== 'withdrawn') || canActForBuilding(actor, t.toBuildingId)
  }

  function checkTransferReviewer (actor: Actor, t: repo.TransferView): void {
    if (!canReviewTransfer(actor, t)) throw forbidden()
    // Nobody confirms their own move, nor one they asked for.
    if (t.memberUserId === actor.id || t.requestedBy === actor.id) throw forbidden('memberships.ownApplication')
  }

  return service
}

export type MembershipsService = ReturnType<typeof createMembershipsService>
