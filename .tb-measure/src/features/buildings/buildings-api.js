import { idParam, optionalText, parseInput } from "../../lib/validation.js";
import { z } from "zod";
import { requireAdmin } from "../../lib/access.js";
import { buildingInput, enterpriseInput, handOverInput, rejectInput } from "./buildings-schemas.js";
import { apiDoc, fromZod, int, items, nullable, obj, oneOf, str } from "../../plugins/openapi.js";
import { searchEnterprises } from "./buildings-repository.js";
const enterpriseSearchQuery = z.object({
  buildingId: z.preprocess((v) => v === "" ? void 0 : v, z.coerce.number({ error: "v.positiveInt" }).int("v.positiveInt").positive("v.positiveInt").max(2 ** 31, "v.positiveInt").optional()),
  q: optionalText(50)
});
const ENTERPRISE_SEARCH_LIMIT = 50;
const withdrawInput = z.object({ note: optionalText(500) });
async function buildingsApi(app, { service }) {
  const buildingBody = buildingInput(app.clock.today);
  const enterpriseBody = enterpriseInput(service.buildingExists);
  app.get("/api/v1/buildings", {
    schema: apiDoc({
      summary: "Buildings with their coverage (enrolled / total enterprises, members)",
      tag: "buildings",
      auth: false,
      answer: { description: "Every building", schema: items(obj({ id: int(), name: str(), district: str(), enterprisesTotal: int("enterprises physically in the building"), enterprisesEnrolled: int(), members: int("active members") })) }
    })
  }, async () => {
    const items2 = service.coverage().map((b) => ({
      id: b.id,
      name: b.name,
      district: b.district,
      enterprisesTotal: b.enterprisesTotal,
      enterprisesEnrolled: b.enterprisesEnrolled,
      members: b.members
    }));
    return { items: items2 };
  });
  app.post("/api/v1/buildings", {
    schema: apiDoc({
      summary: "Add a building (admin)",
      tag: "buildings",
      body: fromZod(buildingBody, { optional: ["isModel", "hasWorkerCongress", "hasAffairsDisclosure"] }),
      answer: { status: 201, description: "The new building", schema: obj({ id: int() }) },
      errors: { 403: "Not an admin (checked before the body)" }
    })
  }, async (req, reply) => {
    const actor = requireAdmin(app.requireSignedIn(req));
    const input = parseInput(buildingBody, req.body);
    const b = service.createBuilding(actor, input);
    return reply.code(201).send({ id: b.id });
  });
  app.post("/api/v1/enterprises", {
    schema: apiDoc({
      summary: "Enrol an enterprise in its building's federation; the caller becomes its liaison",
      tag: "enterprises",
      body: fromZod(enterpriseBody),
      answer: { status: 201, description: "Submitted for review by the building's staff", schema: obj({ id: int(), status: oneOf("pending") }) },
      errors: { 409: "USCC_TAKEN: an enterprise with this credit code exists" }
    })
  }, async (req, reply) => {
    const actor = app.requireSignedIn(req);
    const input = parseInput(enterpriseBody, req.body);
    const e = service.enrol(actor, input);
    return reply.code(201).send({ id: e.id, status: e.status });
  });
  app.get("/api/v1/enterprises", {
    schema: apiDoc({
      summary: "Find enterprises by part of the name or USCC, within a building (signed in)",
      description: `Enrolled enterprises first, then by name; at most ${ENTERPRISE_SEARCH_LIMIT}.`,
      tag: "buildings",
      query: fromZod(enterpriseSearchQuery),
      answer: { description: "The enterprises found", schema: items(obj({ id: int(), name: str(), buildingId: int(), status: oneOf("pending", "enrolled", "rejected", "withdrawn") })) }
    })
  }, async (req) => {
    app.requireSignedIn(req);
    const q = parseInput(enterpriseSearchQuery, req.query);
    const items2 = searchEnterprises(app.db, { buildingId: q.buildingId, q: q.q, limit: ENTERPRISE_SEARCH_LIMIT });
    return { items: items2.map((e) => ({ id: e.id, name: e.name, buildingId: e.buildingId, status: e.status })) };
  });
  app.get("/api/v1/enterprises/:id", {
    schema: apiDoc({
      summary: "One enterprise (its liaison, staff of its building, admin)",
      tag: "enterprises",
      params: fromZod(idParam),
      answer: {
        description: "The enterprise",
        schema: obj({
          id: int(),
          buildingId: int(),
          name: str(),
          uscc: str(),
          floorRoom: nullable(str()),
          headcount: int(),
          contactName: nullable(str()),
          contactPhone: nullable(str()),
          status: oneOf("pending", "enrolled", "rejected", "withdrawn"),
          rejectReason: nullable(str()),
          liaison: obj({ id: int(), name: str() }),
          members: int(),
          submittedAt: str(),
          decidedAt: nullable(str()),
          withdrawnAt: nullable(str())
        })
      }
    })
  }, async (req) => {
    const actor = app.requireSignedIn(req);
    const { id } = parseInput(idParam, req.params);
    const v = service.view(actor, id);
    const e = v.enterprise;
    return {
      id: e.id,
      buildingId: e.buildingId,
      name: e.name,
      uscc: e.uscc,
      floorRoom: e.floorRoom,
      headcount: e.headcount,
      contactName: e.contactName,
      contactPhone: e.contactPhone,
      status: e.status,
      rejectReason: e.rejectReason,
      liaison: { id: v.liaison.id, name: v.liaison.name },
      members: v.members,
      submittedAt: e.submittedAt,
      decidedAt: e.decidedAt,
      withdrawnAt: e.withdrawnAt
    };
  });
  app.post("/api/v1/enterprises/:id/approve", {
    schema: apiDoc({
      summary: "Approve an enterprise (staff of its building, admin; not its own liaison)",
      tag: "enterprises",
      params: fromZod(idParam),
      answer: { description: "Enrolled", schema: obj({ status: oneOf("enrolled") }) },
      errors: { 409: "STATE_CHANGED: not pending any more" }
    })
  }, async (req) => {
    const actor = app.requireSignedIn(req);
    const { id } = parseInput(idParam, req.params);
    return service.approve(actor, id);
  });
  app.post("/api/v1/enterprises/:id/reject", {
    schema: apiDoc({
      summary: "Reject an enterprise with a reason (staff of its building, admin)",
      tag: "enterprises",
      params: fromZod(idParam),
      body: fromZod(rejectInput),
      answer: { description: "Rejected", schema: obj({ status: oneOf("rejected") }) },
      errors: { 409: "STATE_CHANGED: not pending any more" }
    })
  }, async (req) => {
    const actor = app.requireSignedIn(req);
    const { id } = parseInput(idParam, req.params);
    service.assertReviewer(actor, id);
    const { reason } = parseInput(rejectInput, req.body);
    return service.reject(actor, id, reason);
  });
  app.post("/api/v1/enterprises/:id/resubmit", {
    schema: apiDoc({
      summary: "Correct and resubmit a rejected enterprise (its liaison)",
      tag: "enterprises",
      params: fromZod(idParam),
      body: fromZod(enterpriseBody),
      answer: { description: "Pending again", schema: obj({ status: oneOf("pending") }) },
      errors: { 409: "STATE_CHANGED or USCC_TAKEN" }
    })
  }, async (req) => {
    const actor = app.requireSignedIn(req);
    const { id } = parseInput(idParam, req.params);
    service.assertLiaison(actor, id);
    const input = parseInput(enterpriseBody, req.body);
    return service.resubmit(actor, id, input);
  });
  app.post("/api/v1/enterprises/:id/withdraw", {
    schema: apiDoc({
      summary: "Withdraw an enrolled enterprise (its liaison, staff of its building, admin); its members stay members",
      tag: "enterprises",
      params: fromZod(idParam),
      body: fromZod(withdrawInput),
      answer: { description: "Withdrawn", schema: obj({ status: oneOf("withdrawn") }) },
      errors: { 409: "STATE_CHANGED" }
    })
  }, async (req) => {
    const actor = app.requireSignedIn(req);
    const { id } = parseInput(idParam, req.params);
    const { note } = parseInput(withdrawInput, req.body);
    return service.withdraw(actor, id, note);
  });
  app.post("/api/v1/enterprises/:id/liaison", {
    schema: apiDoc({
      summary: "Offer the liaison role to another account (by its phone); it takes effect when they accept it",
      tag: "enterprises",
      params: fromZod(idParam),
      body: fromZod(handOverInput),
      answer: { description: "The liaison (unchanged until accepted) and the person the offer names", schema: obj({ liaisonUserId: int(), pendingLiaisonUserId: int() }) }
    })
  }, async (req) => {
    const actor = app.requireSignedIn(req);
    const { id } = parseInput(idParam, req.params);
    service.view(actor, id);
    const { phone } = parseInput(handOverInput, req.body);
    return service.handOver(actor, id, phone);
  });
  app.post("/api/v1/enterprises/:id/liaison/accept", {
    schema: apiDoc({
      summary: "Accept the liaison role offered to me by a hand-over",
      tag: "enterprises",
      params: fromZod(idParam),
      answer: { description: "I am the liaison now", schema: obj({ liaisonUserId: int() }) },
      errors: { 409: "STATE_CHANGED" }
    })
  }, async (req) => {
    const actor = app.requireSignedIn(req);
    const { id } = parseInput(idParam, req.params);
    return service.acceptHandOver(actor, id);
  });
}
export {
  ENTERPRISE_SEARCH_LIMIT,
  buildingsApi as default,
  enterpriseSearchQuery
};
//# sourceMappingURL=buildings-api.js.map
