// The claims capability's use cases, assembled once per app: each file owns one part (submit,
// attachments, review, reading, queue, batches, fund); pages and the JSON API share them.
// Every use case checks who may do it with an explicit, resolved actor, is one transaction, and
// writes its audit entry inside it. The facade resolves the actor first (401 without one; 403
// for staff-only use cases), so the doors keep passing the request's actor as they are.
//
// Access: a claim is visible to its claimant and to its reviewers (staff of the building the
// member's enterprise is in NOW, and admin). That building is the claim's building_id: set at
// submission, and moved by the database with the membership (a confirmed transfer). Anyone else
// gets 404, so a member never learns that someone else's claim exists. A reviewer who is the
// claimant gets 403 on review actions.
import { type Actor, requireActor, requireStaffOrAdmin } from '../../lib/access.js'
import type { ClaimInput, RejectCode } from './claims-schemas.js'
import type { DocumentKind } from './documents.js'
import type { ClaimStatus } from './claims-repository.js'
import type { ClaimsDeps } from './deps.js'
import { submitUseCases } from './submit.js'
import { attachmentUseCases } from './attachments.js'
import { reviewUseCases } from './review.js'
import { readingUseCases } from './reading.js'
import { queueUseCases, type QueueQuery } from './queue.js'
import { batchUseCases } from './batches.js'
import { fundUseCases } from './fund.js'

type Who = Actor | null

export function createClaimsService (deps: ClaimsDeps) {
  const submit = submitUseCases(deps)
  const attachments = attachmentUseCases(deps)
  const review = reviewUseCases(deps)
  const reading = readingUseCases(deps)
  const queue = queueUseCases(deps)
  const batches = batchUseCases(deps)
  const fund = fundUseCases(deps)
  const member = requireActor
  const staff = requireStaffOrAdmin
  return {
    submit: (a: Who, input: ClaimInput, idempotencyKey: string) => submit.submit(member(a), input, idempotencyKey),
    addDocument: (a: Who, claimId: number, kind: DocumentKind, originalName: string | undefined, bytes: Buffer) =>
      attachments.addDocument(member(a), claimId, kind, originalName, bytes),
    readDocument: (a: Who, claimId: number, docId: number) => attachments.readDocument(member(a), claimId, docId),
    approve: (a: Who, id: number) => review.approve(member(a), id),
    checkMayReview: (a: Who, id: number) => { review.checkMayReview(member(a), id) },
    reject: (a: Who, id: number, input: { reasonCode: RejectCode, note?: string }) => review.reject(member(a), id, input),
    view: (a: Who, id: number) => reading.view(member(a), id),
    list: (a: Who, q: { mine: boolean, status?: ClaimStatus, page: number }) => reading.list(member(a), q),
    latestOwn: (a: Who, n: number) => reading.latestOwn(member(a), n),
    reviewCounts: (a: Who) => reading.reviewCounts(staff(a)),
    queue: (a: Who, q: QueueQuery) => queue.queue(staff(a), q),
    exportQueue: (a: Who, q: QueueQuery) => queue.exportQueue(staff(a), q),
    payable: (a: Who) => batches.payable(staff(a)),
    listBatches: (a: Who) => batches.listBatches(staff(a)),
    createBatch: (a: Who, claimIds?: number[]) => batches.createBatch(staff(a), claimIds),
    batch: (a: Who, id: number) => batches.batch(staff(a), id),
    fund: (a: Who) => fund.fund(staff(a))
  }
}

export type ClaimsService = ReturnType<typeof createClaimsService>
export type ClaimView = ReturnType<ClaimsService['view']>
