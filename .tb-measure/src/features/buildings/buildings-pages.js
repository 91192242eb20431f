import { idParam, parseInput } from "../../lib/validation.js";
import { requireAdmin } from "../../lib/access.js";
import { csvStream, sendCsv } from "../../lib/csv.js";
import { sendXlsx, xlsxStream } from "../../lib/xlsx-writer.js";
import { buildingInput, buildingQuery } from "./buildings-schemas.js";
import { buildingCoverageSvg, cityCoverageSvg, institutionsSvg, percent } from "./coverage-chart.js";
import { statusBadge } from "./status.js";
const coverageRow = (b) => ({ ...b, percent: percent(b.enterprisesEnrolled, b.enterprisesTotal) });
function formValues(b) {
  return {
    name: b.name,
    district: b.district,
    address: b.address,
    federationName: b.federationName ?? "",
    foundedOn: b.foundedOn ?? "",
    enterprisesTotal: b.enterprisesTotal,
    isModel: b.isModel,
    hasWorkerCongress: b.hasWorkerCongress,
    hasAffairsDisclosure: b.hasAffairsDisclosure
  };
}
function checkboxValues(body) {
  return {
    ...body,
    isModel: body.isModel !== void 0,
    hasWorkerCongress: body.hasWorkerCongress !== void 0,
    hasAffairsDisclosure: body.hasAffairsDisclosure !== void 0
  };
}
async function buildingsPages(app, { service }) {
  const buildingForm = buildingInput(app.clock.today);
  const csrf = { preHandler: app.verifyCsrf };
  app.get("/buildings", async (req, reply) => {
    const actor = app.requireSignedIn(req);
    const rows = service.myBuildings(actor).map(coverageRow);
    return reply.page("buildings/list", { titleKey: "buildings.list.title", rows, isAdmin: actor.isAdmin });
  });
  app.get("/buildings/new", async (req, reply) => {
    requireAdmin(app.requireSignedIn(req));
    return reply.page("buildings/building-form", { titleKey: "buildings.create.title", action: "/buildings", values: {} });
  });
  app.post("/buildings", csrf, async (req, reply) => {
    const actor = requireAdmin(app.requireSignedIn(req));
    const body = req.body ?? {};
    try {
      const b = service.createBuilding(actor, parseInput(buildingForm, body));
      reply.flash("buildings.create.done");
      return await reply.redirect(`/buildings/${b.id}`);
    } catch (err) {
      return reply.formError(err, "buildings/building-form", { titleKey: "buildings.create.title", action: "/buildings", values: checkboxValues(body) });
    }
  });
  app.get("/buildings/:id/edit", async (req, reply) => {
    requireAdmin(app.requireSignedIn(req));
    const { id } = parseInput(idParam, req.params);
    const b = service.building(id);
    return reply.page("buildings/building-form", { titleKey: "buildings.edit.title", action: `/buildings/${id}/edit`, building: b, values: formValues(b) });
  });
  app.post("/buildings/:id/edit", csrf, async (req, reply) => {
    const actor = requireAdmin(app.requireSignedIn(req));
    const { id } = parseInput(idParam, req.params);
    const body = req.body ?? {};
    try {
      service.updateBuilding(actor, id, parseInput(buildingForm, body));
      reply.flash("common.saved");
      return await reply.redirect(`/buildings/${id}`);
    } catch (err) {
      return reply.formError(err, "buildings/building-form", { titleKey: "buildings.edit.title", action: `/buildings/${id}/edit`, building: service.building(id), values: checkboxValues(body) });
    }
  });
  app.get("/buildings/:id", async (req, reply) => {
    const actor = app.requireSignedIn(req);
    const { id } = parseInput(idParam, req.params);
    const { status } = parseInput(buildingQuery, req.query);
    const r = service.buildingReport(actor, id, status);
    const chart = buildingCoverageSvg({
      total: r.building.enterprisesTotal,
      enrolled: r.counts.enrolled,
      pending: r.counts.pending,
      rejected: r.counts.rejected,
      members: r.coverage.members,
      labels: {
        title: req.t("buildings.chart.coverage"),
        enrolled: req.t("buildings.status.enrolled"),
        pending: req.t("buildings.status.pending"),
        rejected: req.t("buildings.status.rejected"),
        notEnrolled: req.t("buildings.chart.notEnrolled"),
        members: req.t("buildings.field.members")
      }
    });
    const filters = ["pending", "enrolled", "rejected", "withdrawn"].map((s) => ({
      href: `/buildings/${id}?status=${s}`,
      label: req.t("buildings.status." + s),
      n: r.counts[s],
      current: status === s
    }));
    return reply.page("buildings/building", {
      title: r.building.name,
      building: r.building,
      coverage: coverageRow(r.coverage),
      chart,
      filters,
      allHref: `/buildings/${id}`,
      filtered: status !== void 0,
      enterprises: r.enterprises.map((e) => ({ ...e, ...statusBadge(req, e.status) })),
      isAdmin: actor.isAdmin
    });
  });
  for (const format of ["csv", "xlsx"]) {
    app.get(`/buildings/:id/enterprises.${format}`, async (req, reply) => {
      const actor = app.requireSignedIn(req);
      const { id } = parseInput(idParam, req.params);
      const { building, rows } = service.exportEnterprises(actor, id);
      const header = ["id", "name", "uscc", "floorRoom", "headcount", "status", "members", "liaisonName", "liaisonPhone", "contactName", "contactPhone", "submittedAt", "decidedAt", "rejectReason"].map((k) => req.t("buildings.csv." + k));
      const lines = rows.map((e) => [
        e.id,
        e.name,
        e.uscc,
        e.floorRoom,
        e.headcount,
        req.t("buildings.status." + e.status),
        e.members,
        e.liaisonName,
        e.liaisonPhone,
        e.contactName,
        e.contactPhone,
        e.submittedAt,
        e.decidedAt,
        e.rejectReason
      ]);
      const day = app.clock.today();
      const fileName = `${building.name}-${req.t("buildings.csv.fileName")}-${day}.${format}`;
      if (format === "xlsx") return sendXlsx(reply, fileName, xlsxStream(building.name, header, lines, { textColumns: [2, 8, 10] }));
      return sendCsv(reply, fileName, csvStream(header, lines));
    });
  }
  app.get("/admin/overview", async (req, reply) => {
    const actor = app.requireSignedIn(req);
    const o = service.cityOverview(actor);
    const rows = o.rows.map(coverageRow);
    const t = o.totals;
    return reply.page("buildings/overview", {
      titleKey: "buildings.overview.title",
      rows,
      totals: { ...t, percent: percent(t.enterprisesEnrolled, t.enterprisesTotal) },
      coverageChart: cityCoverageSvg(rows.map((r) => ({ name: r.name, enrolled: r.enterprisesEnrolled, total: r.enterprisesTotal, members: r.members })), { title: req.t("buildings.overview.chartCoverage") }),
      institutionsChart: institutionsSvg([
        // Short labels: the chart leaves 144 px for them ("Affairs disclosure system" was cut off).
        { label: req.t("buildings.overview.chartModel"), n: t.model },
        { label: req.t("buildings.overview.chartWorkerCongress"), n: t.workerCongress },
        { label: req.t("buildings.overview.chartAffairsDisclosure"), n: t.affairsDisclosure },
        { label: req.t("buildings.overview.bothShort"), n: t.both }
      ], t.buildings, req.t("buildings.overview.chartInstitutions"))
    });
  });
}
export {
  buildingsPages as default
};
//# sourceMappingURL=buildings-pages.js.map
