import t from "tap";
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { pathToFileURL } from "node:url";
import { hasMessage, missingTranslations, pickLang, t as translate } from "../src/i18n/index.js";
import { projectRoot, templatesDir } from "../src/paths.js";
function templates(dir) {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    return statSync(p).isDirectory() ? templates(p) : name.endsWith(".hbs") ? [p] : [];
  });
}
t.test("every key has both languages", async (t2) => {
  t2.same(missingTranslations(), []);
});
t.test('every {{t "key"}} and (t "key") in templates/**/*.hbs exists', async (t2) => {
  const use = /[{(]\s*t\s+"([^"]+)"/g;
  let count = 0;
  const missing = [];
  for (const file of templates(templatesDir)) {
    const src = readFileSync(file, "utf8");
    for (const m of src.matchAll(use)) {
      count++;
      if (!hasMessage(m[1])) missing.push(`${relative(templatesDir, file)}: ${m[1]}`);
    }
  }
  t2.ok(count > 50, `found the keys (${count})`);
  t2.same(missing, []);
});
t.test("placeholders are filled; unknown keys show themselves; the language is picked", async (t2) => {
  t2.equal(translate("zh", "accounts.locked", { minutes: 15 }), "\u5BC6\u7801\u8FDE\u7EED\u8F93\u9519\u6B21\u6570\u8FC7\u591A\uFF0C\u8D26\u53F7\u5DF2\u9501\u5B9A\uFF0C\u8BF7 15 \u5206\u949F\u540E\u518D\u8BD5\u3002");
  t2.match(translate("en", "accounts.locked", { minutes: 3 }), /Try again in 3 min\./);
  t2.equal(translate("en", "no.such.key"), "no.such.key");
  t2.equal(pickLang(void 0, void 0), "zh");
  t2.equal(pickLang(void 0, "en-US,en;q=0.9"), "en");
  t2.equal(pickLang(void 0, "zh-CN,zh;q=0.9,en;q=0.8"), "zh");
  t2.equal(pickLang("zh", "en-US"), "zh", "an explicit choice wins");
  t2.equal(pickLang("fr", "en-US"), "en", "an unknown choice is ignored");
});
t.test("placeholders match between the languages", async (t2) => {
  const mismatched = [];
  const params = (s) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort().join(",");
  const dir = join(projectRoot, "src", "i18n", "messages");
  for (const file of readdirSync(dir).filter((f) => f.endsWith(".ts"))) {
    const c = (await import(pathToFileURL(join(dir, file)).href)).default;
    for (const [k, zh] of Object.entries(c.zh)) if (c.en[k] !== void 0 && params(zh) !== params(c.en[k])) mismatched.push(k);
  }
  t2.same(mismatched, []);
});
//# sourceMappingURL=i18n.test.js.map
