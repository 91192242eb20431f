// Claims use cases: submit (the automatic checks in their order), documents, review (approve,
// second approval, reject), payment batches and the fund overview. Every use case checks who
// may do it with an explicit actor, is one transaction, and writes its audit entry inside it.
//
// Access: a claim is visible to its claimant and to its reviewers (staff of the building the
// member's enterprise is in NOW, and admin). That building is the claim's building_id: set at
// submission, and moved by the database with the membership (a confirmed transfer). Anyone else gets 404, so a member never learns that
// someone else's claim exists. A reviewer who is the claimant gets 403 on review actions.
// The second approval by the same person is 403 SECOND_APPROVER_REQUIRED: the claim has not
// moved on (that would be 409); this person is simply not allowed to complete it.
import { eq } from 'drizzle-orm'
import type { Db, Tx } from '../../db/index.js'
import { aidPurchases } from '../../db/schema/index.js'
import type { Clock } from '../../lib/clock.js'
import type { Pii } from '../../lib/pii.js'
import { type Actor, canActForBuilding, requireActor, requireStaffOrAdmin, reviewableBuildings } from '../../lib/access.js'
import { AppError, badRequest, conflict, forbidden, notFound, ruleRefused } from '../../lib/errors.js'
import { hashRequest, withIdempotency, type StoredAnswer } from '../../lib/idempotency.js'
import { writeAudit, auditHistory } from '../audit/audit-repository.js'
import { getPlan } from '../aid/plans-repository.js'
import { firstFailedCheck } from '../../domain/claim-checks.js'
import { claimDeadline } from '../../domain/cover.js'
import { computeReimbursement, quoteShape, type Quote } from '../../domain/reimbursement.js'
import { addDays, yearOf } from '../../domain/dates.js'
import { fenToYuanString, formatFen } from '../../domain/money.js'
import type { PlanTerms } from '../../domain/aid-plan.js'
import { approvalAction, CLAIM_DOCUMENTS_OPEN, CLAIM_TRANSITIONS, claimTransition } from '../../domain/claim-lifecycle.js'
import { documentsMissing } from '../../domain/claim-documents.js'
import { accountToFreeze, maskAccountNo } from './payout-accounts.js'
import { decisionDates, isLate } from './decision-dates.js'
import type { Notifier } from '../notifications/notifier.js'
import * as repo from './claims-repository.js'
import * as batchRepo from './batch-repository.js'
import { loadForReview, loadVisible, nextState } from './claim-access.js'
import type { ClaimInput, RejectCode } from './claims-schemas.js'
import { type DocumentKind, readDecrypted, removeStored, safeFileName, sha256, sniffFileType, storeEncrypted } from './documents.js'

export const QUEUE_PAGE_SIZE = 50
export const API_PAGE_SIZE = 100
const MAX_DOCUMENTS = 20

export interface SubmitAnswer { id: number, status: 'submitted', estimate: Quote }

/** The breakdown kept with an approved claim: the quote plus the figures it was computed from. */
export interface Breakdown extends Quote {
  planYear: number
  shares: number
  paidThisYearFen: number
  perAdmissionCapFen: number
  annualCapFen: number
}

export interface QueueQuery { building?: number, status: string, from?: string, to?: string, page: number }

export const EXPORT_HEADER = ['报销单号 Claim ID', '提交时间 Submitted (UTC)', '状态 Status', '会员姓名 Member name', '会员号 Member number', '楼宇 Building', '企业 Enterprise',
  '入院 Admission', '出院 Discharge', '医院 Hospital', '发票号 Invoice', '总费用（元）Total', '医保支付（元）Insurance', '目录外（元）Excluded', '基数（元）Base',
  '预估（元）Estimate', '核定（元）Payable', '驳回原因 Reason']

export interface ServiceDeps { db: Db, clock: Clock, pii: Pii, uploadDir: string, notifier: Notifier }

function sharesOf (tx: Tx | Db, purchaseId: number): number {
  return tx.select({ shares: aidPurchases.shares }).from(aidPurchases).where(eq(aidPurchases.id, purchaseId)).get()?.shares ?? 1
}

