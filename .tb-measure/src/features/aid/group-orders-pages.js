import { z } from "zod";
import { idParam, parseInput, text } from "../../lib/validation.js";
import { badRequest } from "../../lib/errors.js";
import { requireStaffOrAdmin } from "../../lib/access.js";
import { parsePaymentReference } from "../../domain/payment-reference.js";
import { paymentBody } from "./aid-schemas.js";
import { orderStatus } from "./aid-page-parts.js";
const accountForm = z.object({
  accountName: text(100),
  bankName: text(100),
  accountNo: z.string({ error: "v.required" }).transform((s) => s.replace(/\s+/g, "")).pipe(z.string().min(1, "v.required").regex(/^\d{6,34}$/, "aid.v.accountNo"))
});
async function groupOrdersPages(app, { groups }) {
  const csrf = { preHandler: app.verifyCsrf };
  const groupPage = (req, id, extra = {}) => {
    const v = groups.view(req.actor, id);
    return {
      titleKey: "aid.groupOrder.title",
      ...v,
      orders: v.orders.map((o) => ({ ...o, ...orderStatus(o.status) })),
      values: { paidOn: app.clock.today() },
      ...extra
    };
  };
  app.get("/aid/group-orders/:id", async (req, reply) => {
    const { id } = parseInput(idParam, req.params);
    return reply.page("aid/group-order", groupPage(req, id));
  });
  app.post("/aid/group-orders/:id/confirm", csrf, async (req, reply) => {
    const { id } = parseInput(idParam, req.params);
    groups.checkMayConfirm(req.actor, id);
    const body = req.body ?? {};
    try {
      groups.confirmPayment(req.actor, id, parseInput(paymentBody, body));
      reply.flash("aid.groupOrder.confirmed");
      return await reply.redirect(`/aid/group-orders/${id}`);
    } catch (err) {
      return reply.formError(err, "aid/group-order", groupPage(req, id, { values: body }));
    }
  });
  const accountsPage = (req, extra = {}) => ({
    titleKey: "aid.accounts.title",
    buildings: groups.accounts(req.actor),
    ...extra
  });
  app.get("/aid/accounts", async (req, reply) => reply.page("aid/accounts", accountsPage(req)));
  app.post("/aid/accounts/:id", csrf, async (req, reply) => {
    const { id } = parseInput(idParam, req.params);
    const body = req.body ?? {};
    try {
      groups.saveAccount(req.actor, id, parseInput(accountForm, body));
      reply.flash("common.saved");
      return await reply.redirect("/aid/accounts");
    } catch (err) {
      return reply.formError(err, "aid/accounts", accountsPage(req, { editing: id, values: body }));
    }
  });
  app.get("/aid/orders/find", async (req, reply) => {
    requireStaffOrAdmin(req.actor);
    const q = req.query ?? {};
    const ref = parsePaymentReference(q.ref ?? "");
    try {
      if (ref === null) throw badRequest({ ref: "aid.v.reference" });
      return await reply.redirect(ref.kind === "group" ? `/aid/group-orders/${ref.id}` : `/aid/orders/${ref.id}`);
    } catch (err) {
      return reply.formError(err, "aid/find", { titleKey: "aid.find.title", values: { ref: q.ref ?? "" } });
    }
  });
}
export {
  accountForm,
  groupOrdersPages as default
};
//# sourceMappingURL=group-orders-pages.js.map
