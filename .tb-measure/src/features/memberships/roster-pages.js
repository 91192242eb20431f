import { idParam, parseInput } from "../../lib/validation.js";
import { AppError } from "../../lib/errors.js";
import { pageLinks } from "../../lib/pagination.js";
import { csvStream, sendCsv } from "../../lib/csv.js";
import { sendXlsx, xlsxStream } from "../../lib/xlsx-writer.js";
import { maskMobile } from "../../domain/identity.js";
import { leaveInput, rejectInput, rosterQuery, transferInput } from "./memberships-schemas.js";
import { summary } from "./page-parts.js";
const PAGE_SIZE = 30;
function rosterPages(app, { service }) {
  const csrf = { preHandler: app.verifyCsrf };
  const rosterData = (actor, req) => {
    const q = parseInput(rosterQuery, req.query);
    const { rows, total } = service.roster(actor, q, PAGE_SIZE, (q.page - 1) * PAGE_SIZE);
    const pages = Math.max(1, Math.ceil(total / PAGE_SIZE));
    const params = { q: q.q, idh: q.idh, status: q.status, enterpriseId: q.enterpriseId, buildingId: q.buildingId };
    const exportQuery = new URLSearchParams(Object.entries(params).filter(([, v]) => v !== void 0).map(([k, v]) => [k, String(v)])).toString();
    const manageable = service.manageableEnterprises(actor);
    return {
      titleKey: "memberships.roster.title",
      needsCsrf: true,
      // The import page refuses anyone without an enrolled enterprise; don't offer them the link.
      canImport: manageable.some((e) => e.status === "enrolled"),
      rows: rows.map((m) => ({ ...summary(m), mobileMasked: m.mobile === null ? "" : maskMobile(m.mobile) })),
      total,
      q: params,
      enterprises: manageable.map((e) => ({ ...e, selected: e.id === q.enterpriseId })),
      statuses: ["applied", "active", "rejected", "left"].map((s) => ({ value: s, selected: s === q.status })),
      transfers: service.pendingTransfersFor(actor),
      // Applications on this page may be ticked and decided together (select-all works without script: ?all=1).
      canDecide: rows.some((m) => m.status === "applied"),
      selectAll: req.query?.all === "1",
      selectAllHref: "/memberships?" + new URLSearchParams(Object.entries({ ...params, page: q.page > 1 ? q.page : void 0, all: 1 }).filter(([, v]) => v !== void 0).map(([k, v]) => [k, String(v)])).toString(),
      exportHref: "/memberships/export.csv" + (exportQuery === "" ? "" : "?" + exportQuery),
      exportXlsxHref: "/memberships/export.xlsx" + (exportQuery === "" ? "" : "?" + exportQuery),
      ...pageLinks("/memberships", params, q.page, pages)
    };
  };
  app.get("/memberships", async (req, reply) => {
    const actor = app.requireSignedIn(req);
    return reply.page("memberships/roster", rosterData(actor, req));
  });
  app.post("/memberships/search", csrf, async (req, reply) => {
    app.requireSignedIn(req);
    const q = parseInput(rosterQuery, req.body ?? {});
    const idh = service.idSearchHash(q.q) ?? q.idh;
    const params = { ...idh !== void 0 ? { idh } : { q: q.q }, status: q.status, enterpriseId: q.enterpriseId, buildingId: q.buildingId };
    const query = new URLSearchParams(Object.entries(params).filter(([, v]) => v !== void 0).map(([k, v]) => [k, String(v)])).toString();
    return reply.code(303).redirect("/memberships" + (query === "" ? "" : "?" + query));
  });
  const exportRoster = (req) => {
    const actor = app.requireSignedIn(req);
    const q = parseInput(rosterQuery, req.query);
    const rows = service.exportRoster(actor, q);
    const t = req.t.bind(req);
    const header = ["memberNo", "name", "idMasked", "gender", "mobile", "enterprise", "building", "status", "appliedAt", "joinedOn", "leftOn"].map((k) => t("memberships.field." + k));
    const lines = (function* () {
      for (const m of rows) {
        yield [
          m.memberNo,
          m.name,
          m.idMasked,
          t("memberships.gender." + m.gender),
          m.mobile,
          m.enterpriseName,
          m.buildingName,
          t("memberships.status." + m.status),
          m.appliedAt.slice(0, 10),
          m.joinedOn,
          m.leftOn
        ];
      }
    })();
    return { header, lines };
  };
  app.get("/memberships/export.csv", async (req, reply) => {
    const { header, lines } = exportRoster(req);
    return sendCsv(reply, `members-${app.clock.today()}.csv`, csvStream(header, lines));
  });
  app.get("/memberships/export.xlsx", async (req, reply) => {
    const { header, lines } = exportRoster(req);
    return sendXlsx(reply, `members-${app.clock.today()}.xlsx`, xlsxStream(req.t("memberships.roster.title"), header, lines, { textColumns: [0, 2, 4] }));
  });
  const detailData = (actor, id, extra = {}) => {
    const v = service.view(actor, id);
    return {
      titleKey: "memberships.detail.title",
      m: summary(v.membership),
      transfers: v.transfers,
      canDecide: v.canDecide,
      canLeave: v.canLeave && !v.self,
      canRevealId: v.canRevealId,
      canRequestTransfer: v.canRequestTransfer && !v.self,
      transferTargets: v.canRequestTransfer && !v.self ? service.enrolledEnterprises().filter((e) => e.id !== v.membership.enterpriseId) : [],
      pendingTransferForActor: v.pendingTransferForActor,
      decidedByName: v.decidedByName,
      history: v.manager ? service.history(id) : [],
      values: {},
      ...extra
    };
  };
  app.get("/memberships/:id", async (req, reply) => {
    const actor = app.requireSignedIn(req);
    const { id } = parseInput(idParam, req.params);
    return reply.page("memberships/detail", detailData(actor, id));
  });
  const action = (path, run) => {
    app.post(`/memberships/:id/${path}`, csrf, async (req, reply) => {
      const actor = app.requireSignedIn(req);
      const { id } = parseInput(idParam, req.params);
      try {
        reply.flash(run(actor, id, req.body));
        return await reply.redirect(`/memberships/${id}`);
      } catch (err) {
        return reply.formError(err, "memberships/detail", detailData(actor, id, { values: req.body }));
      }
    });
  };
  action("approve", (actor, id) => {
    service.approve(actor, id);
    return "memberships.approved";
  });
  action("reject", (actor, id, body) => {
    service.reject(actor, id, parseInput(rejectInput, body).reason);
    return "memberships.rejected";
  });
  action("leave", (actor, id, body) => {
    service.leave(actor, id, parseInput(leaveInput, body).note);
    return "memberships.leftRecorded";
  });
  action("transfer", (actor, id, body) => {
    service.requestTransfer(actor, id, parseInput(transferInput, body).enterpriseId);
    return "memberships.transfer.sent";
  });
  app.post("/memberships/:id/reveal-id", csrf, async (req, reply) => {
    const actor = app.requireSignedIn(req);
    const { id } = parseInput(idParam, req.params);
    const fullId = service.revealId(actor, id);
    return reply.page("memberships/detail", detailData(actor, id, { fullId }));
  });
  const transferAction = (path, run) => {
    app.post(`/memberships/transfers/:id/${path}`, csrf, async (req, reply) => {
      const actor = app.requireSignedIn(req);
      const { id } = parseInput(idParam, req.params);
      try {
        reply.flash(run(actor, id, req.body));
        return await reply.redirect("/memberships");
      } catch (err) {
        if (!(err instanceof AppError) || err.statusCode === 403 || err.statusCode >= 500) throw err;
        return reply.formError(err, "memberships/roster", rosterData(actor, req));
      }
    });
  };
  transferAction("confirm", (actor, id) => {
    service.confirmTransfer(actor, id);
    return "memberships.transfer.confirmed";
  });
  transferAction("reject", (actor, id, body) => {
    service.rejectTransfer(actor, id, parseInput(rejectInput, body).reason);
    return "memberships.transfer.rejected";
  });
}
export {
  rosterPages
};
//# sourceMappingURL=roster-pages.js.map
