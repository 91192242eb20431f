import { idParam, parseInput } from "../../lib/validation.js";
import { requireStaffOrAdmin } from "../../lib/access.js";
import { apiDoc, fromZod, int, obj, oneOf } from "../../plugins/openapi.js";
import { attendanceInput, congressInput, motionInput, repParams, representativeInput, sessionInput, voteInput } from "./governance-schemas.js";
const positiveId = (v) => typeof v === "number" && Number.isInteger(v) && v > 0 ? v : void 0;
async function congressApi(app, { service }) {
  app.post("/api/v1/congresses", {
    schema: apiDoc({
      summary: "Found a term (\u5C4A) of a building's joint worker congress (staff of the building, admin)",
      description: "`term` is the term's length in years (3 or 5); `form` is `representatives` (default) or `assembly` (an all-member assembly, for a building with fewer than 100 members).",
      tag: "governance",
      body: fromZod(congressInput, { optional: ["form"] }),
      answer: { status: 201, description: "The congress", schema: obj({ id: int() }) }
    })
  }, async (req, reply) => {
    const actor = requireStaffOrAdmin(app.requireSignedIn(req));
    service.congresses.assertCanFound(actor, positiveId(req.body?.buildingId));
    const input = parseInput(congressInput, req.body);
    const c = service.congresses.found(
      actor,
      { buildingId: input.buildingId, termYears: input.term, startsOn: input.startsOn, form: input.form }
    );
    return reply.code(201).send({ id: c.id });
  });
  app.post("/api/v1/congresses/:id/representatives", {
    schema: apiDoc({
      summary: "Seat a representative: an active member of an enrolled enterprise of the building",
      tag: "governance",
      params: fromZod(idParam),
      body: fromZod(representativeInput),
      answer: { status: 201, description: "The seat", schema: obj({ id: int() }) },
      errors: { 409: "ALREADY_REPRESENTATIVE", 422: "NOT_ELIGIBLE: not an active member of an enrolled enterprise of this building" }
    })
  }, async (req, reply) => {
    const actor = app.requireSignedIn(req);
    const { id } = parseInput(idParam, req.params);
    service.congresses.congressFor(actor, id, true);
    const input = parseInput(representativeInput, req.body);
    const r = service.congresses.addRepresentative(actor, id, input.membershipId, input.category);
    return reply.code(201).send({ id: r.id });
  });
  app.delete("/api/v1/congresses/:id/representatives/:repId", {
    schema: apiDoc({
      summary: "End a representative's seat (left or replaced); their past votes stay",
      tag: "governance",
      params: fromZod(repParams),
      answer: { status: 204, description: "Unseated" },
      errors: { 409: "STATE_CHANGED: already unseated" }
    })
  }, async (req, reply) => {
    const actor = app.requireSignedIn(req);
    const { id, repId } = parseInput(repParams, req.params);
    service.congresses.removeRepresentative(actor, id, repId);
    return reply.code(204).send();
  });
  app.post("/api/v1/congresses/:id/sessions", {
    schema: apiDoc({
      summary: "Open a session (with an optional agenda); refused while the composition breaks a rule",
      tag: "governance",
      params: fromZod(idParam),
      body: fromZod(sessionInput),
      answer: { status: 201, description: "The session", schema: obj({ id: int() }) },
      errors: { 422: "COMPOSITION_INVALID: fewer than 30 representatives, operators above 20%, or an assembly not open to this building / missing members (the message names each)" }
    })
  }, async (req, reply) => {
    const actor = app.requireSignedIn(req);
    const { id } = parseInput(idParam, req.params);
    service.congresses.congressFor(actor, id, true);
    const input = parseInput(sessionInput, req.body);
    const s = service.sessions.open(actor, id, input);
    return reply.code(201).send({ id: s.id });
  });
  app.post("/api/v1/congress-sessions/:id/attendance", {
    schema: apiDoc({
      summary: "Record representatives present (added to those already signed in)",
      tag: "governance",
      params: fromZod(idParam),
      body: fromZod(attendanceInput),
      answer: { description: "Attendance now", schema: obj({ present: int(), total: int(), quorum: { type: "boolean", description: "at least two thirds present" } }) }
    })
  }, async (req) => {
    const actor = app.requireSignedIn(req);
    const { id } = parseInput(idParam, req.params);
    service.sessions.assertManager(actor, id);
    const { representativeIds } = parseInput(attendanceInput, req.body);
    const a = service.sessions.record(actor, id, representativeIds);
    return { present: a.present, total: a.total, quorum: a.quorum };
  });
  app.post("/api/v1/congress-sessions/:id/motions", {
    schema: apiDoc({
      summary: "Put a motion to the session (needs two thirds present)",
      tag: "governance",
      params: fromZod(idParam),
      body: fromZod(motionInput),
      answer: { status: 201, description: "The motion, open for votes", schema: obj({ id: int() }) },
      errors: { 422: "NO_QUORUM: fewer than two thirds of the representatives present" }
    })
  }, async (req, reply) => {
    const actor = app.requireSignedIn(req);
    const { id } = parseInput(idParam, req.params);
    service.sessions.assertManager(actor, id);
    const input = parseInput(motionInput, req.body);
    const m = service.motions.put(actor, id, input);
    return reply.code(201).send({ id: m.id });
  });
  app.post("/api/v1/motions/:id/vote", {
    schema: apiDoc({
      summary: "Vote on a motion: the representative themselves, present at the session, once",
      tag: "governance",
      params: fromZod(idParam),
      body: fromZod(voteInput),
      answer: { description: "Counted", schema: obj({ vote: oneOf("yes", "no", "abstain") }) },
      errors: { 403: "Not a sitting representative of this congress, or not present at the session", 409: "ALREADY_VOTED, or MOTION_CLOSED" }
    })
  }, async (req) => {
    const actor = app.requireSignedIn(req);
    const { id } = parseInput(idParam, req.params);
    service.motions.assertVoter(actor, id);
    const { vote } = parseInput(voteInput, req.body);
    service.motions.vote(actor, id, vote);
    return { vote };
  });
  app.post("/api/v1/motions/:id/close", {
    schema: apiDoc({
      summary: "Close the vote: passed with yes from more than half of ALL representatives",
      tag: "governance",
      params: fromZod(idParam),
      answer: { description: "The result", schema: obj({ result: oneOf("passed", "failed"), yes: int(), no: int(), abstain: int(), total: int("all representatives when the motion was put") }) },
      errors: { 409: "MOTION_CLOSED: closed already" }
    })
  }, async (req) => {
    const actor = app.requireSignedIn(req);
    const { id } = parseInput(idParam, req.params);
    return service.motions.close(actor, id);
  });
}
export {
  congressApi as default
};
//# sourceMappingURL=congress-api.js.map
