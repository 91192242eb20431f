import { z } from "zod";
import { calendarDate, mobile, optionalText, text, uscc } from "../../lib/validation.js";
const wholeCount = (min, max, message = "v.positiveInt") => z.preprocess(
  (v) => typeof v === "string" && /^\s*[-+]?\d+(\.\d+)?\s*$/.test(v) ? Number(v) : v,
  z.number({ error: message }).int(message).min(min, message).max(max, "v.tooBig")
);
const bodyId = (message) => z.preprocess(
  (v) => typeof v === "string" && /^\s*\d+\s*$/.test(v) ? Number(v) : v,
  z.number({ error: message }).int(message).positive(message)
);
const flag = () => z.preprocess((v) => {
  if (v === void 0 || v === null || v === "" || v === "0" || v === "false" || v === "off") return false;
  if (v === "on" || v === "1" || v === "true") return true;
  return v;
}, z.boolean({ error: "v.invalidValue" }));
const optionalDate = (today) => z.preprocess(
  (v) => typeof v === "string" && v.trim() === "" ? void 0 : v,
  calendarDate().refine((d) => d <= today(), "v.dateFuture").optional()
);
const optionalMobile = () => z.preprocess(
  (v) => typeof v === "string" && v.trim() === "" ? void 0 : v,
  mobile().optional()
);
const buildingInput = (today) => z.object({
  name: text(100),
  district: text(50),
  address: text(200),
  federationName: optionalText(100),
  foundedOn: optionalDate(today),
  enterprisesTotal: wholeCount(1, 1e5),
  isModel: flag(),
  hasWorkerCongress: flag(),
  hasAffairsDisclosure: flag()
});
const enterpriseInput = (buildingExists) => z.object({
  buildingId: bodyId("buildings.v.unknownBuilding").refine(buildingExists, "buildings.v.unknownBuilding"),
  name: text(100),
  uscc: uscc(),
  floorRoom: optionalText(50),
  headcount: wholeCount(1, 1e6),
  contactName: optionalText(50),
  contactPhone: optionalMobile()
});
const rejectInput = z.object({ reason: text(500) });
const handOverInput = z.object({ phone: mobile() });
const buildingQuery = z.object({
  status: z.preprocess((v) => v === "" ? void 0 : v, z.enum(["pending", "enrolled", "rejected", "withdrawn"]).optional())
});
export {
  buildingInput,
  buildingQuery,
  enterpriseInput,
  handOverInput,
  rejectInput,
  wholeCount
};
//# sourceMappingURL=buildings-schemas.js.map
