import { AppError, conflict, forbidden, notFound } from "../../lib/errors.js";
import { writeAudit } from "../audit/audit-repository.js";
import { CLAIM_DOCUMENTS_OPEN } from "../../domain/claim-lifecycle.js";
import * as repo from "./claims-repository.js";
import { loadVisible } from "./claim-access.js";
import { readDecrypted, removeStored, safeFileName, sha256, sniffFileType, storeEncrypted } from "./documents.js";
const MAX_DOCUMENTS = 20;
function attachmentUseCases({ db, clock, pii, uploadDir }) {
  return {
    /** Adds a document (by the claimant, while the claim is open). The bytes decide the type. */
    addDocument(actor, claimId, kind, originalName, bytes) {
      const c = loadVisible(db, actor, claimId);
      if (c.claim.userId !== actor.id) throw forbidden("claims.error.onlyClaimant");
      if (!CLAIM_DOCUMENTS_OPEN.includes(c.claim.status)) throw conflict("CLAIM_CLOSED", "claims.error.claimClosed");
      if (bytes.length === 0) throw new AppError(400, "INVALID_INPUT", "claims.doc.empty", {}, { file: "claims.doc.empty" });
      const type = sniffFileType(bytes);
      if (type === null) throw new AppError(400, "UNSUPPORTED_FILE_TYPE", "claims.doc.type", {}, { file: "claims.doc.type" });
      const at = clock.iso();
      const storagePath = storeEncrypted(uploadDir, pii, claimId, bytes);
      try {
        return db.transaction((tx) => {
          if (repo.listDocuments(tx, claimId).length >= MAX_DOCUMENTS) throw conflict("TOO_MANY_DOCUMENTS", "claims.error.tooManyDocuments");
          const doc = repo.insertDocument(tx, {
            claimId,
            kind,
            fileName: safeFileName(originalName, type, kind),
            mime: type.mime,
            size: bytes.length,
            sha256: sha256(bytes),
            storagePath,
            uploadedBy: actor.id,
            uploadedAt: at
          });
          writeAudit(tx, at, { actorUserId: actor.id, action: "claim.document.add", entityType: "aid_claim", entityId: claimId, after: { documentId: doc.id, kind, mime: doc.mime, size: doc.size } });
          return { id: doc.id, claimId, kind: doc.kind, fileName: doc.fileName, mime: doc.mime, size: doc.size, uploadedAt: doc.uploadedAt };
        });
      } catch (err) {
        removeStored(uploadDir, storagePath);
        throw err;
      }
    },
    /** A document's plain bytes, for the claimant and the claim's reviewers only. */
    readDocument(actor, claimId, docId) {
      loadVisible(db, actor, claimId);
      const doc = repo.findDocument(db, claimId, docId);
      if (doc === void 0) throw notFound();
      return { doc, bytes: readDecrypted(uploadDir, pii, doc.storagePath) };
    }
  };
}
export {
  attachmentUseCases
};
//# sourceMappingURL=attachments.js.map
