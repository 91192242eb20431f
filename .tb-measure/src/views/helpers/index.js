import t from "./t.js";
import money from "./money.js";
import yuan from "./yuan.js";
import eq from "./eq.js";
import concat from "./concat.js";
import datetime from "./datetime.js";
import json from "./json.js";
import fieldLabel from "./field-label.js";
function registerHelpers(hb) {
  hb.registerHelper({ t, money, yuan, eq, concat, datetime, json, fieldLabel });
}
export {
  registerHelpers
};
//# sourceMappingURL=index.js.map
