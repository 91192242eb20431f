import { z } from "zod";
import { parseInput } from "../../lib/validation.js";
import { AppError, badRequest } from "../../lib/errors.js";
import { bulkApproveInput, bulkRejectInput } from "./memberships-schemas.js";
import { approveMany, rejectMany } from "./bulk-decisions.js";
const KNOWN_CODES = /* @__PURE__ */ new Set(["STATE_CHANGED", "FORBIDDEN", "NOT_FOUND", "ENTERPRISE_NOT_ENROLLED"]);
const decision = z.object({ decision: z.enum(["approve", "reject"], { error: "memberships.v.ids" }) });
async function bulkPages(app, { service }) {
  const csrf = { preHandler: app.verifyCsrf };
  const applications = (actor, ids) => ids.flatMap((id) => {
    try {
      const v = service.view(actor, id);
      return [{ id, name: v.membership.name, enterpriseName: v.membership.enterpriseName, applied: v.membership.status === "applied" }];
    } catch (err) {
      if (err instanceof AppError && err.statusCode < 500) return [];
      throw err;
    }
  });
  const resultPage = (actor, done, refused, doneKey) => {
    const names = new Map(applications(actor, [...done, ...refused.map((r) => r.id)]).map((a) => [a.id, a.name]));
    return {
      titleKey: "memberships.bulk.resultTitle",
      doneKey,
      doneCount: done.length,
      done: done.map((id) => ({ id, name: names.get(id) ?? `#${id}` })),
      refused: refused.map((r) => ({ id: r.id, name: names.get(r.id) ?? `#${r.id}`, reasonKey: `memberships.bulk.code.${KNOWN_CODES.has(r.code) ? r.code : "OTHER"}` }))
    };
  };
  const confirmPage = (actor, ids, extra = {}) => ({
    titleKey: "memberships.bulk.rejectTitle",
    items: applications(actor, ids).filter((a) => a.applied),
    values: {},
    ...extra
  });
  app.post("/memberships/decide", csrf, async (req, reply) => {
    const actor = app.requireSignedIn(req);
    const body = req.body ?? {};
    try {
      const { ids } = parseInput(bulkApproveInput, body);
      const { decision: d } = parseInput(decision, body);
      if (d === "reject") return await reply.page("memberships/reject-confirm", confirmPage(actor, ids));
      const answer = approveMany(service, actor, ids);
      return await reply.page("memberships/bulk-result", resultPage(actor, answer.approved, answer.refused, "memberships.bulk.approved"));
    } catch (err) {
      if (err instanceof AppError && err.statusCode === 400) {
        reply.flash("memberships.v.ids");
        return await reply.redirect("/memberships?status=applied");
      }
      throw err;
    }
  });
  app.post("/memberships/reject-many", csrf, async (req, reply) => {
    const actor = app.requireSignedIn(req);
    const body = req.body ?? {};
    const input = parseInput(bulkRejectInput, body);
    try {
      if (input.reason === void 0 || input.reason.trim() === "") throw badRequest({ reason: "memberships.v.reasonRequired" });
      const answer = rejectMany(service, actor, input.ids, input.reason);
      return await reply.page("memberships/bulk-result", resultPage(actor, answer.rejected, answer.refused, "memberships.bulk.rejected"));
    } catch (err) {
      return reply.formError(err, "memberships/reject-confirm", confirmPage(actor, input.ids, { values: body }));
    }
  });
}
export {
  bulkPages as default
};
//# sourceMappingURL=bulk-pages.js.map
