import t from "tap";
import { AppError } from "../../../src/lib/errors.js";
import { parseRoster } from "../../../src/features/memberships/roster-parser.js";
import { uniqueResidentId } from "../../factories.js";
t.test("a 20,000-row file is parsed while the event loop keeps turning", async (t2) => {
  let body = "\u59D3\u540D,\u8EAB\u4EFD\u8BC1\u53F7\u7801,\u624B\u673A\u53F7\u7801\r\n";
  for (let i = 0; i < 2e4; i++) body += `\u804C\u5DE5${i},${uniqueResidentId("1980-01-01")},\r
`;
  await parseRoster({ fileName: "small.csv", data: Buffer.from("\u59D3\u540D,\u8EAB\u4EFD\u8BC1\u53F7\u7801\r\n\u5F20\u4E00," + uniqueResidentId() + "\r\n"), encoding: "auto", today: "2026-06-15", limit: null });
  let turns = 0;
  let parsing = true;
  const job = parseRoster({ fileName: "big.csv", data: Buffer.from(body), encoding: "auto", today: "2026-06-15", limit: null }).finally(() => {
    parsing = false;
  });
  while (parsing) {
    await new Promise((resolve) => setImmediate(resolve));
    turns++;
  }
  const rows = await job;
  t2.equal(rows.total, 2e4);
  t2.equal(rows.valid.length, 2e4);
  t2.ok(turns > 10, `the event loop turned ${turns} times during the parse`);
});
t.test("refusals cross the thread as typed errors, the headcount limit among them", async (t2) => {
  const csv = Buffer.from("\u59D3\u540D,\u8EAB\u4EFD\u8BC1\u53F7\u7801\r\n" + Array.from({ length: 31 }, (_, i) => `\u804C\u5DE5${i},${uniqueResidentId()}\r
`).join(""));
  const err = await parseRoster({ fileName: "r.csv", data: csv, encoding: "auto", today: "2026-06-15", limit: { rows: 30, headcount: 10 } }).catch((e) => e);
  t2.ok(err instanceof AppError);
  t2.match(err, { statusCode: 422, code: "ROSTER_EXCEEDS_HEADCOUNT", params: { rows: 31, headcount: 10, max: 30 } });
  const bad = await parseRoster({ fileName: "r.pdf", data: Buffer.from("%PDF"), encoding: "auto", today: "2026-06-15", limit: null }).catch((e) => e);
  t2.match(bad, { statusCode: 400, fields: { file: "memberships.import.badType" } });
});
//# sourceMappingURL=roster-parser.test.js.map
