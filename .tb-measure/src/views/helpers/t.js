import { t as translate } from "../../i18n/index.js";
function t(key, options) {
  const lang = options.data?.root?.lang ?? "zh";
  return translate(lang, key, options.hash ?? {});
}
export {
  t as default
};
//# sourceMappingURL=t.js.map
