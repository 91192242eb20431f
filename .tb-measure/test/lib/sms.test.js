import t from "tap";
import { build, smsSent } from "../helper.js";
t.test("the app sends through the log provider: one JSON line {to, template, params, at}", async (t2) => {
  const app = await build(t2);
  t2.equal(app.sms.provider, "log");
  t2.same(smsSent(app), [], "nothing sent yet");
  await app.sms.send({ to: "13900000001", template: "verification_code", params: { code: "123456", minutes: "10" } });
  await Promise.all([1, 2, 3].map(async (i) => await app.sms.send({ to: `1390000000${i + 1}`, template: "notice", params: { text: `\u7B2C${i}\u6761` } })));
  const sent = smsSent(app);
  t2.equal(sent.length, 4);
  t2.same(sent[0], { to: "13900000001", template: "verification_code", params: { code: "123456", minutes: "10" }, at: app.clock.iso() });
  t2.same(sent.slice(1).map((m) => m.params.text).sort(), ["\u7B2C1\u6761", "\u7B2C2\u6761", "\u7B2C3\u6761"]);
});
//# sourceMappingURL=sms.test.js.map
