import { z } from "zod";
import { isFen, MAX_FEN } from "../domain/money.js";
import { isRealDate } from "../domain/dates.js";
import { t } from "../i18n/index.js";
import { quoteAnswer } from "../features/claims/claims-answers.js";
const FIELD_HINTS = {
  phone: { description: "\u624B\u673A\u53F7 Mainland mobile number (+86, spaces and hyphens are ignored)", example: "13800000000" },
  mobile: { description: "\u624B\u673A\u53F7 Mainland mobile number; defaults to the account's phone", example: "13800000000" },
  contactPhone: { description: "\u8054\u7CFB\u7535\u8BDD Mainland mobile number", example: "13800000000" },
  uscc: { description: "\u7EDF\u4E00\u793E\u4F1A\u4FE1\u7528\u4EE3\u7801 Unified Social Credit Code (GB 32100-2015), 18 characters", example: "91350100M000100Y43" },
  idNumber: { description: "\u5C45\u6C11\u8EAB\u4EFD\u8BC1\u53F7 Resident ID number (GB 11643-1999), 18 characters; stored encrypted, shown masked", example: "11010519491231002X" },
  password: { description: "At least 8 characters, not all digits" },
  // Examples a reader can follow (the contract's worked example: base 3000 yuan → 250.00).
  totalCostFen: { example: 6e5 },
  insurancePaidFen: { example: 2e5 },
  excludedFen: { example: 1e5 },
  paidThisYearFen: { example: 0 },
  admissionDate: { example: "2026-05-10" },
  dischargeDate: { example: "2026-05-20" },
  shareFeeFen: { example: 12e3 },
  perAdmissionCapFen: { example: 1e6 },
  annualCapPerShareFen: { example: 2e6 },
  secondApprovalAboveFen: { example: 5e5 },
  enrolFrom: { example: "2027-01-01" },
  enrolTo: { example: "2027-12-31" },
  waitingDays: { example: 90 },
  claimDeadlineDays: { example: 90 },
  maxShares: { example: 1 },
  shares: { example: 1 }
};
const ZOD_COMPONENTS = /* @__PURE__ */ new Map([[quoteAnswer, "Quote"]]);
function jsonSchemaOf(schema, io) {
  const json = z.toJSONSchema(schema, {
    io,
    unrepresentable: "any",
    target: "openapi-3.0",
    override: (ctx) => {
      const component = ZOD_COMPONENTS.get(ctx.zodSchema);
      if (io === "output" && component !== void 0 && ctx.zodSchema !== schema) {
        for (const k of Object.keys(ctx.jsonSchema)) delete ctx.jsonSchema[k];
        Object.assign(ctx.jsonSchema, ref(component));
        return;
      }
      const checks = ctx.zodSchema._zod.def.checks ?? [];
      const fns = checks.map((c) => c._zod.def.fn);
      if (fns.includes(isFen)) {
        const example = ctx.jsonSchema.example ?? 0;
        Object.assign(ctx.jsonSchema, { type: "integer", minimum: 0, maximum: MAX_FEN, description: "\u91D1\u989D\uFF08\u5206\uFF09Amount in fen (1 yuan = 100 fen), an integer", example });
      }
      if (fns.includes(isRealDate)) Object.assign(ctx.jsonSchema, { format: "date", example: "2026-06-15" });
      if (io === "output" && ctx.jsonSchema.additionalProperties === false) delete ctx.jsonSchema.additionalProperties;
      if (ctx.jsonSchema.maximum === Number.MAX_SAFE_INTEGER) delete ctx.jsonSchema.maximum;
      if (ctx.jsonSchema.minimum === Number.MIN_SAFE_INTEGER) delete ctx.jsonSchema.minimum;
    }
  });
  delete json.$schema;
  const properties = json.properties;
  if (properties !== void 0) {
    for (const [name, hint] of Object.entries(FIELD_HINTS)) {
      if (properties[name] !== void 0 && properties[name].$ref === void 0) properties[name] = { ...properties[name], ...hint };
    }
  }
  return json;
}
function fromZod(schema, opts = {}) {
  const json = jsonSchemaOf(schema, "input");
  const properties = json.properties;
  if (properties !== void 0) {
    for (const [name, field] of Object.entries(opts.fields ?? {})) properties[name] = field;
  }
  if (opts.optional !== void 0 && Array.isArray(json.required)) {
    json.required = json.required.filter((f) => !opts.optional.includes(f));
  }
  return json;
}
const answerFromZod = (schema) => jsonSchemaOf(schema, "output");
const str = (description) => ({ type: "string", ...description === void 0 ? {} : { description } });
const int = (description) => ({ type: "integer", ...description === void 0 ? {} : { description } });
const fenInt = (example = 0) => ({ type: "integer", minimum: 0, maximum: MAX_FEN, description: "fen", example });
const date = () => ({ type: "string", format: "date" });
const nullable = (s) => "$ref" in s ? { allOf: [s], nullable: true } : { ...s, nullable: true };
const arr = (items2) => ({ type: "array", items: items2 });
const oneOf = (...values) => ({ type: "string", enum: values });
const ref = (name) => ({ $ref: `#/components/schemas/${name}` });
const obj = (properties, optional = []) => {
  const required = Object.keys(properties).filter((k) => !optional.includes(k));
  return { type: "object", properties, ...required.length > 0 ? { required } : {} };
};
const items = (item, more = {}) => obj({ items: arr(item), ...more });
const ERROR_SCHEMA = {
  type: "object",
  description: "Every refusal. Messages are in Chinese, in English with `Accept-Language: en`.",
  required: ["error"],
  properties: {
    error: {
      type: "object",
      required: ["code", "message"],
      properties: {
        code: { type: "string", description: "A stable code, e.g. INVALID_INPUT, UNAUTHORIZED, FORBIDDEN, NOT_FOUND, CONFLICT, or the business rule that refused it (422)", example: "INVALID_INPUT" },
        message: { type: "string", description: "For people, in the request's language", example: t("zh", "error.invalidInput") },
        fields: { type: "object", additionalProperties: { type: "string" }, description: "Only with 400: each bad field \u2192 its message", example: { phone: t("zh", "v.phone") } }
      }
    }
  }
};
const TIER = obj({ fromFen: fenInt(), rateBp: { type: "integer", minimum: 0, maximum: 2e3, description: "basis points (2000 = 20%)" } });
const COMPONENT_SCHEMAS = {
  Error: ERROR_SCHEMA,
  Tier: TIER,
  Plan: obj({
    year: int(),
    shareFeeFen: fenInt(12e3),
    maxShares: { type: "integer", minimum: 1, maximum: 3 },
    enrolFrom: date(),
    enrolTo: date(),
    waitingDays: int(),
    tiers: arr(ref("Tier")),
    perAdmissionCapFen: fenInt(1e6),
    annualCapPerShareFen: fenInt(2e6),
    claimDeadlineDays: int(),
    secondApprovalAboveFen: fenInt(5e5),
    requiredDocuments: arr(oneOf("invoice", "itemised_bill", "discharge_summary", "insurance_statement")),
    processingDays: int()
  }),
  Membership: obj({
    id: int(),
    status: oneOf("applied", "active", "rejected", "left"),
    memberNo: nullable(str("\u4F1A\u5458\u53F7, stable for life; set on approval")),
    name: str(),
    idMasked: str("110105********002X"),
    gender: oneOf("male", "female"),
    mobile: nullable(str()),
    enterpriseId: int(),
    enterpriseName: str(),
    buildingId: int(),
    buildingName: str(),
    appliedAt: str(),
    joinedOn: nullable(date()),
    leftOn: nullable(date()),
    rejectReason: nullable(str()),
    source: oneOf("online", "import")
  }),
  Order: obj({
    id: int(),
    planYear: int(),
    membershipId: int(),
    memberName: str(),
    memberNo: nullable(str()),
    enterpriseName: str(),
    shares: int(),
    amountFen: fenInt(),
    status: oneOf("pending_payment", "paid", "cancelled"),
    orderedOn: date(),
    groupOrderId: nullable(int()),
    receiptNo: nullable(str()),
    paidOn: nullable(date()),
    coverFrom: nullable(date()),
    coverTo: nullable(date())
  }),
  Quote: answerFromZod(quoteAnswer)
};
const TAGS = [
  { name: "accounts", description: "\u8D26\u53F7\u4E0E\u4EE4\u724C Accounts and tokens" },
  { name: "buildings", description: "\u697C\u5B87 Buildings" },
  { name: "enterprises", description: "\u4F01\u4E1A\u5165\u9A7B Enterprises enrolling in their building's federation" },
  { name: "memberships", description: "\u5165\u4F1A\u3001\u8F6C\u4F1A Union membership" },
  { name: "aid", description: "\u804C\u5DE5\u533B\u7597\u4E92\u52A9\uFF1A\u8BA1\u5212\u3001\u6D4B\u7B97\u3001\u4EFD\u989D Medical aid: plans, quotes, shares" },
  { name: "claims", description: "\u62A5\u9500\u7533\u8BF7 Medical-aid claims" },
  { name: "payment-batches", description: "\u62A5\u9500\u652F\u4ED8\u6279\u6B21 Claim payment batches" },
  { name: "me", description: "\u672C\u4EBA\uFF1A\u6536\u6B3E\u8D26\u6237\u3001\u901A\u77E5 My payout account and notices" },
  { name: "governance", description: "\u6C11\u4E3B\u7BA1\u7406\uFF1A\u8054\u5408\u804C\u4EE3\u4F1A\u3001\u96C6\u4F53\u5408\u540C\u3001\u5382\u52A1\u516C\u5F00 Democratic management: the joint worker congress, collective contracts, affairs disclosure" }
];
const DESCRIPTION = [
  "The JSON API of the building union federation portal (\u697C\u5B87\u5DE5\u4F1A\u8054\u5408\u4F1A\u95E8\u6237), under `/api/v1`.",
  "",
  "- JSON bodies; money is an integer number of **fen** (1 yuan = 100 fen); dates are `YYYY-MM-DD` (Asia/Shanghai).",
  "- Authentication: `Authorization: Bearer <token>` from `POST /api/v1/auth/token` (or `/auth/register`). No CSRF token is needed with a Bearer token.",
  "- Fields not listed are optional; unknown fields are ignored. Calls without a body need no content type.",
  '- Errors are `{"error": {"code", "message", "fields"?}}` (see the `Error` schema): 400 invalid input, 401 not signed in, 403 not allowed, 404, 409 conflict (duplicate, or the state already changed), 413 body too large, 422 a business rule refused it (its code), 429 too many sign-in attempts.',
  "- Messages are in Chinese; send `Accept-Language: en` for English.",
  "- Where a call names `Idempotency-Key`, the header is required; the same key from the same user returns the first answer and creates nothing new."
].join("\n");
export {
  COMPONENT_SCHEMAS,
  DESCRIPTION,
  TAGS,
  answerFromZod,
  arr,
  date,
  fenInt,
  fromZod,
  int,
  items,
  nullable,
  obj,
  oneOf,
  ref,
  str
};
//# sourceMappingURL=openapi-schemas.js.map
