import { canActForBuilding, reviewableBuildings } from "../../lib/access.js";
import { forbidden } from "../../lib/errors.js";
import { writeAudit } from "../audit/audit-repository.js";
import { addDays } from "../../domain/dates.js";
import { fenToYuanString } from "../../domain/money.js";
import { decisionDates, isLate } from "./decision-dates.js";
import * as repo from "./queue-repository.js";
const QUEUE_PAGE_SIZE = 50;
const EXPORT_HEADER = [
  "\u62A5\u9500\u5355\u53F7 Claim ID",
  "\u63D0\u4EA4\u65F6\u95F4 Submitted (UTC)",
  "\u72B6\u6001 Status",
  "\u4F1A\u5458\u59D3\u540D Member name",
  "\u4F1A\u5458\u53F7 Member number",
  "\u697C\u5B87 Building",
  "\u4F01\u4E1A Enterprise",
  "\u5165\u9662 Admission",
  "\u51FA\u9662 Discharge",
  "\u533B\u9662 Hospital",
  "\u53D1\u7968\u53F7 Invoice",
  "\u603B\u8D39\u7528\uFF08\u5143\uFF09Total",
  "\u533B\u4FDD\u652F\u4ED8\uFF08\u5143\uFF09Insurance",
  "\u76EE\u5F55\u5916\uFF08\u5143\uFF09Excluded",
  "\u57FA\u6570\uFF08\u5143\uFF09Base",
  "\u9884\u4F30\uFF08\u5143\uFF09Estimate",
  "\u6838\u5B9A\uFF08\u5143\uFF09Payable",
  "\u9A73\u56DE\u539F\u56E0 Reason"
];
function shanghaiStartIso(date) {
  return (/* @__PURE__ */ new Date(`${date}T00:00:00+08:00`)).toISOString();
}
function queueUseCases({ db, clock }) {
  function queueFilter(staff, q) {
    const scope = reviewableBuildings(staff);
    if (q.building !== void 0 && !canActForBuilding(staff, q.building)) throw forbidden();
    const statuses = q.status === "all" ? void 0 : q.status === "open" ? ["submitted", "awaiting_second_approval"] : [q.status];
    const filter = {
      buildingIds: scope,
      buildingId: q.building,
      statuses,
      fromIso: q.from === void 0 ? void 0 : shanghaiStartIso(q.from),
      toIso: q.to === void 0 ? void 0 : shanghaiStartIso(addDays(q.to, 1)),
      exceptUserId: staff.id
    };
    return { filter, statuses, scope };
  }
  return {
    /** The review queue: filtered, oldest first, counts per status, 50 a page. */
    queue(staff, q) {
      const { filter, statuses, scope } = queueFilter(staff, q);
      const counts = repo.countByStatus(db, filter);
      const total = statuses === void 0 ? Object.values(counts).reduce((a, b) => a + b, 0) : statuses.reduce((a, s) => a + counts[s], 0);
      const pages = Math.max(1, Math.ceil(total / QUEUE_PAGE_SIZE));
      const listed = repo.listClaims(db, filter, QUEUE_PAGE_SIZE, (q.page - 1) * QUEUE_PAGE_SIZE);
      const earliest = listed.reduce((a, r) => a === void 0 || r.createdAt < a ? r.createdAt : a, void 0);
      const dates = decisionDates(db, earliest);
      const today = clock.today();
      const rows = listed.map((r) => {
        const expectedBy = dates.expectedBy(r.createdAt, r.planYear);
        return { ...r, expectedBy, late: isLate(r.status, expectedBy, today) };
      });
      return { rows, counts, total, pages, buildings: repo.buildingsIn(db, scope) };
    },
    /**
     * The queue's claims as CSV rows, read in chunks of 2,000 by id (so memory stays flat and the
     * connection is free between chunks for other requests). The export is audited.
     */
    exportQueue(staff, q) {
      const { filter } = queueFilter(staff, q);
      const at = clock.iso();
      db.transaction((tx) => writeAudit(tx, at, { actorUserId: staff.id, action: "claims.export", entityType: "aid_claim", entityId: "*", after: { building: q.building ?? null, status: q.status, from: q.from ?? null, to: q.to ?? null } }));
      function* rows() {
        let after = 0;
        for (; ; ) {
          const chunk = repo.claimsAfter(db, filter, after, 2e3);
          for (const c of chunk) {
            const yuan = fenToYuanString;
            yield [
              c.id,
              c.createdAt,
              c.status,
              c.memberName,
              c.memberNo,
              c.buildingName,
              c.enterpriseName,
              c.admissionDate,
              c.dischargeDate,
              c.hospital,
              c.invoiceNo,
              yuan(c.totalCostFen),
              yuan(c.insurancePaidFen),
              yuan(c.excludedFen),
              yuan(c.baseFen),
              yuan(c.estimateFen),
              c.payableFen === null ? null : yuan(c.payableFen),
              c.reasonCode
            ];
          }
          if (chunk.length < 2e3) return;
          after = chunk[chunk.length - 1].id;
        }
      }
      return rows();
    }
  };
}
export {
  EXPORT_HEADER,
  QUEUE_PAGE_SIZE,
  queueUseCases
};
//# sourceMappingURL=queue.js.map
