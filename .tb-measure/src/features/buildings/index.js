import { createBuildingsService } from "./buildings-service.js";
import buildingsApi from "./buildings-api.js";
import buildingsPages from "./buildings-pages.js";
import enterprisesPages from "./enterprises-pages.js";
import { statusBadge } from "./status.js";
async function buildingsFeature(app) {
  const service = createBuildingsService(app.db, app.clock);
  app.navLinks.push(
    { href: "/enterprises", labelKey: "buildings.nav.enterprises", order: 30, show: (a) => a !== null },
    { href: "/buildings", labelKey: "buildings.nav.buildings", order: 60, show: (a) => a !== null && (a.isAdmin || a.isStaff) },
    { href: "/admin/overview", labelKey: "buildings.nav.overview", order: 85, show: (a) => a?.isAdmin === true }
  );
  app.meParts.push((actor) => ({
    enterprises: service.mine(actor).map((e) => ({ id: e.id, name: e.name, buildingId: e.buildingId, status: e.status }))
  }));
  app.homeCards.push({
    order: 30,
    partial: "buildings/home-card",
    load: (req) => {
      if (req.actor === null) return null;
      const items = service.mine(req.actor).map((e) => ({ ...e, ...statusBadge(req, e.status) }));
      return { items };
    }
  });
  app.homeCards.push({
    order: 15,
    partial: "buildings/staff-card",
    load: (req) => {
      const a = req.actor;
      if (a === null || !a.isAdmin && !a.isStaff) return null;
      const { rows, total } = service.pendingFor(a, 5);
      return { rows, total, more: total > rows.length, isAdmin: a.isAdmin };
    }
  });
  await app.register(buildingsApi, { service });
  await app.register(buildingsPages, { service });
  await app.register(enterprisesPages, { service });
}
export {
  buildingsFeature as default
};
//# sourceMappingURL=index.js.map
