import { hasMessage, t } from "../../i18n/index.js";
function fieldLabel(name, options) {
  const key = `form.field.${name}`;
  if (!hasMessage(key)) return "";
  const lang = options.data?.root?.lang ?? "zh";
  return t(lang, key) + (lang === "zh" ? "\uFF1A" : ": ");
}
export {
  fieldLabel as default
};
//# sourceMappingURL=field-label.js.map
