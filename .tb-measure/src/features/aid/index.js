import { cancelStaleOrders, createAidService } from "./aid-service.js";
import aidApi from "./aid-api.js";
import aidPages from "./aid-pages.js";
import paymentWebhook from "./payment-webhook.js";
import { createGroupOrders } from "./group-orders.js";
import groupOrdersApi from "./group-orders-api.js";
import groupOrdersPages from "./group-orders-pages.js";
import { publicOrder } from "./aid-api.js";
const STALE_CHECK_MS = 60 * 60 * 1e3;
async function aidFeature(app) {
  const service = createAidService(app.db, app.clock, app.notifier);
  const groups = createGroupOrders(app.db, app.clock, service);
  await app.register(aidApi, { service });
  await app.register(groupOrdersApi, { groups });
  await app.register(groupOrdersPages, { groups });
  await app.register(aidPages, { service });
  await app.register(paymentWebhook, { service });
  app.navLinks.push({ href: "/aid/calculator", labelKey: "nav.calculator", order: 40, show: () => true });
  app.navLinks.push({ href: "/aid/share", labelKey: "aid.nav.share", order: 41, show: (a) => a !== null });
  app.navLinks.push({ href: "/aid/group", labelKey: "aid.nav.group", order: 42, show: (a) => a?.roles.includes("liaison") === true });
  app.navLinks.push({ href: "/aid/orders", labelKey: "aid.nav.orders", order: 60, show: (a) => a !== null && (a.isStaff || a.isAdmin) });
  app.navLinks.push({ href: "/aid/accounts", labelKey: "aid.nav.accounts", order: 61, show: (a) => a !== null && (a.isStaff || a.isAdmin) });
  app.navLinks.push({ href: "/admin/aid/plans", labelKey: "aid.nav.plans", order: 92, show: (a) => a?.isAdmin === true });
  app.homeCards.push({
    order: 30,
    partial: "aid/home-card",
    load: (req) => {
      if (req.actor === null) return null;
      const s = service.currentShare(req.actor.id);
      if (!s.shown) return null;
      return {
        year: s.plan.year,
        shareFeeFen: s.plan.shareFeeFen,
        current: s.current === void 0 ? void 0 : { ...s.current, statusKey: `aid.status.${s.current.status}` },
        canOrder: s.canOrder
      };
    }
  });
  app.meParts.push((actor) => {
    const s = service.currentShare(actor.id);
    return { aidShare: s.current === void 0 ? null : publicOrder(s.current) };
  });
  app.addHook("onReady", async () => {
    service.currentPlan();
    if (!app.housekeeping) return;
    const n = cancelStaleOrders(app.db, app.clock, app.notifier);
    if (n > 0) app.log.info({ cancelled: n }, "stale aid orders cancelled");
  });
  if (!app.housekeeping) return;
  const timer = setInterval(() => {
    try {
      const n = cancelStaleOrders(app.db, app.clock, app.notifier);
      if (n > 0) app.log.info({ cancelled: n }, "stale aid orders cancelled");
    } catch (err) {
      app.log.error({ err }, "cancelling stale aid orders failed");
    }
  }, STALE_CHECK_MS);
  timer.unref();
  app.addHook("onClose", async () => {
    clearInterval(timer);
  });
}
export {
  aidFeature as default
};
//# sourceMappingURL=index.js.map
