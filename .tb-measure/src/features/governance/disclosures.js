import { AppError, badRequest, forbidden, notFound } from "../../lib/errors.js";
import { canActForBuilding } from "../../lib/access.js";
import { quarterStart } from "../../domain/disclosure.js";
import { writeAudit } from "../audit/audit-repository.js";
import { readDecrypted, safeFileName, sha256, sniffFileType, storeEncrypted } from "../claims/documents.js";
import * as repo from "./contracts-repository.js";
import { activeMembershipsOf } from "./access.js";
function disclosureUseCases({ db, clock, pii, uploadDir }) {
  function scopeOf(actor, buildingId) {
    if (canActForBuilding(actor, buildingId)) return null;
    const mine = activeMembershipsOf(db, actor.id).filter((m) => m.buildingId === buildingId).map((m) => m.enterpriseId);
    const ids = [.../* @__PURE__ */ new Set([...mine, ...repo.liaisonEnterprises(db, actor.id, buildingId)])];
    if (ids.length === 0) throw notFound();
    return ids;
  }
  function mayPublish(actor, buildingId, enterpriseId) {
    if (canActForBuilding(actor, buildingId)) return true;
    if (enterpriseId === void 0) return false;
    return repo.findEnterprise(db, enterpriseId)?.liaisonUserId === actor.id;
  }
  return {
    scopeOf,
    mayPublish,
    publish(actor, buildingId, input, file) {
      scopeOf(actor, buildingId);
      if (!mayPublish(actor, buildingId, input.enterpriseId)) throw forbidden();
      if (input.enterpriseId !== void 0) {
        const e = repo.findEnterprise(db, input.enterpriseId);
        if (e === void 0 || e.buildingId !== buildingId || e.status !== "enrolled") throw badRequest({ enterpriseId: "governance.v.unknownEnterprise" });
      }
      if (input.periodTo < input.periodFrom) throw badRequest({ periodTo: "governance.v.periodOrder" });
      const type = file === void 0 || file.bytes.length === 0 ? null : sniffFileType(file.bytes);
      if (file !== void 0 && file.bytes.length > 0 && type === null) throw new AppError(400, "INVALID_INPUT", "claims.doc.type", {}, { file: "claims.doc.type" });
      return db.transaction((tx) => {
        const at = clock.iso();
        const d = repo.insertDisclosure(tx, {
          buildingId,
          enterpriseId: input.enterpriseId ?? null,
          category: input.category,
          title: input.title,
          body: input.body,
          periodFrom: input.periodFrom,
          periodTo: input.periodTo,
          publishedOn: clock.today(),
          createdBy: actor.id,
          createdAt: at
        });
        let attachment;
        if (file !== void 0 && type !== null) {
          attachment = { attachmentPath: storeEncrypted(uploadDir, pii, d.id, file.bytes, "disclosures"), attachmentName: safeFileName(file.fileName, type, "attachment"), attachmentMime: type.mime };
          repo.setDisclosureAttachment(tx, d.id, attachment);
        }
        writeAudit(tx, at, { actorUserId: actor.id, action: "disclosure.publish", entityType: "disclosure", entityId: d.id, after: { buildingId, ...input, body: void 0, attachment: file === void 0 ? void 0 : sha256(file.bytes) } });
        return { ...d, ...attachment };
      });
    },
    list(actor, buildingId) {
      return repo.disclosuresFor(db, buildingId, scopeOf(actor, buildingId));
    },
    view(actor, id) {
      const d = repo.findDisclosure(db, id);
      if (d === void 0) throw notFound();
      const scope = scopeOf(actor, d.buildingId);
      if (scope !== null && d.enterpriseId !== null && !scope.includes(d.enterpriseId)) throw notFound();
      return { ...d, enterpriseName: d.enterpriseId === null ? null : repo.findEnterprise(db, d.enterpriseId)?.name ?? null };
    },
    readAttachment(actor, id) {
      const d = this.view(actor, id);
      if (d.attachmentPath === null) throw notFound();
      return { fileName: d.attachmentName ?? "attachment", mime: d.attachmentMime ?? "application/octet-stream", bytes: readDecrypted(uploadDir, pii, d.attachmentPath) };
    },
    /** Staff: enrolled enterprises with nothing published since the quarter began. */
    silentThisQuarter(actor, buildingId) {
      if (!canActForBuilding(actor, buildingId)) return null;
      const from = quarterStart(clock.today());
      return { from, enterprises: repo.silentEnterprises(db, buildingId, from) };
    },
    /** Enterprises this actor may publish for in the building. */
    publishable(actor, buildingId) {
      const all = repo.enrolledEnterprises(db, buildingId);
      if (canActForBuilding(actor, buildingId)) return { federation: true, enterprises: all };
      return { federation: false, enterprises: all.filter((e) => repo.findEnterprise(db, e.id)?.liaisonUserId === actor.id) };
    }
  };
}
export {
  disclosureUseCases
};
//# sourceMappingURL=disclosures.js.map
