import t from "tap";
import { build, createUser, injectAs, PageSession } from "../../helper.js";
import { parseCalendarText, calendarText } from "../../../src/features/claims/work-calendar-text.js";
import { AppError } from "../../../src/lib/errors.js";
import { t as tr } from "../../../src/i18n/index.js";
function problem(year, text) {
  try {
    parseCalendarText(year, text);
    return "accepted";
  } catch (err) {
    if (!(err instanceof AppError)) throw err;
    const f = err.fields?.days;
    if (f === void 0 || typeof f === "string") return String(f);
    return tr("zh", f.key, f.params);
  }
}
t.test("the text: formats people type and paste, sorted", async (t2) => {
  t2.same(parseCalendarText(2027, [
    "# 2027 \u5E74\u653E\u5047\u5B89\u6392",
    "2027-02-14 \u73ED \u6625\u8282\u8C03\u4F11",
    "2027/2/6  \u4F11  \u6625\u8282",
    "2027\u5E742\u67087\u65E5\uFF0C\u653E\u5047\uFF0C\u6625\u8282",
    "2027.10.1	holiday	National Day",
    "",
    "2027-09-26 WORK"
  ].join("\r\n")), [
    { date: "2027-02-06", kind: "holiday", note: "\u6625\u8282" },
    { date: "2027-02-07", kind: "holiday", note: "\u6625\u8282" },
    { date: "2027-02-14", kind: "workday", note: "\u6625\u8282\u8C03\u4F11" },
    { date: "2027-09-26", kind: "workday" },
    { date: "2027-10-01", kind: "holiday", note: "National Day" }
  ]);
  t2.same(parseCalendarText(2027, ""), [], "an empty list clears the year");
  t2.same(parseCalendarText(2027, "  \n# nothing\n"), []);
});
t.test("the text: the first wrong line is named, with what is wrong", async (t2) => {
  const cases = [
    ["2027-02-06", "\u7B2C 1 \u884C\uFF1A\u8BF7\u5199\u6210\u201C\u65E5\u671F \u4F11/\u73ED \u8BF4\u660E\u201D\uFF0C\u4F8B\u5982 2027-02-06 \u4F11 \u6625\u8282\u3002"],
    ["2027-02-30 \u4F11", "\u7B2C 1 \u884C\uFF1A\u201C2027-02-30\u201D\u4E0D\u662F\u6709\u6548\u65E5\u671F\uFF0C\u8BF7\u5199\u6210 2027-02-06 \u8FD9\u6837\u7684\u683C\u5F0F\u3002"],
    ["2\u67086\u65E5 \u4F11", "\u7B2C 1 \u884C\uFF1A\u201C2\u67086\u65E5\u201D\u4E0D\u662F\u6709\u6548\u65E5\u671F\uFF0C\u8BF7\u5199\u6210 2027-02-06 \u8FD9\u6837\u7684\u683C\u5F0F\u3002"],
    ["2027-02-06 \u4F11\n2027-02-07 \u534A\u5929", "\u7B2C 2 \u884C\uFF1A\u201C\u534A\u5929\u201D\u770B\u4E0D\u61C2\uFF0C\u8BF7\u5199\u201C\u4F11\u201D\uFF08\u653E\u5047\uFF09\u6216\u201C\u73ED\u201D\uFF08\u8C03\u4F11\u4E0A\u73ED\uFF09\u3002"],
    ["2026-12-31 \u4F11", "\u7B2C 1 \u884C\uFF1A2026-12-31 \u4E0D\u5728 2027 \u5E74\u3002"],
    ["2027-02-06 \u4F11\n\n2027/2/6 \u73ED", "\u7B2C 3 \u884C\uFF1A2027-02-06 \u5DF2\u5728\u7B2C 1 \u884C\u5199\u8FC7\u3002"],
    [`2027-02-06 \u4F11 ${"\u957F".repeat(51)}`, "\u7B2C 1 \u884C\uFF1A\u8BF4\u660E\u6700\u591A 50 \u4E2A\u5B57\u3002"],
    [
      Array.from({ length: 121 }, (_, i) => "2027-01-01 \u4F11".replace("01-01", new Date(Date.UTC(2027, 0, 1 + i)).toISOString().slice(5, 10))).join("\n"),
      "\u4E00\u5E74\u6700\u591A\u5F55\u5165 120 \u5929\uFF08\u73B0\u5728 121 \u5929\uFF09\u3002"
    ]
  ];
  for (const [text, message] of cases) t2.equal(problem(2027, text), message, text.slice(0, 30));
  t2.equal(problem(2027, `2027-02-06 \u4F11 ${"\u957F".repeat(50)}`), "accepted", "50 characters are fine");
});
t.test("the text round-trips through the form in both languages", async (t2) => {
  const days = [{ date: "2027-02-06", kind: "holiday", note: "\u6625\u8282" }, { date: "2027-02-14", kind: "workday", note: null }];
  t2.equal(calendarText("zh", days), "2027-02-06 \u4F11 \u6625\u8282\n2027-02-14 \u73ED");
  t2.equal(calendarText("en", days), "2027-02-06 off \u6625\u8282\n2027-02-14 work");
  for (const lang of ["zh", "en"]) {
    t2.same(parseCalendarText(2027, calendarText(lang, days)), [{ date: "2027-02-06", kind: "holiday", note: "\u6625\u8282" }, { date: "2027-02-14", kind: "workday" }]);
  }
});
t.test("the page: an admin sets a year, sees it in words, a wrong line changes nothing", async (t2) => {
  const app = await build(t2);
  const admin = await createUser(app, { role: "admin", name: "\u5E02\u603B\u7BA1\u7406\u5458" });
  const s = new PageSession(app);
  await s.login(admin.phone);
  const start = await s.get("/admin/aid/calendar");
  t2.equal(start.statusCode, 302);
  t2.equal(start.headers.location, "/admin/aid/calendar/2026", "this year first");
  const empty = await s.get("/admin/aid/calendar/2027");
  t2.equal(empty.statusCode, 200);
  t2.match(empty.body, "2027 \u5E74\u8FD8\u6CA1\u6709\u5F55\u5165\u653E\u5047\u5B89\u6392");
  t2.match(empty.body, 'href="/admin/aid/calendar"', "in the admin menu");
  const bad = await s.post("/admin/aid/calendar/2027", { days: "2027-02-06 \u4F11 \u6625\u8282\n2027-02-07 \u653E\u534A\u5929" });
  t2.equal(bad.statusCode, 400);
  t2.match(bad.body, /<a href="#f-days">日期清单：第 2 行：“放半天”看不懂/, "the summary names the field and links to it");
  t2.match(bad.body, /id="f-days-error">第 2 行/);
  t2.match(bad.body, /2027-02-06 休 春节\n2027-02-07 放半天<\/textarea>/, "what was typed is kept");
  const api = await injectAs(app, admin, { method: "GET", url: "/api/v1/aid/calendar/2027" });
  t2.same(api.json().days, [], "nothing saved");
  const ok = await s.post("/admin/aid/calendar/2027", { days: "2027-02-06 \u4F11 \u6625\u8282\n2027-02-14 \u73ED \u6625\u8282\u8C03\u4F11" });
  t2.equal(ok.statusCode, 302);
  const page = await s.get("/admin/aid/calendar/2027");
  t2.match(page.body, "2027 \u5E74\u5171 1 \u5929\u653E\u5047\u30011 \u5929\u8C03\u4F11\u4E0A\u73ED\u3002");
  t2.match(page.body, /<time datetime="2027-02-06">2027-02-06<\/time> <span class="weekday">周六<\/span> <span class="badge ok">放假<\/span> 春节/);
  t2.match(page.body, /调休上班/);
  t2.match(page.body, "\u5E02\u603B\u7BA1\u7406\u5458 \u4FDD\u5B58\u4E86\u6E05\u5355\uFF1A\u5171 2 \u5929\uFF0C\u5176\u4E2D\u653E\u5047 1 \u5929");
  t2.notMatch(page.body, /work_calendar|holiday|workday/, "no internal code on the page");
  t2.same((await injectAs(app, admin, { method: "GET", url: "/api/v1/aid/calendar/2027" })).json().days, [
    { date: "2027-02-06", kind: "holiday", note: "\u6625\u8282" },
    { date: "2027-02-14", kind: "workday", note: "\u6625\u8282\u8C03\u4F11" }
  ], "the API reads what the page saved");
  const en = await s.get("/admin/aid/calendar/2027", { "accept-language": "en", cookie: [...s.cookies].map(([k, v]) => `${k}=${v}`).join("; ") + "; lang=en" });
  t2.match(en.body, "2027: 1 days off and 1 adjusted workdays.");
  t2.match(en.body, /2027-02-06 off 春节/, "the form offers the English words");
  const noCsrf = await s.post("/admin/aid/calendar/2027", { days: "" }, { csrf: false });
  t2.equal(noCsrf.statusCode, 403, "no CSRF token, no change");
  t2.equal((await injectAs(app, admin, { method: "GET", url: "/api/v1/aid/calendar/2027" })).json().days.length, 2);
});
t.test("the page is for administrators only", async (t2) => {
  const app = await build(t2);
  const staff = await createUser(app, { role: "staff" });
  const s = new PageSession(app);
  await s.login(staff.phone);
  t2.equal((await s.get("/admin/aid/calendar/2027")).statusCode, 403);
  t2.notMatch((await s.get("/")).body, 'href="/admin/aid/calendar"', "not in their menu");
  t2.equal((await s.post("/admin/aid/calendar/2027", { days: "2027-02-06 \u4F11" })).statusCode, 403);
});
//# sourceMappingURL=work-calendar-pages.test.js.map
