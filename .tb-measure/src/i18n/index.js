import common from "./messages/common.js";
import accounts from "./messages/accounts.js";
import buildings from "./messages/buildings.js";
import memberships from "./messages/memberships.js";
import aid from "./messages/aid.js";
import claims from "./messages/claims.js";
import selfService from "./messages/self-service.js";
import governance from "./messages/governance.js";
import governanceContracts from "./messages/governance-contracts.js";
import payouts from "./messages/payouts.js";
import audit from "./messages/audit.js";
import workCalendar from "./messages/work-calendar.js";
const LANGS = ["zh", "en"];
const catalogues = [common, accounts, buildings, memberships, aid, claims, audit, payouts, selfService, governance, governanceContracts, workCalendar];
const dict = { zh: /* @__PURE__ */ new Map(), en: /* @__PURE__ */ new Map() };
for (const c of catalogues) {
  for (const lang of LANGS) for (const [k, v] of Object.entries(c[lang])) dict[lang].set(k, v);
}
function hasMessage(key) {
  return dict.zh.has(key);
}
function t(lang, key, params = {}) {
  const template = dict[lang].get(key) ?? dict.zh.get(key) ?? key;
  if (!template.includes("{")) return template;
  return template.replace(/\{(\w+)\}/g, (m, name) => params[name] === void 0 ? m : String(params[name]));
}
function pickLang(explicit, acceptLanguage) {
  if (explicit === "en" || explicit === "zh") return explicit;
  if (acceptLanguage !== void 0) {
    const first = acceptLanguage.split(",")[0]?.trim().toLowerCase() ?? "";
    if (first.startsWith("en")) return "en";
  }
  return "zh";
}
function missingTranslations() {
  const missing = [];
  for (const k of dict.zh.keys()) if (!dict.en.has(k)) missing.push("en:" + k);
  for (const k of dict.en.keys()) if (!dict.zh.has(k)) missing.push("zh:" + k);
  return missing;
}
export {
  LANGS,
  hasMessage,
  missingTranslations,
  pickLang,
  t
};
//# sourceMappingURL=index.js.map
