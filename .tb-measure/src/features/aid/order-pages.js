import { idParam, parseInput } from "../../lib/validation.js";
import { requireActor, canActForBuilding } from "../../lib/access.js";
import { pageLinks } from "../../lib/pagination.js";
import { csvStream, sendCsv } from "../../lib/csv.js";
import { sendXlsx, xlsxStream } from "../../lib/xlsx-writer.js";
import { auditHistory } from "../audit/audit-repository.js";
import { fenToYuanString } from "../../domain/money.js";
import { ordersQuery, paymentBody } from "./aid-schemas.js";
import * as repo from "./purchases-repository.js";
import { PAGE_SIZE, orderView, payableView, statusKey } from "./aid-page-parts.js";
import { ORDER_TRANSITIONS, transition } from "../../domain/lifecycles.js";
function orderPages(app, { service }) {
  const csrf = { preHandler: app.verifyCsrf };
  app.get("/aid/orders", async (req, reply) => {
    const q = parseInput(ordersQuery, req.query);
    const scope = service.orderScope(req.actor, q.buildingId);
    const filter = { buildingIds: scope, status: q.status, planYear: q.year };
    const { rows, total } = repo.listOrders(app.db, filter, PAGE_SIZE, (q.page - 1) * PAGE_SIZE);
    const pages = Math.max(1, Math.ceil(total / PAGE_SIZE));
    const params = { buildingId: q.buildingId, status: q.status, year: q.year };
    const exportQuery = new URLSearchParams();
    for (const [k, v] of Object.entries(params)) if (v !== void 0) exportQuery.set(k, String(v));
    const actor = req.actor;
    return reply.page("aid/orders", {
      titleKey: "aid.orders.title",
      orders: rows.map(orderView),
      total,
      filters: q,
      buildings: repo.buildingNames(app.db, actor.isAdmin ? null : actor.staffBuildingIds).map((b) => ({ ...b, selected: b.id === q.buildingId })),
      statuses: ["pending_payment", "paid", "cancelled"].map((s) => ({ value: s, key: statusKey(s), selected: s === q.status })),
      exportHref: "/aid/orders.csv" + (exportQuery.size > 0 ? "?" + exportQuery.toString() : ""),
      exportXlsxHref: "/aid/orders.xlsx" + (exportQuery.size > 0 ? "?" + exportQuery.toString() : ""),
      ...pageLinks("/aid/orders", params, q.page, pages)
    });
  });
  for (const format of ["csv", "xlsx"]) {
    app.get(`/aid/orders.${format}`, async (req, reply) => {
      const q = parseInput(ordersQuery, req.query);
      const scope = service.orderScope(req.actor, q.buildingId);
      const t = (k) => req.t(k);
      const header = ["id", "planYear", "building", "enterprise", "memberNo", "name", "shares", "amountYuan", "status", "orderedOn", "receiptNo", "paidOn", "confirmedVia", "coverFrom", "coverTo"].map((h) => t(`aid.csv.${h}`));
      const rows = (function* () {
        for (const o of repo.iterateOrders(app.db, { buildingIds: scope, status: q.status, planYear: q.year })) {
          yield [
            o.id,
            o.planYear,
            o.buildingName,
            o.enterpriseName,
            o.memberNo,
            o.memberName,
            o.shares,
            fenToYuanString(o.amountFen),
            t(statusKey(o.status)),
            o.orderedOn,
            o.receiptNo,
            o.paidOn,
            o.confirmedVia,
            o.coverFrom,
            o.coverTo
          ];
        }
      })();
      if (format === "xlsx") return sendXlsx(reply, `aid-orders-${app.clock.today()}.xlsx`, xlsxStream("orders", header, rows, { textColumns: [4, 10] }));
      return sendCsv(reply, `aid-orders-${app.clock.today()}.csv`, csvStream(header, rows));
    });
  }
  const orderPage = (req, id, extra = {}) => {
    const actor = requireActor(req.actor);
    const o = service.orderFor(actor, id);
    const mayConfirm = transition(ORDER_TRANSITIONS, "confirmPayment", o.status) !== null && canActForBuilding(actor, o.buildingId) && o.memberUserId !== actor.id;
    return {
      titleKey: "aid.order.title",
      order: payableView(app.db, o),
      mayConfirm,
      isStaffView: canActForBuilding(actor, o.buildingId),
      history: auditHistory(app.db, "aid_purchase", id).map((h) => ({ ...h, actionKey: `aid.audit.${h.action}` })),
      values: { paidOn: app.clock.today() },
      ...extra
    };
  };
  app.get("/aid/orders/:id", async (req, reply) => {
    const { id } = parseInput(idParam, req.params);
    return reply.page("aid/order", orderPage(req, id));
  });
  app.post("/aid/orders/:id/confirm", csrf, async (req, reply) => {
    const { id } = parseInput(idParam, req.params);
    const body = req.body ?? {};
    try {
      const input = parseInput(paymentBody, body);
      service.confirmPayment(req.actor, id, input);
      reply.flash("aid.order.confirmed");
      return await reply.redirect(`/aid/orders/${id}`);
    } catch (err) {
      return reply.formError(err, "aid/order", orderPage(req, id, { values: body }));
    }
  });
}
export {
  orderPages
};
//# sourceMappingURL=order-pages.js.map
