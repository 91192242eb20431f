import { createHash } from "node:crypto";
import { withLazyCommits } from "../../db/index.js";
import { canActForBuilding } from "../../lib/access.js";
import { AppError, badRequest, forbidden, notFound, ruleRefused } from "../../lib/errors.js";
import { csvDocument } from "../../lib/csv.js";
import { t } from "../../i18n/index.js";
import { maskResidentId, residentIdFacts } from "../../domain/identity.js";
import { formatMemberNo } from "../../domain/memberships.js";
import { writeAudit } from "../audit/audit-repository.js";
import * as repo from "./memberships-repository.js";
import { MEMBER_NO_COUNTER } from "./memberships-service.js";
import { parseRoster } from "./roster-parser.js";
import { rosterLimitForHeadcount } from "./roster-rows.js";
import { MAX_CSV_COLUMNS, MAX_IMPORT_ROWS, readRosterFile } from "./roster-file.js";
const BACKGROUND_ABOVE_ROWS = 2e3;
const WRITE_CHUNK = 100;
const yieldToRequests = async () => await new Promise((resolve) => setImmediate(resolve));
function createRosterImports(db, clock, pii) {
  const progress = /* @__PURE__ */ new Map();
  const checkTarget = (actor, enterpriseId) => {
    const ent = repo.findEnterprise(db, enterpriseId);
    if (ent === void 0) throw badRequest({ enterpriseId: "memberships.v.unknownEnterprise" });
    const staff = canActForBuilding(actor, ent.buildingId);
    if (!staff && !(ent.liaisonUserId === actor.id && ent.status !== "withdrawn")) throw forbidden();
    if (ent.status !== "enrolled") throw ruleRefused("ENTERPRISE_NOT_ENROLLED", "memberships.enterpriseNotEnrolled");
    return { ent, staff };
  };
  const api = {
    progressOf(imp) {
      const live = progress.get(imp.id);
      if (live !== void 0) return live;
      return { processed: imp.processedRows, total: imp.totalRows, done: imp.status === "done" || imp.status === "failed" };
    },
    /** The import as the uploader, staff of the building or the enterprise's liaison may see it. */
    get(actor, id) {
      const imp = repo.findImport(db, id);
      if (imp === void 0) throw notFound();
      if (imp.uploadedBy !== actor.id) {
        const ent = imp.enterpriseId === null ? void 0 : repo.findEnterprise(db, imp.enterpriseId);
        if (ent === void 0 || !(canActForBuilding(actor, ent.buildingId) || ent.liaisonUserId === actor.id)) throw forbidden();
      }
      return imp;
    },
    /** The refused rows, for download; the download itself is audited (it is an export). */
    errorReport(actor, id) {
      const imp = api.get(actor, id);
      if (imp.errorReport === null) throw notFound();
      db.transaction((tx) => {
        writeAudit(tx, clock.iso(), { actorUserId: actor.id, action: "membership.import_errors_download", entityType: "roster_import", entityId: id, after: { rows: imp.invalidRows + imp.duplicateRows } });
      });
      return imp.errorReport;
    },
    recent(actor) {
      return repo.recentImports(db, actor.id);
    },
    /**
     * Checks the file and starts the import. Returns the import (an earlier one for the same
     * file and enterprise, `repeated`) and whether it is still running in the background.
     */
    async start(actor, input) {
      const { ent, staff } = checkTarget(actor, input.enterpriseId);
      const sha = createHash("sha256").update(input.data).digest("hex");
      const earlier = repo.findImportByFile(db, ent.id, sha);
      if (earlier !== void 0 && earlier.status !== "failed") return { import: earlier, repeated: true };
      const limit = staff ? null : { rows: rosterLimitForHeadcount(ent.headcount), headcount: ent.headcount };
      const rows = await parseRoster({ fileName: input.fileName, data: input.data, encoding: input.encoding ?? "auto", today: clock.today(), limit });
      const again = repo.findImportByFile(db, ent.id, sha);
      if (again !== void 0 && again.status !== "failed") return { import: again, repeated: true };
      const at = clock.iso();
      const fileName = input.fileName.replace(/[^\p{L}\p{N}._ -]/gu, "_").slice(0, 200) || "roster";
      const fresh = { status: "running", totalRows: rows.total, processedRows: 0, createdRows: 0, duplicateRows: 0, invalidRows: 0, errorReport: null, failure: null, finishedAt: null, uploadedBy: actor.id, fileName };
      let imp;
      if (again !== void 0) {
        repo.updateImport(db, again.id, { ...fresh, createdAt: at });
        imp = repo.findImport(db, again.id);
      } else {
        try {
          imp = repo.insertImport(db, { ...fresh, enterpriseId: ent.id, buildingId: ent.buildingId, fileSha256: sha, createdAt: at });
        } catch (err) {
          const race = repo.findImportByFile(db, ent.id, sha);
          if (race !== void 0) return { import: race, repeated: true };
          throw err;
        }
      }
      progress.set(imp.id, { processed: 0, total: rows.total, done: false });
      const job = api.write(actor, imp.id, ent.id, staff, rows, input.lang);
      if (rows.total > BACKGROUND_ABOVE_ROWS) {
        job.catch(() => {
        });
      } else {
        await job;
      }
      return { import: repo.findImport(db, imp.id), repeated: false };
    },
    /** Writes the checked rows, a chunk per transaction; the last one records the outcome. */
    async write(actor, importId, enterpriseId, staff, rows, lang) {
      const live = progress.get(importId) ?? { processed: 0, total: rows.total, done: false };
      progress.set(importId, live);
      const refused = [...rows.refused];
      let duplicates = rows.duplicates;
      let created = 0;
      live.processed = rows.total - rows.valid.length;
      try {
        const at = clock.iso();
        const today = clock.today();
        for (let from = 0; from < rows.valid.length; from += WRITE_CHUNK) {
          const chunk = rows.valid.slice(from, from + WRITE_CHUNK).map((v) => ({ ...v, hash: pii.hash(v.id) }));
          withLazyCommits(db, () => db.transaction((tx) => {
            const open = repo.openHashes(tx, chunk.map((v) => v.hash));
            const fresh = chunk.filter((v) => {
              if (!open.has(v.hash)) return true;
              duplicates++;
              refused.push({ row: v.row, name: v.name, idMasked: maskResidentId(v.id), mobile: v.mobile ?? "", reason: "memberships.import.reason.alreadyMember" });
              return false;
            });
            const earlier = repo.numberedClosedByHashes(tx, fresh.map((v) => v.hash));
            const needNumbers = staff ? fresh.filter((v) => !earlier.has(v.hash)).length : 0;
            let next = needNumbers > 0 ? repo.takeNumbers(tx, MEMBER_NO_COUNTER, needNumbers) : 0;
            const inserts = [];
            for (const v of fresh) {
              const facts = residentIdFacts(v.id);
              const prior = earlier.get(v.hash);
              const values = {
                // Linked to an account only when the person claims it with the ID number (see apply).
                userId: null,
                enterpriseId,
                name: v.name,
                idCipher: pii.encrypt(v.id),
                idHash: v.hash,
                idMasked: maskResidentId(v.id),
                gender: facts.gender,
                birthDate: facts.birthDate,
                mobile: v.mobile,
                status: staff ? "active" : "applied",
                memberNo: prior?.memberNo ?? (staff ? formatMemberNo(today.slice(0, 4), next++) : null),
                joinedOn: staff ? today : null,
                leftOn: null,
                consentAt: at,
                appliedAt: at,
                appliedBy: actor.id,
                decidedAt: staff ? at : null,
                decidedBy: staff ? actor.id : null,
                rejectReason: null,
                source: "import",
                updatedAt: at
              };
              if (prior !== void 0) repo.changeMembership(tx, prior.id, prior.status, values);
              else inserts.push({ ...values, createdAt: at });
            }
            repo.insertMemberships(db, inserts);
            created += fresh.length;
            live.processed += chunk.length;
            repo.updateImport(tx, importId, { processedRows: live.processed, createdRows: created });
          }));
          await yieldToRequests();
        }
        refused.sort((a, b) => a.row - b.row);
        const report = refused.length === 0 ? null : csvDocument(
          [t(lang, "memberships.import.col.row"), t(lang, "memberships.field.name"), t(lang, "memberships.import.col.idMasked"), t(lang, "memberships.field.mobile"), t(lang, "memberships.import.col.reason")],
          refused.map((r) => [r.row, r.name, r.idMasked, r.mobile, t(lang, r.reason)])
        );
        const counts = { createdRows: created, duplicateRows: duplicates, invalidRows: refused.length - duplicates };
        db.transaction((tx) => {
          repo.updateImport(tx, importId, { status: "done", processedRows: rows.total, ...counts, errorReport: report, finishedAt: clock.iso() });
          writeAudit(tx, at, {
            actorUserId: actor.id,
            action: staff ? "membership.import_members" : "membership.import_applications",
            entityType: "roster_import",
            entityId: importId,
            after: { enterpriseId, rows: rows.total, ...counts }
          });
        });
      } catch (err) {
        const failure = err instanceof AppError ? err.code : "error";
        db.transaction((tx) => {
          repo.updateImport(tx, importId, { status: "failed", failure, createdRows: created, finishedAt: clock.iso() });
          if (created > 0) {
            writeAudit(tx, clock.iso(), {
              actorUserId: actor.id,
              action: staff ? "membership.import_members" : "membership.import_applications",
              entityType: "roster_import",
              entityId: importId,
              after: { enterpriseId, rows: rows.total, createdRows: created, failure }
            });
          }
        });
        throw err;
      } finally {
        live.done = true;
        setTimeout(() => progress.delete(importId), 6e4).unref();
      }
    }
  };
  return api;
}
export {
  BACKGROUND_ABOVE_ROWS,
  MAX_CSV_COLUMNS,
  MAX_IMPORT_ROWS,
  createRosterImports,
  readRosterFile
};
//# sourceMappingURL=roster-import.js.map
