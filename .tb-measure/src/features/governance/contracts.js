import { notFound, ruleRefused, badRequest, AppError, stateChanged } from "../../lib/errors.js";
import { canTake, contractStatusOn, effectiveOn, expiringFrom, filingDueOn, isLateFiling, termEndsOn } from "../../domain/collective-contract.js";
import { writeAudit } from "../audit/audit-repository.js";
import { readDecrypted, safeFileName, sha256, sniffFileType, storeEncrypted } from "../claims/documents.js";
import * as repo from "./contracts-repository.js";
import { requireBuildingManager, requireBuildingReader } from "./access.js";
function contractUseCases({ db, clock, pii, uploadDir }) {
  function contractFor(actor, id, manage) {
    const c = repo.findContract(db, id);
    if (c === void 0) throw notFound();
    if (manage) requireBuildingManager(db, actor, c.buildingId);
    else requireBuildingReader(db, actor, c.buildingId);
    return c;
  }
  function requireStep(c, step) {
    if (!canTake(step, contractStatusOn(c, clock.today()))) throw stateChanged();
  }
  function storeText(contractId, text) {
    const bytes = Buffer.from(text, "utf8");
    return { textPath: storeEncrypted(uploadDir, pii, contractId, bytes, "contracts"), textSha256: sha256(bytes) };
  }
  function checkScope(buildingId, input) {
    if (input.enterpriseId !== void 0 && repo.findEnterprise(db, input.enterpriseId)?.buildingId !== buildingId) throw badRequest({ enterpriseId: "governance.v.unknownEnterprise" });
    if (input.roundId !== void 0 && repo.findRound(db, input.roundId)?.buildingId !== buildingId) throw badRequest({ roundId: "governance.v.unknownRound" });
  }
  return {
    contractFor,
    draft(actor, buildingId, input) {
      requireBuildingManager(db, actor, buildingId);
      checkScope(buildingId, input);
      return db.transaction((tx) => {
        const at = clock.iso();
        const c = repo.insertContract(tx, {
          buildingId,
          enterpriseId: input.enterpriseId ?? null,
          roundId: input.roundId ?? null,
          title: input.title,
          kind: input.kind,
          termYears: input.termYears,
          stage: "draft",
          createdBy: actor.id,
          createdAt: at,
          updatedAt: at
        });
        const stored = storeText(c.id, input.text);
        repo.setContractFile(tx, c.id, stored);
        writeAudit(tx, at, { actorUserId: actor.id, action: "contract.draft", entityType: "collective_contract", entityId: c.id, after: { title: input.title, kind: input.kind, termYears: input.termYears, textSha256: stored.textSha256 } });
        return { ...c, ...stored };
      });
    },
    /** Called inside the transaction that closes a passed motion: its draft is adopted. */
    adoptByMotion(tx, contractId, motionId, actorId, at) {
      if (!repo.moveContract(tx, contractId, "draft", { stage: "adopted", motionId, updatedAt: at })) return;
      writeAudit(tx, at, { actorUserId: actorId, action: "contract.adopt", entityType: "collective_contract", entityId: contractId, before: { stage: "draft" }, after: { stage: "adopted", motionId } });
    },
    /** A draft of the building that a collective-contract motion may adopt; 400 otherwise. */
    assertDraftOf(buildingId, contractId) {
      const c = repo.findContract(db, contractId);
      if (c === void 0 || c.buildingId !== buildingId || c.stage !== "draft") throw badRequest({ contractId: "governance.v.notADraft" });
    },
    drafts(buildingId) {
      return repo.contractsOf(db, buildingId).filter((c) => c.stage === "draft");
    },
    sign(actor, id, input) {
      const c = contractFor(actor, id, true);
      requireStep(c, "sign");
      if (input.signedOn > clock.today()) throw badRequest({ signedOn: "v.dateFuture" });
      db.transaction((tx) => {
        const at = clock.iso();
        if (!repo.moveContract(tx, id, "adopted", { stage: "signed", ...input, updatedAt: at })) throw stateChanged();
        writeAudit(tx, at, { actorUserId: actor.id, action: "contract.sign", entityType: "collective_contract", entityId: id, before: { stage: "adopted" }, after: { stage: "signed", ...input } });
      });
    },
    file(actor, id, filedOn) {
      const c = contractFor(actor, id, true);
      requireStep(c, "file");
      if (filedOn > clock.today()) throw badRequest({ filedOn: "v.dateFuture" });
      if (filedOn < c.signedOn) throw badRequest({ filedOn: "governance.v.beforeSigning" });
      const late = isLateFiling(c.signedOn, filedOn);
      db.transaction((tx) => {
        const at = clock.iso();
        if (!repo.moveContract(tx, id, "signed", { stage: "filed", filedOn, filedLate: late, updatedAt: at })) throw stateChanged();
        writeAudit(tx, at, { actorUserId: actor.id, action: "contract.file", entityType: "collective_contract", entityId: id, before: { stage: "signed" }, after: { stage: "filed", filedOn, late, dueOn: filingDueOn(c.signedOn) } });
      });
      return { late };
    },
    approve(actor, id, approvedOn) {
      const c = contractFor(actor, id, true);
      requireStep(c, "approve");
      if (approvedOn > clock.today()) throw badRequest({ approvedOn: "v.dateFuture" });
      if (approvedOn < c.filedOn) throw badRequest({ approvedOn: "governance.v.beforeFiling" });
      if (c.approvedOn !== null) throw stateChanged();
      db.transaction((tx) => {
        const at = clock.iso();
        if (!repo.moveContract(tx, id, "filed", { approvedOn, updatedAt: at })) throw stateChanged();
        writeAudit(tx, at, { actorUserId: actor.id, action: "contract.approve", entityType: "collective_contract", entityId: id, after: { approvedOn } });
      });
    },
    /** Renewal: a new draft with the same text; this contract is marked renewed. */
    renew(actor, id) {
      const c = contractFor(actor, id, true);
      requireStep(c, "renew");
      const text = c.textPath === null ? "" : readDecrypted(uploadDir, pii, c.textPath).toString("utf8");
      return db.transaction((tx) => {
        const at = clock.iso();
        const next = repo.insertContract(tx, {
          buildingId: c.buildingId,
          enterpriseId: c.enterpriseId,
          title: c.title,
          kind: c.kind,
          termYears: c.termYears,
          stage: "draft",
          createdBy: actor.id,
          createdAt: at,
          updatedAt: at
        });
        repo.setContractFile(tx, next.id, storeText(next.id, text));
        if (!repo.moveContract(tx, id, "filed", { stage: "renewed", renewedById: next.id, updatedAt: at })) throw stateChanged();
        writeAudit(tx, at, { actorUserId: actor.id, action: "contract.renew", entityType: "collective_contract", entityId: id, before: { stage: "filed" }, after: { stage: "renewed", renewedById: next.id } });
        return next;
      });
    },
    /** The signed scan (PDF, JPEG or PNG, recognised by its bytes), stored encrypted. */
    attachScan(actor, id, originalName, bytes) {
      const c = contractFor(actor, id, true);
      if (c.stage === "draft" || c.stage === "adopted") throw ruleRefused("NOT_SIGNED", "governance.error.notSigned");
      const type = sniffFileType(bytes);
      if (type === null) throw new AppError(400, "INVALID_INPUT", "claims.doc.type", {}, { file: "claims.doc.type" });
      const scanPath = storeEncrypted(uploadDir, pii, id, bytes, "contracts");
      db.transaction((tx) => {
        const at = clock.iso();
        repo.setContractFile(tx, id, { scanPath, scanName: safeFileName(originalName, type, "scan"), scanMime: type.mime, updatedAt: at });
        writeAudit(tx, at, { actorUserId: actor.id, action: "contract.scan", entityType: "collective_contract", entityId: id, after: { sha256: sha256(bytes), mime: type.mime, size: bytes.length } });
      });
    },
    /** The text or the scan, decrypted, for those who may read the contract. */
    readFile(actor, id, which) {
      const c = contractFor(actor, id, false);
      const path = which === "text" ? c.textPath : c.scanPath;
      if (path === null) throw notFound();
      const bytes = readDecrypted(uploadDir, pii, path);
      return which === "text" ? { fileName: `${c.title}.txt`, mime: "text/plain; charset=utf-8", bytes } : { fileName: c.scanName ?? "scan", mime: c.scanMime ?? "application/octet-stream", bytes };
    },
    /** The contract page: status today, dates of each step, what may be done next. */
    view(actor, id) {
      const c = contractFor(actor, id, false);
      const today = clock.today();
      const status = contractStatusOn(c, today);
      const from = c.filedOn === null ? null : effectiveOn(c.filedOn, c.approvedOn);
      const endsOn = from === null ? null : termEndsOn(from, c.termYears);
      return {
        contract: c,
        status,
        text: c.textPath === null ? "" : readDecrypted(uploadDir, pii, c.textPath).toString("utf8"),
        filingDueOn: c.signedOn === null ? null : filingDueOn(c.signedOn),
        effectiveOn: from,
        endsOn,
        expiringFrom: endsOn === null ? null : expiringFrom(endsOn),
        can: { sign: canTake("sign", status), file: canTake("file", status), approve: canTake("approve", status) && c.approvedOn === null, renew: canTake("renew", status) }
      };
    },
    ofBuilding(buildingId) {
      const today = clock.today();
      return repo.contractsOf(db, buildingId).map((c) => ({ ...c, status: contractStatusOn(c, today) }));
    }
  };
}
export {
  contractUseCases
};
//# sourceMappingURL=contracts.js.map
