import { z } from "zod";
import { idParam, optionalText, parseInput } from "../../lib/validation.js";
import { maskMobile } from "../../domain/identity.js";
import { enterpriseInput, handOverInput, rejectInput } from "./buildings-schemas.js";
import { statusBadge } from "./status.js";
const withdrawInput = z.object({ note: optionalText(500) });
async function enterprisesPages(app, { service }) {
  const enterpriseForm = enterpriseInput(service.buildingExists);
  const csrf = { preHandler: app.verifyCsrf };
  const choices = () => service.buildingChoices().map((b) => ({ id: b.id, label: `${b.name}\uFF08${b.district}\uFF09` }));
  app.get("/enterprises", async (req, reply) => {
    const actor = app.requireSignedIn(req);
    const items = service.mine(actor).map((e) => ({ ...e, ...statusBadge(req, e.status) }));
    return reply.page("buildings/my-enterprises", { titleKey: "buildings.mine.title", items });
  });
  app.get("/enterprises/new", async (req, reply) => {
    app.requireSignedIn(req);
    const q = req.query;
    return reply.page("buildings/enrol", {
      titleKey: "buildings.enrol.title",
      action: "/enterprises",
      buildings: choices(),
      values: { buildingId: q.buildingId }
    });
  });
  app.post("/enterprises", csrf, async (req, reply) => {
    const actor = app.requireSignedIn(req);
    const body = req.body ?? {};
    try {
      const input = parseInput(enterpriseForm, body);
      const e = service.enrol(actor, input);
      reply.flash("buildings.enrol.done");
      return await reply.redirect(`/enterprises/${e.id}`);
    } catch (err) {
      return reply.formError(err, "buildings/enrol", { titleKey: "buildings.enrol.title", action: "/enterprises", buildings: choices(), values: body });
    }
  });
  const detail = (req, v, extra = {}) => {
    const e = v.enterprise;
    return {
      titleKey: "buildings.enterprise.title",
      title: e.name,
      e,
      ...statusBadge(req, e.status),
      building: v.building,
      // The liaison's own number is theirs to see; reviewers need it to call.
      liaison: { name: v.liaison.name, phone: v.isLiaison || v.isReviewer ? v.liaison.phone : maskMobile(v.liaison.phone) },
      members: v.members,
      can: v.can,
      isLiaison: v.isLiaison,
      history: v.history.slice().reverse().map((h) => ({ at: h.at, action: req.t("buildings.audit." + h.action), note: h.note })),
      values: {},
      ...extra
    };
  };
  app.get("/enterprises/:id", async (req, reply) => {
    const actor = app.requireSignedIn(req);
    const { id } = parseInput(idParam, req.params);
    return reply.page("buildings/enterprise", detail(req, service.view(actor, id)));
  });
  app.post("/enterprises/:id/approve", csrf, async (req, reply) => {
    const actor = app.requireSignedIn(req);
    const { id } = parseInput(idParam, req.params);
    try {
      service.approve(actor, id);
      reply.flash("buildings.approve.done");
      return await reply.redirect(`/enterprises/${id}`);
    } catch (err) {
      return reply.formError(err, "buildings/enterprise", detail(req, service.view(actor, id)));
    }
  });
  app.post("/enterprises/:id/reject", csrf, async (req, reply) => {
    const actor = app.requireSignedIn(req);
    const { id } = parseInput(idParam, req.params);
    const body = req.body ?? {};
    try {
      service.assertReviewer(actor, id);
      const { reason } = parseInput(rejectInput, body);
      service.reject(actor, id, reason);
      reply.flash("buildings.reject.done");
      return await reply.redirect(`/enterprises/${id}`);
    } catch (err) {
      return reply.formError(err, "buildings/enterprise", detail(req, service.view(actor, id), { values: body }));
    }
  });
  app.post("/enterprises/:id/withdraw", csrf, async (req, reply) => {
    const actor = app.requireSignedIn(req);
    const { id } = parseInput(idParam, req.params);
    const body = req.body ?? {};
    try {
      const { note } = parseInput(withdrawInput, body);
      service.withdraw(actor, id, note);
      reply.flash("buildings.withdraw.done");
      return await reply.redirect(`/enterprises/${id}`);
    } catch (err) {
      return reply.formError(err, "buildings/enterprise", detail(req, service.view(actor, id), { values: body }));
    }
  });
  app.post("/enterprises/:id/liaison", csrf, async (req, reply) => {
    const actor = app.requireSignedIn(req);
    const { id } = parseInput(idParam, req.params);
    const body = req.body ?? {};
    try {
      service.view(actor, id);
      const { phone } = parseInput(handOverInput, body);
      service.handOver(actor, id, phone);
      reply.flash("buildings.handOver.pending");
      return await reply.redirect(`/enterprises/${id}`);
    } catch (err) {
      return reply.formError(err, "buildings/enterprise", detail(req, service.view(actor, id), { values: body }));
    }
  });
  app.post("/enterprises/:id/liaison/accept", csrf, async (req, reply) => {
    const actor = app.requireSignedIn(req);
    const { id } = parseInput(idParam, req.params);
    service.acceptHandOver(actor, id);
    reply.flash("buildings.handOver.accepted");
    return await reply.redirect(`/enterprises/${id}`);
  });
  app.get("/enterprises/:id/edit", async (req, reply) => {
    const actor = app.requireSignedIn(req);
    const { id } = parseInput(idParam, req.params);
    service.assertLiaison(actor, id);
    const e = service.view(actor, id).enterprise;
    return reply.page("buildings/enrol", {
      titleKey: "buildings.resubmit.title",
      action: `/enterprises/${id}/edit`,
      resubmit: true,
      rejectReason: e.rejectReason,
      status: e.status,
      buildings: choices(),
      values: {
        buildingId: e.buildingId,
        name: e.name,
        uscc: e.uscc,
        floorRoom: e.floorRoom,
        headcount: e.headcount,
        contactName: e.contactName,
        contactPhone: e.contactPhone
      }
    });
  });
  app.post("/enterprises/:id/edit", csrf, async (req, reply) => {
    const actor = app.requireSignedIn(req);
    const { id } = parseInput(idParam, req.params);
    service.assertLiaison(actor, id);
    const body = req.body ?? {};
    try {
      const input = parseInput(enterpriseForm, body);
      service.resubmit(actor, id, input);
      reply.flash("buildings.resubmit.done");
      return await reply.redirect(`/enterprises/${id}`);
    } catch (err) {
      const e = service.view(actor, id).enterprise;
      return reply.formError(err, "buildings/enrol", {
        titleKey: "buildings.resubmit.title",
        action: `/enterprises/${id}/edit`,
        resubmit: true,
        rejectReason: e.rejectReason,
        status: e.status,
        buildings: choices(),
        values: body
      });
    }
  });
}
export {
  enterprisesPages as default
};
//# sourceMappingURL=enterprises-pages.js.map
