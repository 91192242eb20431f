import { z } from "zod";
import { AppError, fieldError } from "./errors.js";
import { hasMessage } from "../i18n/index.js";
import { isFen, parseYuanToFen } from "../domain/money.js";
import { isRealDate } from "../domain/dates.js";
import { normaliseMobile, normaliseResidentId, normaliseUscc, residentIdProblem, usccProblem } from "../domain/identity.js";
function fieldMessage(issue, input) {
  const value = valueAt(input, issue.path);
  if (value === void 0 || value === null || value === "") {
    if (issue.code === "invalid_type" || issue.code === "too_small" || issue.code === "invalid_value" || issue.code === "invalid_format" || issue.code === "custom") return "v.required";
  }
  if (hasMessage(issue.message)) return withParams(issue.message, issue);
  switch (issue.code) {
    case "too_small":
      return issue.origin === "string" ? withParams("v.tooShort", issue) : withParams("v.tooSmall", issue);
    case "too_big":
      return issue.origin === "string" ? withParams("v.tooLong", issue) : withParams("v.tooBig", issue);
    case "invalid_value":
      return "v.invalidValue";
    default:
      return "v.invalidType";
  }
}
function withParams(key, issue) {
  const params = {};
  if ("minimum" in issue) params.min = Number(issue.minimum);
  if ("maximum" in issue) params.max = Number(issue.maximum);
  return Object.keys(params).length > 0 ? fieldError(key, params) : key;
}
function valueAt(input, path) {
  let v = input;
  for (const p of path) {
    if (v === null || typeof v !== "object") return void 0;
    v = v[p];
  }
  return v;
}
function zodFieldErrors(error, input) {
  const fields = {};
  for (const issue of error.issues) {
    const name = issue.path.length > 0 ? issue.path.map(String).join(".") : "_";
    if (fields[name] === void 0) fields[name] = fieldMessage(issue, input);
  }
  return fields;
}
function parseInput(schema, input) {
  const result = schema.safeParse(input ?? {});
  if (result.success) return result.data;
  throw new AppError(400, "INVALID_INPUT", "error.invalidInput", {}, zodFieldErrors(result.error, input ?? {}));
}
const text = (max = 200) => z.string({ error: "v.required" }).trim().min(1, "v.required").max(max, "v.tooLong");
const optionalText = (max = 200) => z.preprocess((v) => typeof v === "string" && v.trim() === "" ? void 0 : v, z.string().trim().max(max, "v.tooLong").optional());
const fen = () => z.number({ error: "v.fen" }).refine(isFen, "v.fen");
const yuan = () => z.string({ error: "v.required" }).trim().min(1, "v.required").transform((s, ctx) => {
  const f = parseYuanToFen(s);
  if (f === null) {
    ctx.addIssue({ code: "custom", message: "v.money" });
    return z.NEVER;
  }
  return f;
});
const calendarDate = () => z.string({ error: "v.date" }).trim().refine(isRealDate, "v.date");
const idParam = z.object({ id: z.coerce.number().int().positive() });
const mobile = () => z.string({ error: "v.phone" }).transform((s, ctx) => {
  const m = normaliseMobile(s);
  if (m === null) {
    ctx.addIssue({ code: "custom", message: "v.phone" });
    return z.NEVER;
  }
  return m;
});
const uscc = () => z.string({ error: "v.uscc.format" }).transform((s, ctx) => {
  const problem = usccProblem(s);
  if (problem !== null) {
    ctx.addIssue({ code: "custom", message: "v.uscc." + problem });
    return z.NEVER;
  }
  return normaliseUscc(s);
});
const residentId = (today) => z.string({ error: "v.idNumber.format" }).transform((s, ctx) => {
  const problem = residentIdProblem(s, today());
  if (problem !== null) {
    ctx.addIssue({ code: "custom", message: "v.idNumber." + problem });
    return z.NEVER;
  }
  return normaliseResidentId(s);
});
const consent = () => z.union([z.literal(true), z.literal("on"), z.literal("1"), z.literal("true")], { error: "v.consent" });
export {
  calendarDate,
  consent,
  fen,
  idParam,
  mobile,
  optionalText,
  parseInput,
  residentId,
  text,
  uscc,
  yuan,
  zodFieldErrors
};
//# sourceMappingURL=validation.js.map