function computeFor (claim: Pick<repo.ClaimRow, 'totalCostFen' | 'insurancePaidFen' | 'excludedFen'>, plan: PlanTerms, shares: number, paidThisYearFen: number, planYear: number): Breakdown {
  const r = computeReimbursement({
    totalCostFen: claim.totalCostFen, insurancePaidFen: claim.insurancePaidFen, excludedFen: claim.excludedFen, shares, paidThisYearFen
  }, plan)
  return {
    ...quoteShape(r),
    planYear,
    shares,
    paidThisYearFen,
    perAdmissionCapFen: plan.perAdmissionCapFen,
    annualCapFen: plan.annualCapPerShareFen * shares
  }
}

/** A Shanghai calendar date's first instant, as the ISO string stored in created_at. */
function shanghaiStartIso (date: string): string {
  return new Date(`${date}T00:00:00+08:00`).toISOString()
}

export function createClaimsService ({ db, clock, pii, uploadDir, notifier }: ServiceDeps) {
  function queueFilter (actorIn: Actor | null, q: QueueQuery) {
    const actor = requireStaffOrAdmin(actorIn)
    const scope = reviewableBuildings(actor)
    if (q.building !== undefined && !canActForBuilding(actor, q.building)) throw forbidden()
    const statuses: repo.ClaimStatus[] | undefined = q.status === 'all'
      ? undefined
      : q.status === 'open' ? ['submitted', 'awaiting_second_approval'] : [q.status as repo.ClaimStatus]
    const filter: repo.ClaimListFilter = {
      buildingIds: scope,
      buildingId: q.building,
      statuses,
      fromIso: q.from === undefined ? undefined : shanghaiStartIso(q.from),
      toIso: q.to === undefined ? undefined : shanghaiStartIso(addDays(q.to, 1)),
      exceptUserId: actor.id
    }
    return { actor, filter, statuses, scope }
  }

  /** A batch and its claims, for staff who may act for every claim in it. */
  function batchOf (actorIn: Actor | null, id: number) {
    const actor = requireStaffOrAdmin(actorIn)
    const batch = repo.findBatch(db, id)
    if (batch === undefined) throw notFound()
    const claims = repo.batchClaims(db, id)
    if (claims.some((c) => !canActForBuilding(actor, c.buildingId))) throw forbidden()
    return { actor, batch, claims }
  }

  return {
    /** POST a claim: schema already parsed; the automatic checks in their order, then stored. */
    submit (actorIn: Actor | null, input: ClaimInput, idempotencyKey: string): StoredAnswer<SubmitAnswer> {
      const actor = requireActor(actorIn)
      const today = clock.today()
      const at = clock.iso()
      return withIdempotency(db, actor.id, 'claim.submit', idempotencyKey, hashRequest(input), at, (tx) => {
        if (input.resubmissionOf !== undefined) {
          const earlier = repo.findClaim(tx, input.resubmissionOf)
          if (earlier === undefined || earlier.userId !== actor.id || earlier.status !== 'rejected') {
            throw badRequest({ resubmissionOf: 'claims.v.resubmission' })
          }
        }
        const planYear = yearOf(input.admissionDate)
        const everActiveMember = repo.everActiveMember(tx, actor.id)
        const found = everActiveMember ? repo.findPaidShare(tx, actor.id, planYear) : undefined
        const plan = found !== undefined ? getPlan(tx, planYear) : undefined
        const share = found !== undefined && plan !== undefined && found.paidOn !== null && found.coverFrom !== null
          ? { planYear, paidOn: found.paidOn, coverFrom: found.coverFrom, claimDeadlineDays: plan.claimDeadlineDays }
          : null
        const code = firstFailedCheck({
          today,
          admissionDate: input.admissionDate,
          dischargeDate: input.dischargeDate,
          totalCostFen: input.totalCostFen,
          insurancePaidFen: input.insurancePaidFen,
          excludedFen: input.excludedFen,
          everActiveMember,
          share,
          invoiceAlreadyClaimed: found !== undefined && repo.invoiceClaimed(tx, actor.id, found.membershipId, input.invoiceNo)
        })
        if (code !== null) {
          // Only the facts there are: with no paid share the message says so instead of a blank.
          const params: Record<string, string> = {
            year: String(planYear),
            total: formatFen(input.totalCostFen),
            parts: formatFen(input.insurancePaidFen + input.excludedFen)
          }
          if (share !== null) {
            params.paidOn = share.paidOn
            params.coverFrom = share.coverFrom
            params.deadline = claimDeadline(planYear, input.dischargeDate, share.claimDeadlineDays)
          }
          const noShare = code === 'NOT_COVERED' && share === null
          throw ruleRefused(code, `claims.refusal.${code}${noShare ? '_NO_SHARE' : ''}`, params)
        }
        // All checks passed, so there is a share and a plan.
        const shares = found!.shares
        const before = repo.paidThisYear(tx, found!.membershipId, planYear)
        const estimate = quoteShape(computeReimbursement({ ...input, shares, paidThisYearFen: before }, plan!))
        const claim = repo.insertClaim(tx, {
          membershipId: found!.membershipId,
          userId: actor.id,
          buildingId: found!.buildingId,
          purchaseId: found!.purchaseId,
          planYear,
          admissionDate: input.admissionDate,
          dischargeDate: input.dischargeDate,
          hospital: input.hospital,
          invoiceNo: input.invoiceNo,
          totalCostFen: input.totalCostFen,
          insurancePaidFen: input.insurancePaidFen,
          excludedFen: input.excludedFen,
          baseFen: estimate.baseFen,
          estimate: JSON.stringify(estimate),
          status: 'submitted',
          resubmissionOf: input.resubmissionOf ?? null,
          consentAt: at,
          createdAt: at,
          updatedAt: at
        })
        writeAudit(tx, at, {
          actorUserId: actor.id,
          action: input.resubmissionOf === undefined ? 'claim.submit' : 'claim.resubmit',
          entityType: 'aid_claim',
          entityId: claim.id,
          after: { status: 'submitted', invoiceNo: claim.invoiceNo, totalCostFen: claim.totalCostFen, estimateFen: estimate.payableFen, resubmissionOf: claim.resubmissionOf }
        })
        return { statusCode: 201, body: { id: claim.id, status: 'submitted' as const, estimate } }
      })
    },

    /** Adds a document (by the claimant, while the claim is open). The bytes decide the type. */
    addDocument (actorIn: Actor | null, claimId: number, kind: DocumentKind, originalName: string | undefined, bytes: Buffer) {
      const actor = requireActor(actorIn)
      const c = loadVisible(db, actor, claimId)
      if (c.claim.userId !== actor.id) throw forbidden('claims.error.onlyClaimant')
      if (!CLAIM_DOCUMENTS_OPEN.includes(c.claim.status)) throw conflict('CLAIM_CLOSED', 'claims.error.claimClosed')
      if (bytes.length === 0) throw new AppError(400, 'INVALID_INPUT', 'claims.doc.empty', {}, { file: 'claims.doc.empty' })
      const type = sniffFileType(bytes)
      if (type === null) throw new AppError(400, 'UNSUPPORTED_FILE_TYPE', 'claims.doc.type', {}, { file: 'claims.doc.type' })
      const at = clock.iso()
      const storagePath = storeEncrypted(uploadDir, pii, claimId, bytes)
      try {
        return db.transaction((tx) => {
          if (repo.listDocuments(tx, claimId).length >= MAX_DOCUMENTS) throw conflict('TOO_MANY_DOCUMENTS', 'claims.error.tooManyDocuments')
          const doc = repo.insertDocument(tx, {
            claimId, kind, fileName: safeFileName(originalName, type, kind), mime: type.mime, size: bytes.length,
            sha256: sha256(bytes), storagePath, uploadedBy: actor.id, uploadedAt: at
          })
          writeAudit(tx, at, { actorUserId: actor.id, action: 'claim.document.add', entityType: 'aid_claim', entityId: claimId, after: { documentId: doc.id, kind, mime: doc.mime, size: doc.size } })
          return { id: doc.id, claimId, kind: doc.kind, fileName: doc.fileName, mime: doc.mime, size: doc.size, uploadedAt: doc.uploadedAt }
        }, { behavior: 'immediate' })
      } catch (err) {
        removeStored(uploadDir, storagePath)
        throw err
      }
    },

    /** A document's plain bytes, for the claimant and the claim's reviewers only. */
    readDocument (actorIn: Actor | null, claimId: number, docId: number) {
      const actor = requireActor(actorIn)
      loadVisible(db, actor, claimId)
      const doc = repo.findDocument(db, claimId, docId)
      if (doc === undefined) throw notFound()
      return { doc, bytes: readDecrypted(uploadDir, pii, doc.storagePath) }
    },

    /**
     * Approves: the amount is computed against the member's approved and paid claims of the
     * plan year, leaving this claim out. Read and write are in one synchronous SQLite
     * transaction (no await in between), so parallel approvals are serialised and never pay
     * more than the annual cap together.
     */
    approve (actorIn: Actor | null, id: number): { status: 'approved' | 'awaiting_second_approval', payableFen: number } {
      const actor = requireActor(actorIn)
      const at = clock.iso()
      return notifier.afterCommit(db.transaction((tx) => {
        const { claim } = loadForReview(tx, actor, id)
        if (claim.status !== 'submitted' && claim.status !== 'awaiting_second_approval') throw conflict('STATE_CHANGED', 'error.stateChanged')
        if (claim.status === 'awaiting_second_approval' && claim.firstApprovedBy === actor.id) {
          throw new AppError(403, 'SECOND_APPROVER_REQUIRED', 'claims.error.secondApprover')
        }
        const plan = getPlan(tx, claim.planYear)
        if (plan === undefined) throw new Error(`no plan for ${claim.planYear}`)
        // The rules after who may act and the state, in the contract's order.
        const missing = documentsMissing(plan.requiredDocuments, repo.listDocuments(tx, id).map((d) => d.kind))
        if (missing.length > 0) throw ruleRefused('DOCUMENTS_MISSING', 'claims.error.documentsMissing', { count: missing.length })
        const account = accountToFreeze(tx, claim.userId)
        if (account === undefined) throw ruleRefused('PAYOUT_ACCOUNT_MISSING', 'claims.error.payoutAccountMissing')
        const before = repo.paidThisYear(tx, claim.membershipId, claim.planYear, claim.id)
        const breakdown = computeFor(claim, plan, sharesOf(tx, claim.purchaseId), before, claim.planYear)
        const action = approvalAction(claim.status, breakdown.payableFen, plan)
        if (action === null) throw conflict('STATE_CHANGED', 'error.stateChanged')
        const needsSecond = action === 'approveFirst'
        const status = CLAIM_TRANSITIONS[action].to as 'approved' | 'awaiting_second_approval'
        const patch = needsSecond
          ? { status, firstApprovedBy: actor.id, firstApprovedAt: at }
          : { status, approvedBy: actor.id, approvedAt: at, ...account }
        const moved = repo.moveClaim(tx, id, [claim.status], {
          ...patch, payableFen: breakdown.payableFen, limitedBy: breakdown.limitedBy, breakdown: JSON.stringify(breakdown), updatedAt: at
        })
        if (!moved) throw conflict('STATE_CHANGED', 'error.stateChanged')
        writeAudit(tx, at, {
          actorUserId: actor.id,
          action: needsSecond ? 'claim.approve.first' : 'claim.approve',
          entityType: 'aid_claim',
          entityId: id,
          before: { status: claim.status },
          after: { status, payableFen: breakdown.payableFen, limitedBy: breakdown.limitedBy, paidThisYearFen: before }
        })
        const sms = needsSecond
          ? []
          : notifier.notify(tx, at, { userId: claim.userId, kind: 'claim.approved', params: { id, amount: fenToYuanString(breakdown.payableFen) }, subject: `aid_claim:${id}` })
        return { answer: { status, payableFen: breakdown.payableFen }, sms }
      }, { behavior: 'immediate' }))
    },

    /** Lets a door refuse someone who may not review this claim before it reads their input. */
    checkMayReview (actorIn: Actor | null, id: number): void {
      loadForReview(db, requireActor(actorIn), id)
    },

    reject (actorIn: Actor | null, id: number, input: { reasonCode: RejectCode, note?: string }): { status: 'rejected' } {
      const actor = requireActor(actorIn)
      const at = clock.iso()
      return notifier.afterCommit(db.transaction((tx) => {
        const c = loadForReview(tx, actor, id)
        const { claim } = c
        nextState(actor, c, 'reject')
        const moved = repo.moveClaim(tx, id, [claim.status], {
          status: 'rejected', rejectedBy: actor.id, rejectedAt: at, reasonCode: input.reasonCode, reasonNote: input.note ?? null, updatedAt: at
        })
        if (!moved) throw conflict('STATE_CHANGED', 'error.stateChanged')
        writeAudit(tx, at, {
          actorUserId: actor.id, action: 'claim.reject', entityType: 'aid_claim', entityId: id,
          before: { status: claim.status }, after: { status: 'rejected', reasonCode: input.reasonCode }, note: input.note
        })
        const sms = notifier.notify(tx, at, { userId: claim.userId, kind: 'claim.rejected', params: { id, note: input.note ?? '' }, subject: `aid_claim:${id}` })
        return { answer: { status: 'rejected' as const }, sms }
      }, { behavior: 'immediate' }))
    },

    /** One claim with its documents, breakdown and history (claimant and reviewers). */
    view (actorIn: Actor | null, id: number) {
      const actor = requireActor(actorIn)
      const c = loadVisible(db, actor, id)
      const claim = c.claim
      const documents = repo.listDocuments(db, id)
      const entries = auditHistory(db, 'aid_claim', id)
      const names = repo.userNames(db, entries.map((e) => e.actorUserId).filter((x): x is number => x !== null))
      const history = entries.map((e) => {
        const after = e.after === null ? {} : JSON.parse(e.after) as Record<string, unknown>
        return { at: e.at, action: e.action, actorUserId: e.actorUserId, actorName: e.actorUserId === null ? null : names.get(e.actorUserId) ?? null, status: (after.status as string | undefined) ?? null, note: e.note }
      })
      const batch = claim.paymentBatchId === null ? undefined : repo.findBatch(db, claim.paymentBatchId)
      const plan = getPlan(db, claim.planYear)
      const required = plan?.requiredDocuments ?? []
      const missing = documentsMissing(required, documents.map((d) => d.kind))
      const expectedDecisionBy = decisionDates(db, claim.createdAt).expectedBy(claim.createdAt, claim.planYear)
      const isClaimant = claim.userId === actor.id
      const isReviewer = !isClaimant && canActForBuilding(actor, c.buildingId)
      return {
        id: claim.id,
        status: claim.status,
        planYear: claim.planYear,
        membershipId: claim.membershipId,
        memberName: c.memberName,
        memberNo: c.memberNo,
        enterpriseName: c.enterpriseName,
        buildingId: c.buildingId,
        buildingName: c.buildingName,
        federationName: c.federationName,
        admissionDate: claim.admissionDate,
        dischargeDate: claim.dischargeDate,
        hospital: claim.hospital,
        invoiceNo: claim.invoiceNo,
        totalCostFen: claim.totalCostFen,
        insurancePaidFen: claim.insurancePaidFen,
        excludedFen: claim.excludedFen,
        baseFen: claim.baseFen,
        estimate: JSON.parse(claim.estimate) as Quote,
        payableFen: claim.payableFen,
        limitedBy: claim.limitedBy,
        breakdown: claim.breakdown === null ? null : JSON.parse(claim.breakdown) as Breakdown,
        reasonCode: claim.reasonCode,
        reasonNote: claim.reasonNote,
        resubmissionOf: claim.resubmissionOf,
        firstApprovedBy: claim.firstApprovedBy,
        firstApprovedAt: claim.firstApprovedAt,
        approvedAt: claim.approvedAt,
        rejectedAt: claim.rejectedAt,
        paymentBatchId: claim.paymentBatchId,
        bankReference: batch?.bankReference ?? null,
        paidAt: claim.paidAt,
        createdAt: claim.createdAt,
        deadline: claimDeadline(claim.planYear, claim.dischargeDate, plan?.claimDeadlineDays ?? 90),
        requiredDocuments: required,
        documentsMissing: missing,
        expectedDecisionBy,
        late: isLate(claim.status, expectedDecisionBy, clock.today()),
        payoutAccount: claim.payoutAccountLast4 === null
          ? null
          : { bankName: claim.payoutBankName, accountNo: maskAccountNo(claim.payoutAccountLast4), accountName: claim.payoutAccountName },
        documents: documents.map((d) => ({ id: d.id, kind: d.kind, fileName: d.fileName, mime: d.mime, size: d.size, uploadedAt: d.uploadedAt })),
        history,
        viewer: {
          isClaimant,
          isReviewer,
          canDecide: isReviewer && (claim.status === 'submitted' || (claim.status === 'awaiting_second_approval' && claim.firstApprovedBy !== actor.id)),
          canReturn: isReviewer && claimTransition('returnForDocuments', claim.status) !== null,
          canReject: isReviewer && claimTransition('reject', claim.status) !== null,
          canUpload: isClaimant && CLAIM_DOCUMENTS_OPEN.includes(claim.status),
          canResubmit: isClaimant && claim.status === 'needs_documents'
        }
      }
    },

    /** GET /claims: own claims; staff and admin get those they may review (mine: their own). */
    list (actorIn: Actor | null, q: { mine: boolean, status?: repo.ClaimStatus, page: number }) {
      const actor = requireActor(actorIn)
      const reviewer = (actor.isStaff || actor.isAdmin) && !q.mine
      const filter: repo.ClaimListFilter = reviewer
        ? { buildingIds: reviewableBuildings(actor), exceptUserId: actor.id, statuses: q.status === undefined ? undefined : [q.status] }
        : { buildingIds: null, userId: actor.id, statuses: q.status === undefined ? undefined : [q.status] }
      const counts = repo.countByStatus(db, filter)
      const total = q.status === undefined ? Object.values(counts).reduce((a, b) => a + b, 0) : counts[q.status]
      const items = repo.listClaims(db, filter, API_PAGE_SIZE, (q.page - 1) * API_PAGE_SIZE, { newestFirst: !reviewer })
      return { items, page: q.page, pages: Math.max(1, Math.ceil(total / API_PAGE_SIZE)), total, counts }
    },

    /** The home card: the member's newest claims and how many they have. */
    latestOwn (actorIn: Actor | null, n: number) {
      return repo.latestOwnClaims(db, requireActor(actorIn).id, n)
    },

    /** How many claims per status the reviewer's buildings hold (their own left out): no rows read. */
    reviewCounts (actorIn: Actor | null): Record<repo.ClaimStatus, number> {
      const actor = requireStaffOrAdmin(actorIn)
      return repo.countByStatus(db, { buildingIds: reviewableBuildings(actor), exceptUserId: actor.id })
    },

    /** The review queue: filtered, oldest first, counts per status, 50 a page. */
    queue (actorIn: Actor | null, q: QueueQuery) {
      const { filter, statuses, scope } = queueFilter(actorIn, q)
      const counts = repo.countByStatus(db, filter)
      const total = statuses === undefined ? Object.values(counts).reduce((a, b) => a + b, 0) : statuses.reduce((a, s) => a + counts[s], 0)
      const pages = Math.max(1, Math.ceil(total / QUEUE_PAGE_SIZE))
      const listed = repo.listClaims(db, filter, QUEUE_PAGE_SIZE, (q.page - 1) * QUEUE_PAGE_SIZE)
      // The promised decision date of each claim on the page (one calendar read for the page).
      const dates = decisionDates(db, listed.reduce<string | undefined>((a, r) => (a === undefined || r.createdAt < a ? r.createdAt : a), undefined))
      const today = clock.today()
      const rows = listed.map((r) => {
        const expectedBy = dates.expectedBy(r.createdAt, r.planYear)
        return { ...r, expectedBy, late: isLate(r.status, expectedBy, today) }
      })
      return { rows, counts, total, pages, buildings: repo.buildingsIn(db, scope) }
    },

    /**
     * The queue's claims as CSV rows, read in chunks of 2,000 by id (so memory stays flat and the
     * connection is free between chunks for other requests). The export is audited.
     */
    exportQueue (actorIn: Actor | null, q: QueueQuery) {
      const { actor, filter } = queueFilter(actorIn, q)
      const at = clock.iso()
      db.transaction((tx) => writeAudit(tx, at, { actorUserId: actor.id, action: 'claims.export', entityType: 'aid_claim', entityId: '*', after: { building: q.building ?? null, status: q.status, from: q.from ?? null, to: q.to ?? null } }))
      function * rows (): Generator<Array<string | number | null>> {
        let after = 0
        for (;;) {
          const chunk = repo.claimsAfter(db, filter, after, 2000)
          for (const c of chunk) {
            yield [c.id, c.createdAt, c.status, c.memberName, c.memberNo, c.buildingName, c.enterpriseName, c.admissionDate, c.dischargeDate,
              c.hospital, c.invoiceNo, fenToYuanString(c.totalCostFen), fenToYuanString(c.insurancePaidFen), fenToYuanString(c.excludedFen),
              fenToYuanString(c.baseFen), fenToYuanString(c.estimateFen), c.payableFen === null ? null : fenToYuanString(c.payableFen), c.reasonCode]
          }
          if (chunk.length < 2000) return
          after = chunk[chunk.length - 1].id
        }
      }
      return rows()
    },

    // ---- payment ----

    /** Approved claims ready for a batch, in the actor's buildings, not their own. */
    payable (actorIn: Actor | null) {
      const actor = requireStaffOrAdmin(actorIn)
      return repo.payableClaims(db, reviewableBuildings(actor), actor.id)
    },

    listBatches (actorIn: Actor | null) {
      const actor = requireStaffOrAdmin(actorIn)
      return repo.listBatches(db, reviewableBuildings(actor))
    },

    /** Puts approved claims (these, or all that are ready) into a new batch. */
    createBatch (actorIn: Actor | null, claimIds?: number[]) {
      const actor = requireStaffOrAdmin(actorIn)
      const at = clock.iso()
      return db.transaction((tx) => {
        const found = repo.payableClaims(tx, reviewableBuildings(actor), actor.id, claimIds)
        // Claims approved before payout accounts existed take the member's account on file now;
        // one whose member has none cannot be paid yet.
        batchRepo.freezeMissingAccounts(tx, found.map((c) => c.id))
        const noAccount = new Set(batchRepo.claimsWithoutAccount(tx, found.map((c) => c.id)))
        const ready = found.filter((c) => !noAccount.has(c.id))
        if (claimIds !== undefined && ready.length !== new Set(claimIds).size) throw conflict('CLAIMS_NOT_PAYABLE', 'claims.error.notPayable')
        if (ready.length === 0) throw ruleRefused('NOTHING_TO_PAY', 'claims.error.nothingToPay')
        const totalFen = ready.reduce((a, c) => a + c.payableFen, 0)
        const batch = repo.insertBatch(tx, { status: 'open', createdBy: actor.id, createdAt: at, totalFen, claimCount: ready.length })
        if (repo.attachToBatch(tx, batch.id, ready.map((c) => c.id)) !== ready.length) throw conflict('STATE_CHANGED', 'error.stateChanged')
        writeAudit(tx, at, { actorUserId: actor.id, action: 'batch.create', entityType: 'aid_payment_batch', entityId: batch.id, after: { claimIds: ready.map((c) => c.id), totalFen } })
        for (const c of ready) writeAudit(tx, at, { actorUserId: actor.id, action: 'claim.batch', entityType: 'aid_claim', entityId: c.id, after: { paymentBatchId: batch.id } })
        return { id: batch.id, status: batch.status, claimCount: ready.length, totalFen }
      }, { behavior: 'immediate' })
    },

    batch: batchOf,

    // ---- the fund ----

    /** Shares sold, income, claims by status, monthly amounts and a reconciliation per plan year. */
    fund (actorIn: Actor | null) {
      const actor = requireStaffOrAdmin(actorIn)
      const scope = reviewableBuildings(actor)
      // Every building (admin): the figures kept current by triggers, a few rows whatever the
      // city's size and never stale (written in the same transaction as each change). A staff
      // member's buildings: aggregated from their claims.
      const income = scope === null ? batchRepo.incomeFigures(db) : repo.incomeByYear(db, scope)
      const claimRows = scope === null ? batchRepo.claimFigures(db) : repo.claimsByYearStatus(db, scope)
      const paid = batchRepo.paidTwoWays(db, scope)
      const batchesMatch = paid.batchesFen === paid.claimsFen
      const years = [...new Set([...income.map((i) => i.planYear), ...claimRows.map((c) => c.planYear)])].sort()
      const byStatus = Object.fromEntries(repo.CLAIM_STATUSES.map((s) => [s, { count: 0, amountFen: 0 }])) as Record<repo.ClaimStatus, { count: number, amountFen: number }>
      for (const r of claimRows) { byStatus[r.status].count += r.n; byStatus[r.status].amountFen += r.amountFen }
      const reconciliation = years.map((year) => {
        const inc = income.find((i) => i.planYear === year)
        const sum = (status: repo.ClaimStatus): number => claimRows.filter((c) => c.planYear === year && c.status === status).reduce((a, c) => a + c.amountFen, 0)
        const incomeFen = inc?.incomeFen ?? 0
        const payoutsFen = sum('paid')
        const approvedUnpaidFen = sum('approved')
        const awaitingFen = sum('awaiting_second_approval')
        const liabilitiesFen = approvedUnpaidFen + awaitingFen
        const balanceFen = incomeFen - payoutsFen - liabilitiesFen
        return {
          planYear: year, shares: inc?.shares ?? 0, purchases: inc?.purchases ?? 0, incomeFen, payoutsFen, approvedUnpaidFen, awaitingFen,
          liabilitiesFen,
          balanceFen,
          submittedEstimateFen: sum('submitted') + sum('needs_documents'),
          addsUp: payoutsFen + liabilitiesFen + balanceFen === incomeFen && batchesMatch,
          // Balanced only when the figures add up (paid claims = paid batches) and nothing is owed beyond income.
          state: !batchesMatch ? 'mismatch' as const : balanceFen < 0 ? 'deficit' as const : 'balanced' as const,
          deficitFen: balanceFen < 0 ? -balanceFen : 0
        }
      })
      // The last twelve months, the current one included.
      const today = clock.today()
      const months: string[] = []
      let y = Number(today.slice(0, 4)); let m = Number(today.slice(5, 7))
      for (let i = 0; i < 12; i++) { months.unshift(`${y}-${String(m).padStart(2, '0')}`); m--; if (m === 0) { m = 12; y-- } }
      const per = repo.amountsPerMonth(db, scope, months[0])
      const monthly = months.map((month) => ({
        month,
        approvedFen: per.approved.find((a) => a.month === month)?.amountFen ?? 0,
        paidFen: per.paid.find((p) => p.month === month)?.amountFen ?? 0
      }))
      return {
        sharesSold: income.reduce((a, i) => a + i.shares, 0),
        incomeFen: income.reduce((a, i) => a + i.incomeFen, 0),
        claimsByStatus: byStatus,
        monthly,
        reconciliation,
        paidByBatchesFen: paid.batchesFen,
        paidByClaimsFen: paid.claimsFen
      }
    }
  }
}

export type ClaimsService = ReturnType<typeof createClaimsService>
export type ClaimView = ReturnType<ClaimsService['view']>

/** Used by tests and the seed: the same computation the approval uses. */
export { computeFor }
