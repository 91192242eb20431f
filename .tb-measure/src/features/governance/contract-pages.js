import { idParam, parseInput } from "../../lib/validation.js";
import { AppError } from "../../lib/errors.js";
import { SIDES } from "../../domain/bargaining.js";
import { readUpload } from "../claims/upload.js";
import { sendDocument } from "../../lib/download.js";
import { answerInput, approveInput, draftInput, fileInput, meetingInput, negotiatorInput, proposalInput, roundInput, signInput } from "./governance-schemas.js";
import { buildingPageData } from "./building-page.js";
async function contractPages(app, { service }) {
  const csrf = { preHandler: app.verifyCsrf };
  const manages = (req, buildingId) => {
    const a = req.actor;
    return a !== null && (a.isAdmin || a.isStaff && a.staffBuildingIds.includes(buildingId));
  };
  app.post("/governance/buildings/:id/rounds", csrf, async (req, reply) => {
    const actor = app.requireSignedIn(req);
    const { id } = parseInput(idParam, req.params);
    try {
      const r = service.bargaining.open(actor, id, parseInput(roundInput, req.body));
      return await reply.redirect(`/governance/rounds/${r.id}`, 303);
    } catch (err) {
      return reply.formError(err, "governance/building", buildingPageData(app, service, req, id, { values: req.body, form: "round" }));
    }
  });
  function roundPage(req, id, extra = {}) {
    const actor = app.requireSignedIn(req);
    const v = service.bargaining.view(actor, id);
    return {
      title: v.round.title,
      ...v,
      canManage: manages(req, v.round.buildingId),
      topicLabels: v.topics.map((tp) => req.t(`governance.topic.${tp}`)),
      sides: v.sides.map((s) => ({ ...s, label: req.t(`governance.side.${s.side}`) })),
      problems: v.problems.map((p) => req.t(`governance.negotiators.${p.rule}`, { ...p.params, side: p.side === void 0 ? "" : req.t(`governance.side.${p.side}`) })),
      proposals: v.proposals.map((p) => ({ ...p, fromLabel: req.t(`governance.side.${p.fromSide}`), stateLabel: req.t(`governance.proposal.${p.state}`), late: p.state === "overdue" || p.state === "answered_late" })),
      sideChoices: SIDES.map((s) => ({ value: s, label: req.t(`governance.side.${s}`) })),
      today: app.clock.today(),
      values: {},
      ...extra
    };
  }
  app.get("/governance/rounds/:id", async (req, reply) => {
    const { id } = parseInput(idParam, req.params);
    return reply.page("governance/round", roundPage(req, id));
  });
  const roundForm = (path, act, flash) => {
    app.post(`/governance/rounds/:id/${path}`, csrf, async (req, reply) => {
      const actor = app.requireSignedIn(req);
      const { id } = parseInput(idParam, req.params);
      service.bargaining.roundFor(actor, id, true);
      try {
        act(req, id);
        reply.flash(flash);
        return await reply.redirect(`/governance/rounds/${id}#${path}`, 303);
      } catch (err) {
        return reply.formError(err, "governance/round", roundPage(req, id, { values: req.body, form: path }));
      }
    });
  };
  roundForm("negotiators", (req, id) => {
    service.bargaining.addNegotiator(req.actor, id, parseInput(negotiatorInput, req.body));
  }, "common.saved");
  roundForm("proposals", (req, id) => {
    service.bargaining.propose(req.actor, id, parseInput(proposalInput, req.body));
  }, "governance.flash.proposed");
  roundForm("meetings", (req, id) => {
    service.bargaining.recordMeeting(req.actor, id, parseInput(meetingInput, req.body));
  }, "common.saved");
  app.post("/governance/proposals/:id/answer", csrf, async (req, reply) => {
    const actor = app.requireSignedIn(req);
    const { id } = parseInput(idParam, req.params);
    const roundId = service.bargaining.answer(actor, id, parseInput(answerInput, req.body));
    reply.flash("common.saved");
    return await reply.redirect(`/governance/rounds/${roundId}#proposals`, 303);
  });
  app.post("/governance/buildings/:id/contracts", csrf, async (req, reply) => {
    const actor = app.requireSignedIn(req);
    const { id } = parseInput(idParam, req.params);
    try {
      const c = service.contracts.draft(actor, id, parseInput(draftInput, req.body));
      reply.flash("governance.flash.drafted");
      return await reply.redirect(`/governance/contracts/${c.id}`, 303);
    } catch (err) {
      return reply.formError(err, "governance/building", buildingPageData(app, service, req, id, { values: req.body, form: "contract" }));
    }
  });
  function contractPage(req, id, extra = {}) {
    const actor = app.requireSignedIn(req);
    const v = service.contracts.view(actor, id);
    const c = v.contract;
    return {
      title: c.title,
      ...v,
      canManage: manages(req, c.buildingId),
      statusLabel: req.t(`governance.contractStatus.${v.status}`),
      kindLabel: req.t(`governance.contractKind.${c.kind}`),
      today: app.clock.today(),
      values: { signedOn: app.clock.today(), filedOn: app.clock.today(), approvedOn: app.clock.today() },
      ...extra
    };
  }
  app.get("/governance/contracts/:id", async (req, reply) => {
    const { id } = parseInput(idParam, req.params);
    return reply.page("governance/contract", contractPage(req, id));
  });
  const step = (path, act) => {
    app.post(`/governance/contracts/:id/${path}`, csrf, async (req, reply) => {
      const actor = app.requireSignedIn(req);
      const { id } = parseInput(idParam, req.params);
      service.contracts.contractFor(actor, id, true);
      try {
        reply.flash(act(req, id));
        return await reply.redirect(`/governance/contracts/${id}`, 303);
      } catch (err) {
        return reply.formError(err, "governance/contract", contractPage(req, id, { values: req.body }));
      }
    });
  };
  step("sign", (req, id) => {
    service.contracts.sign(req.actor, id, parseInput(signInput, req.body));
    return "governance.flash.signed";
  });
  step("file", (req, id) => service.contracts.file(req.actor, id, parseInput(fileInput, req.body).filedOn).late ? "governance.flash.filedLate" : "governance.flash.filed");
  step("approve", (req, id) => {
    service.contracts.approve(req.actor, id, parseInput(approveInput, req.body).approvedOn);
    return "governance.flash.approved";
  });
  app.post("/governance/contracts/:id/renew", csrf, async (req, reply) => {
    const actor = app.requireSignedIn(req);
    const { id } = parseInput(idParam, req.params);
    const next = service.contracts.renew(actor, id);
    reply.flash("governance.flash.renewed");
    return await reply.redirect(`/governance/contracts/${next.id}`, 303);
  });
  app.post("/governance/contracts/:id/scan", csrf, async (req, reply) => {
    const actor = app.requireSignedIn(req);
    const { id } = parseInput(idParam, req.params);
    service.contracts.contractFor(actor, id, true);
    try {
      const upload = await readUpload(req);
      if (upload.file === void 0) throw new AppError(400, "INVALID_INPUT", "claims.doc.fileRequired", {}, { file: "claims.doc.fileRequired" });
      service.contracts.attachScan(actor, id, upload.file.fileName, upload.file.bytes);
      reply.flash("governance.flash.scan");
      return await reply.redirect(`/governance/contracts/${id}`, 303);
    } catch (err) {
      return reply.formError(err, "governance/contract", contractPage(req, id));
    }
  });
  app.get("/governance/contracts/:id/text", async (req, reply) => {
    const { id } = parseInput(idParam, req.params);
    return sendDocument(reply, ...asDoc(service.contracts.readFile(app.requireSignedIn(req), id, "text")));
  });
  app.get("/governance/contracts/:id/scan", async (req, reply) => {
    const { id } = parseInput(idParam, req.params);
    return sendDocument(reply, ...asDoc(service.contracts.readFile(app.requireSignedIn(req), id, "scan")));
  });
}
function asDoc(f) {
  return [{ fileName: f.fileName, mime: f.mime }, f.bytes];
}
export {
  contractPages as default
};
//# sourceMappingURL=contract-pages.js.map
