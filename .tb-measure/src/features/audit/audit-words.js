import { t } from "../../i18n/index.js";
import { formatFen } from "../../domain/money.js";
function actionKey(action) {
  return `audit.action.${action}`;
}
function actionWords(lang, action) {
  const key = actionKey(action);
  const words = t(lang, key);
  if (words !== key) return words;
  const [entity, ...rest] = action.split(".");
  const entityKey = `audit.entity.${entity}`;
  const entityWords2 = t(lang, entityKey);
  return `${entityWords2 === entityKey ? entity : entityWords2}: ${rest.join(" ").replace(/_/g, " ")}`;
}
const STATUS_FIELDS = /* @__PURE__ */ new Set(["status"]);
function valueWords(lang, field, v) {
  if (v === null || v === void 0 || v === "") return t(lang, "audit.value.none");
  if (typeof v === "boolean") return t(lang, v ? "audit.value.yes" : "audit.value.no");
  if (typeof v === "number" && /Fen$/.test(field)) return formatFen(v);
  if (typeof v === "string" && STATUS_FIELDS.has(field)) {
    const key = `audit.status.${v}`;
    const words = t(lang, key);
    return words === key ? v : words;
  }
  if (Array.isArray(v)) return t(lang, "audit.value.items", { count: v.length });
  if (typeof v === "object") return Object.entries(v).map(([k, x]) => `${fieldWords(lang, k)} ${valueWords(lang, k, x)}`).join("\uFF0C");
  return String(v);
}
function fieldWords(lang, field) {
  const key = `audit.field.${field}`;
  const words = t(lang, key);
  return words === key ? field : words;
}
function changeWords(lang, json) {
  if (json === null || json === "") return [];
  let parsed;
  try {
    parsed = JSON.parse(json);
  } catch {
    return [{ field: "", value: json }];
  }
  if (parsed === null || typeof parsed !== "object" || Array.isArray(parsed)) return [{ field: "", value: valueWords(lang, "", parsed) }];
  return Object.entries(parsed).filter(([, v]) => v !== void 0).map(([k, v]) => ({ field: fieldWords(lang, k), value: valueWords(lang, k, v) }));
}
function entityWords(lang, entityType) {
  const key = `audit.entity.${entityType}`;
  const words = t(lang, key);
  return words === key ? entityType : words;
}
export {
  actionKey,
  actionWords,
  changeWords,
  entityWords
};
//# sourceMappingURL=audit-words.js.map
