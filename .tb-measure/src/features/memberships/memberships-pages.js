import { memberPages } from "./member-pages.js";
import { rosterPages } from "./roster-pages.js";
import { importPages } from "./import-pages.js";
import { MEMBERSHIP_TRANSITIONS, transition } from "../../domain/lifecycles.js";
import { qrSvg } from "./page-parts.js";
async function membershipsPages(app, { service, imports }) {
  app.navLinks.push({ href: "/membership", labelKey: "memberships.nav.mine", order: 20, show: (a) => a !== null });
  app.navLinks.push({ href: "/memberships", labelKey: "memberships.nav.roster", order: 30, show: (a) => a !== null && (a.roles.includes("liaison") || a.isStaff || a.isAdmin) });
  app.homeCards.push({
    order: 10,
    partial: "memberships/home-card",
    load: (req) => {
      const actor = req.actor;
      if (actor === null) return null;
      const m = service.mineForCard(actor);
      if (m === void 0) return { none: true };
      return { m, pendingTo: m.pendingTo, isActive: m.status === "active", canApplyAgain: transition(MEMBERSHIP_TRANSITIONS, "applyAgain", m.status) !== null };
    }
  });
  app.homeCards.push({
    order: 15,
    partial: "memberships/review-card",
    load: (req) => {
      const actor = req.actor;
      if (actor === null || !service.isReviewer(actor)) return null;
      return { applications: service.pendingApplicationsCount(actor), transfers: service.pendingTransfersFor(actor).length };
    }
  });
  memberPages(app, { service, imports });
  rosterPages(app, { service, imports });
  importPages(app, { service, imports });
}
export {
  membershipsPages as default,
  qrSvg
};
//# sourceMappingURL=memberships-pages.js.map
