import { z } from "zod";
import { idParam, parseInput } from "../../lib/validation.js";
import { MOTION_KINDS, VOTES } from "../../domain/congress.js";
import { qrSvg } from "../memberships/memberships-pages.js";
import { attendanceInput, motionInput, signInQuery, voteInput } from "./governance-schemas.js";
const tokenBody = z.object({ t: z.string().max(100).default("") });
async function sessionPages(app, { service }) {
  const csrf = { preHandler: app.verifyCsrf };
  async function sessionPage(req, id, extra = {}) {
    const actor = app.requireSignedIn(req);
    const v = service.sessions.view(actor, id);
    const canManage = actor.isAdmin || actor.isStaff && actor.staffBuildingIds.includes(v.congress.buildingId);
    const signInUrl = `${req.protocol}://${req.host}/governance/sessions/${id}/sign-in?t=${v.session.signInToken}`;
    return {
      title: v.session.title,
      ...v,
      canManage,
      qr: canManage ? await qrSvg(signInUrl) : void 0,
      signInUrl: canManage ? signInUrl : void 0,
      representatives: v.representatives.map((r) => ({
        ...r,
        categoryLabel: req.t(`governance.category.${r.category}`),
        viaLabel: r.present === void 0 ? void 0 : req.t(r.present.via === "qr" ? "governance.session.viaQr" : "governance.session.viaStaff")
      })),
      motions: v.motions.map((m) => ({
        ...m,
        kindLabel: req.t(`governance.motionKind.${m.kind}`),
        resultLabel: m.result === null ? req.t("governance.motion.open") : req.t(`governance.result.${m.result}`),
        myVoteLabel: m.myVote === void 0 ? void 0 : req.t(`governance.vote.${m.myVote}`),
        canVote: m.status === "open" && v.seatPresent && m.myVote === void 0,
        votes: m.votes.map((x) => ({ ...x, voteLabel: req.t(`governance.vote.${x.vote}`) }))
      })),
      contractChoices: canManage ? service.contracts.drafts(v.congress.buildingId) : [],
      kinds: MOTION_KINDS.map((k) => ({ value: k, label: req.t(`governance.motionKind.${k}`) })),
      voteChoices: VOTES.map((k) => ({ value: k, label: req.t(`governance.vote.${k}`) })),
      values: {},
      ...extra
    };
  }
  app.get("/governance/sessions/:id", async (req, reply) => {
    const { id } = parseInput(idParam, req.params);
    return reply.page("governance/session", await sessionPage(req, id));
  });
  app.get("/governance/sessions/:id/minutes", async (req, reply) => {
    const { id } = parseInput(idParam, req.params);
    const data = await sessionPage(req, id);
    return reply.page("governance/minutes", { ...data, qr: void 0, title: `${req.t("governance.minutes.title")} \xB7 ${String(data.title)}` });
  });
  app.post("/governance/sessions/:id/attendance", csrf, async (req, reply) => {
    const actor = app.requireSignedIn(req);
    const { id } = parseInput(idParam, req.params);
    service.sessions.assertManager(actor, id);
    try {
      const { representativeIds } = parseInput(attendanceInput, req.body);
      service.sessions.record(actor, id, representativeIds);
      reply.flash("governance.flash.attendance");
      return await reply.redirect(`/governance/sessions/${id}#attendance`, 303);
    } catch (err) {
      return reply.formError(err, "governance/session", await sessionPage(req, id));
    }
  });
  app.get("/governance/sessions/:id/sign-in", async (req, reply) => {
    const actor = app.requireSignedIn(req);
    const { id } = parseInput(idParam, req.params);
    const { t } = parseInput(signInQuery, req.query);
    const v = service.sessions.view(actor, id);
    return reply.page("governance/sign-in", { titleKey: "governance.signIn.title", session: v.session, building: v.building, token: t ?? "", seat: v.seat, present: v.seatPresent, name: actor.name });
  });
  app.post("/governance/sessions/:id/sign-in", csrf, async (req, reply) => {
    const actor = app.requireSignedIn(req);
    const { id } = parseInput(idParam, req.params);
    const { t } = parseInput(tokenBody, req.body);
    service.sessions.signIn(actor, id, t);
    reply.flash("governance.flash.signedIn");
    return await reply.redirect(`/governance/sessions/${id}#motions`, 303);
  });
  app.post("/governance/sessions/:id/motions", csrf, async (req, reply) => {
    const actor = app.requireSignedIn(req);
    const { id } = parseInput(idParam, req.params);
    service.sessions.assertManager(actor, id);
    try {
      const input = parseInput(motionInput, req.body);
      service.motions.put(actor, id, input);
      reply.flash("governance.flash.motionPut");
      return await reply.redirect(`/governance/sessions/${id}#motions`, 303);
    } catch (err) {
      return reply.formError(err, "governance/session", await sessionPage(req, id, { values: req.body }));
    }
  });
  app.post("/governance/motions/:id/vote", csrf, async (req, reply) => {
    const actor = app.requireSignedIn(req);
    const { id } = parseInput(idParam, req.params);
    service.motions.assertVoter(actor, id);
    const { vote } = parseInput(voteInput, req.body);
    const sessionId = service.motions.sessionOf(id);
    try {
      service.motions.vote(actor, id, vote);
      reply.flash("governance.flash.voted");
      return await reply.redirect(`/governance/sessions/${sessionId}#motion-${id}`, 303);
    } catch (err) {
      return reply.formError(err, "governance/session", await sessionPage(req, sessionId));
    }
  });
  app.post("/governance/motions/:id/close", csrf, async (req, reply) => {
    const actor = app.requireSignedIn(req);
    const { id } = parseInput(idParam, req.params);
    const sessionId = service.motions.sessionOf(id);
    service.motions.close(actor, id);
    reply.flash("governance.flash.closed");
    return await reply.redirect(`/governance/sessions/${sessionId}#motion-${id}`, 303);
  });
}
export {
  sessionPages as default
};
//# sourceMappingURL=session-pages.js.map
