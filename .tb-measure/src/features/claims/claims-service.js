import { requireActor, requireStaffOrAdmin } from "../../lib/access.js";
import { submitUseCases } from "./submit.js";
import { attachmentUseCases } from "./attachments.js";
import { reviewUseCases } from "./review.js";
import { readingUseCases } from "./reading.js";
import { queueUseCases } from "./queue.js";
import { batchUseCases } from "./batches.js";
import { fundUseCases } from "./fund.js";
function createClaimsService(deps) {
  const submit = submitUseCases(deps);
  const attachments = attachmentUseCases(deps);
  const review = reviewUseCases(deps);
  const reading = readingUseCases(deps);
  const queue = queueUseCases(deps);
  const batches = batchUseCases(deps);
  const fund = fundUseCases(deps);
  const member = requireActor;
  const staff = requireStaffOrAdmin;
  return {
    submit: (a, input, idempotencyKey) => submit.submit(member(a), input, idempotencyKey),
    addDocument: (a, claimId, kind, originalName, bytes) => attachments.addDocument(member(a), claimId, kind, originalName, bytes),
    readDocument: (a, claimId, docId) => attachments.readDocument(member(a), claimId, docId),
    approve: (a, id) => review.approve(member(a), id),
    checkMayReview: (a, id) => {
      review.checkMayReview(member(a), id);
    },
    reject: (a, id, input) => review.reject(member(a), id, input),
    view: (a, id) => reading.view(member(a), id),
    list: (a, q) => reading.list(member(a), q),
    latestOwn: (a, n) => reading.latestOwn(member(a), n),
    reviewCounts: (a) => reading.reviewCounts(staff(a)),
    queue: (a, q) => queue.queue(staff(a), q),
    exportQueue: (a, q) => queue.exportQueue(staff(a), q),
    payable: (a) => batches.payable(staff(a)),
    listBatches: (a) => batches.listBatches(staff(a)),
    createBatch: (a, claimIds) => batches.createBatch(staff(a), claimIds),
    batch: (a, id) => batches.batch(staff(a), id),
    fund: (a) => fund.fund(staff(a))
  };
}
export {
  createClaimsService
};
//# sourceMappingURL=claims-service.js.map
