import { idParam, parseInput } from "../../lib/validation.js";
import { applyForm, leaveInput, transferInput } from "./memberships-schemas.js";
import { searchEnterprises } from "../buildings/buildings-repository.js";
import { summary } from "./page-parts.js";
import { qrSvg } from "./page-parts.js";
import { MEMBERSHIP_OPEN, MEMBERSHIP_TRANSITIONS, transition } from "../../domain/lifecycles.js";
const ENTERPRISE_CHOICES = 50;
function memberPages(app, { service }) {
  const csrf = { preHandler: app.verifyCsrf };
  const today = () => app.clock.today();
  const applyFormSchema = applyForm(today);
  const applyPageData = (buildingId, q, values) => {
    const found = searchEnterprises(app.db, { buildingId, q, status: "enrolled", limit: ENTERPRISE_CHOICES + 1 });
    const chosen = Number(values.enterpriseId);
    const choices = found.slice(0, ENTERPRISE_CHOICES);
    if (Number.isSafeInteger(chosen) && chosen > 0 && !choices.some((e) => e.id === chosen)) {
      const e = searchEnterprises(app.db, { status: "enrolled", limit: 1, id: chosen })[0];
      if (e !== void 0) choices.unshift(e);
    }
    const groups = [];
    for (const e of [...choices].sort((a, b) => a.buildingName.localeCompare(b.buildingName, "zh"))) {
      let g = groups.find((x) => x.buildingName === e.buildingName);
      if (g === void 0) {
        g = { buildingName: e.buildingName, enterprises: [] };
        groups.push(g);
      }
      g.enterprises.push({ id: e.id, name: e.name, selected: String(values.enterpriseId) === String(e.id) });
    }
    const buildings = service.buildings().map((b) => ({ ...b, selected: b.id === buildingId }));
    const anyEnrolled = groups.length > 0 || searchEnterprises(app.db, { status: "enrolled", limit: 1 }).length > 0;
    return {
      titleKey: "memberships.apply.title",
      groups,
      buildings,
      buildingId,
      q,
      values,
      anyEnrolled,
      moreThanShown: found.length > ENTERPRISE_CHOICES,
      searched: q !== void 0 || buildingId !== void 0,
      shown: ENTERPRISE_CHOICES
    };
  };
  const applySearch = (v) => {
    const b = Number(v.buildingId);
    const q = typeof v.q === "string" && v.q.trim() !== "" ? v.q.trim().slice(0, 50) : void 0;
    return { buildingId: Number.isSafeInteger(b) && b > 0 ? b : void 0, q };
  };
  app.get("/membership/apply", async (req, reply) => {
    const actor = app.requireSignedIn(req);
    const existing = service.mine(actor);
    if (existing !== void 0 && MEMBERSHIP_OPEN.includes(existing.status)) return reply.redirect("/membership");
    const { buildingId, q } = applySearch(req.query ?? {});
    return reply.page("memberships/apply", applyPageData(buildingId, q, { name: actor.name, mobile: actor.phone }));
  });
  app.post("/membership/apply", csrf, async (req, reply) => {
    const actor = app.requireSignedIn(req);
    const body = req.body ?? {};
    const { buildingId, q } = applySearch(body);
    if (body.action === "search") return await reply.page("memberships/apply", applyPageData(buildingId, q, { ...body }));
    try {
      const input = parseInput(applyFormSchema, body);
      service.apply(actor, input);
      reply.flash("memberships.apply.sent");
      return await reply.redirect("/membership");
    } catch (err) {
      const values = { ...body };
      delete values.idNumber;
      return reply.formError(err, "memberships/apply", applyPageData(buildingId, q, values));
    }
  });
  const minePage = (actor, extra = {}) => {
    const m = service.mine(actor);
    if (m === void 0) return { titleKey: "memberships.mine.title", none: true, ...extra };
    const v = service.view(actor, m.id);
    const pending = v.transfers.find((t) => t.status === "pending");
    return {
      titleKey: "memberships.mine.title",
      m: summary(m),
      transfers: v.transfers,
      pendingTransfer: pending,
      isActive: m.status === "active",
      canApplyAgain: transition(MEMBERSHIP_TRANSITIONS, "applyAgain", m.status) !== null,
      canLeave: v.canLeave,
      canRequestTransfer: v.canRequestTransfer,
      transferTargets: v.canRequestTransfer ? service.enrolledEnterprises().filter((e) => e.id !== m.enterpriseId) : [],
      values: {},
      ...extra
    };
  };
  app.get("/membership", async (req, reply) => {
    const actor = app.requireSignedIn(req);
    return reply.page("memberships/mine", minePage(actor));
  });
  app.post("/membership/reveal-id", csrf, async (req, reply) => {
    const actor = app.requireSignedIn(req);
    const m = service.mine(actor);
    if (m === void 0) return reply.redirect("/membership");
    return reply.page("memberships/mine", minePage(actor, { fullId: service.revealId(actor, m.id) }));
  });
  app.post("/membership/leave", csrf, async (req, reply) => {
    const actor = app.requireSignedIn(req);
    const m = service.mine(actor);
    if (m === void 0) return reply.redirect("/membership");
    try {
      service.leave(actor, m.id, parseInput(leaveInput, req.body).note);
      reply.flash("memberships.left");
      return await reply.redirect("/membership");
    } catch (err) {
      return reply.formError(err, "memberships/mine", minePage(actor));
    }
  });
  app.post("/membership/transfer", csrf, async (req, reply) => {
    const actor = app.requireSignedIn(req);
    const m = service.mine(actor);
    if (m === void 0) return reply.redirect("/membership");
    try {
      const input = parseInput(transferInput, req.body);
      service.requestTransfer(actor, m.id, input.enterpriseId);
      reply.flash("memberships.transfer.sent");
      return await reply.redirect("/membership");
    } catch (err) {
      return reply.formError(err, "memberships/mine", minePage(actor, { values: req.body }));
    }
  });
  app.post("/membership/transfers/:id/cancel", csrf, async (req, reply) => {
    const actor = app.requireSignedIn(req);
    const { id } = parseInput(idParam, req.params);
    try {
      service.cancelTransfer(actor, id);
      reply.flash("memberships.transfer.cancelled");
      return await reply.redirect("/membership");
    } catch (err) {
      return reply.formError(err, "memberships/mine", minePage(actor));
    }
  });
  app.get("/membership/card", async (req, reply) => {
    const actor = app.requireSignedIn(req);
    const m = service.mine(actor);
    if (m === void 0 || m.status !== "active" || m.memberNo === null) return reply.redirect("/membership");
    const verifyUrl = `${req.protocol}://${req.host}/cards/verify/${service.cardToken(m.id)}`;
    return reply.page("memberships/card", { titleKey: "memberships.card.title", m: summary(m), qr: await qrSvg(verifyUrl), verifyUrl });
  });
  app.get("/cards/verify/:token", async (req, reply) => {
    const { token } = req.params;
    const result = typeof token === "string" && token.length <= 64 ? service.verifyCard(token) : null;
    reply.header("x-robots-tag", "noindex");
    return reply.page("memberships/verify", { titleKey: "memberships.verify.title", result, unknown: result === null }, result === null ? 404 : 200);
  });
}
export {
  memberPages
};
//# sourceMappingURL=member-pages.js.map
