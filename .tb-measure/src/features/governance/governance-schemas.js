import { z } from "zod";
import { calendarDate, optionalText, text } from "../../lib/validation.js";
import { CONGRESS_FORMS, MOTION_KINDS, REPRESENTATIVE_CATEGORIES, VOTES } from "../../domain/congress.js";
import { BARGAINING_TOPICS, SIDES } from "../../domain/bargaining.js";
import { MAX_TERM_YEARS, MIN_TERM_YEARS } from "../../domain/collective-contract.js";
import { DISCLOSURE_CATEGORIES } from "../../domain/disclosure.js";
const id = (message = "v.invalidType") => z.coerce.number({ error: message }).int(message).positive(message);
const congressInput = z.object({
  buildingId: id("governance.v.unknownBuilding"),
  term: z.coerce.number({ error: "governance.v.term" }).refine((n) => n === 3 || n === 5, "governance.v.term"),
  startsOn: calendarDate(),
  form: z.preprocess((v) => v === "" || v === void 0 ? "representatives" : v, z.enum(CONGRESS_FORMS, { error: "v.invalidValue" }))
});
const representativeInput = z.object({
  membershipId: id("governance.v.unknownMembership"),
  category: z.enum(REPRESENTATIVE_CATEGORIES, { error: "governance.v.category" })
});
const agenda = z.preprocess(
  (v) => typeof v === "string" ? v.split(/\r?\n/).map((s) => s.trim()).filter((s) => s !== "") : v,
  z.array(z.string().trim().min(1).max(200, "v.tooLong")).max(30, "v.tooBig").optional()
);
const sessionInput = z.object({ date: calendarDate(), title: text(200), agenda });
const attendanceInput = z.object({
  representativeIds: z.preprocess(
    (v) => v === void 0 || v === null || Array.isArray(v) ? v : [v],
    z.array(z.coerce.number().int().positive(), { error: "governance.v.representativeIds" }).min(1, "governance.v.representativeIds").max(2e3)
  )
});
const motionInput = z.object({
  title: text(200),
  kind: z.enum(MOTION_KINDS, { error: "governance.v.motionKind" }),
  contractId: z.preprocess((v) => v === "" ? void 0 : v, z.coerce.number().int().positive().optional())
});
const voteInput = z.object({ vote: z.enum(VOTES, { error: "governance.v.vote" }) });
const repParams = z.object({ id: z.coerce.number().int().positive(), repId: z.coerce.number().int().positive() });
const signInQuery = z.object({ t: optionalText(100) });
const optionalId = z.preprocess((v) => v === "" || v === void 0 ? void 0 : v, z.coerce.number().int().positive().optional());
const checkbox = z.preprocess((v) => v === "on" || v === "1" || v === "true" || v === true, z.boolean());
const many = (item) => z.preprocess((v) => v === void 0 || v === "" ? [] : Array.isArray(v) ? v : [v], z.array(item));
const roundInput = z.object({
  title: text(200),
  topics: many(z.enum(BARGAINING_TOPICS)).pipe(z.array(z.enum(BARGAINING_TOPICS)).min(1, "governance.v.topics")),
  enterpriseId: optionalId
});
const negotiatorInput = z.object({ side: z.enum(SIDES, { error: "v.invalidValue" }), name: text(50), position: optionalText(100), chief: checkbox });
const proposalInput = z.object({ fromSide: z.enum(SIDES, { error: "v.invalidValue" }), body: text(5e3), proposedOn: calendarDate() });
const answerInput = z.object({ answeredOn: calendarDate(), answer: text(5e3) });
const meetingInput = z.object({ heldOn: calendarDate(), record: text(1e4) });
const draftInput = z.object({
  title: text(200),
  kind: z.enum(["general", "safety", "women"], { error: "v.invalidValue" }),
  termYears: z.coerce.number({ error: "governance.v.termYears" }).int("governance.v.termYears").min(MIN_TERM_YEARS, "governance.v.termYears").max(MAX_TERM_YEARS, "governance.v.termYears"),
  text: text(1e5),
  enterpriseId: optionalId,
  roundId: optionalId
});
const signInput = z.object({ signedOn: calendarDate(), workersChief: text(50), employersChief: text(50) });
const fileInput = z.object({ filedOn: calendarDate() });
const approveInput = z.object({ approvedOn: calendarDate() });
const disclosureInput = z.object({
  enterpriseId: optionalId,
  category: z.enum(DISCLOSURE_CATEGORIES, { error: "v.invalidValue" }),
  title: text(200),
  body: text(2e4),
  periodFrom: calendarDate(),
  periodTo: calendarDate()
});
const charterInput = z.object({
  kind: z.enum(["charter", "congress_rules"], { error: "v.invalidValue" }),
  title: text(200),
  body: text(1e5),
  adoptedOn: calendarDate(),
  adoptedBy: text(200),
  sessionId: optionalId
});
export {
  answerInput,
  approveInput,
  attendanceInput,
  charterInput,
  congressInput,
  disclosureInput,
  draftInput,
  fileInput,
  meetingInput,
  motionInput,
  negotiatorInput,
  proposalInput,
  repParams,
  representativeInput,
  roundInput,
  sessionInput,
  signInQuery,
  signInput,
  voteInput
};
//# sourceMappingURL=governance-schemas.js.map
