import t from "tap";
import { CSV_BOM, attachmentHeader, csvCell, csvDocument, csvLine, csvStream } from "../../../src/lib/csv.js";
t.test("cells: quoting and formula neutralisation", async (t2) => {
  const table = [
    ["plain", "plain"],
    ["\u4E91\u5CAD\u79D1\u6280\u6709\u9650\u516C\u53F8", "\u4E91\u5CAD\u79D1\u6280\u6709\u9650\u516C\u53F8"],
    ["a,b", '"a,b"'],
    ['say "hi"', '"say ""hi"""'],
    ["two\nlines", '"two\nlines"'],
    ["cr\rhere", '"cr\rhere"'],
    ["=1+2", "'=1+2"],
    ["+8613800138000", "'+8613800138000"],
    ["-5", "'-5"],
    ["@SUM(A1)", "'@SUM(A1)"],
    ["	x", "'	x"],
    ['=HYPERLINK("http://x","y")', `"'=HYPERLINK(""http://x"",""y"")"`],
    ["a=b", "a=b"],
    [42, "42"],
    [-5, "-5"],
    [0, "0"],
    [null, ""],
    [void 0, ""],
    [true, "true"],
    [Number.NaN, ""],
    // Long numbers as text keep every digit in Excel (="…"); shorter ones are plain.
    ["110105199003078123", '"=""110105199003078123"""'],
    ["914403001922038216", '"=""914403001922038216"""'],
    ["12345678901", "12345678901"],
    ["11010519900307812X", "11010519900307812X"]
  ];
  for (const [input, out] of table) t2.equal(csvCell(input), out, JSON.stringify(input));
});
t.test("lines, documents and streams: BOM once, CRLF", async (t2) => {
  t2.equal(csvLine(["a", 1, null, "b,c"]), 'a,1,,"b,c"\r\n');
  const doc = csvDocument(["\u540D\u79F0", "\u4EBA\u6570"], [["\u7532", 1], ["=\u4E59", 2]]);
  t2.equal(doc, CSV_BOM + "\u540D\u79F0,\u4EBA\u6570\r\n\u7532,1\r\n'=\u4E59,2\r\n");
  t2.equal(doc.split(CSV_BOM).length, 2, "one BOM");
  function* rows() {
    for (let i = 0; i < 1e3; i++) yield [i, "\u884C" + i];
  }
  const chunks = [];
  for await (const c of csvStream(["n", "s"], rows())) chunks.push(Buffer.from(c));
  const text = Buffer.concat(chunks).toString("utf8");
  t2.ok(Buffer.concat(chunks).subarray(0, 3).equals(Buffer.from([239, 187, 191])), "UTF-8 BOM bytes");
  t2.equal(text.split("\r\n").length, 1002);
});
t.test("a stream gives the event loop back between chunks, however fast it is read", async (t2) => {
  function* rows() {
    for (let i = 0; i < 2e4; i++) yield [i, "\u804C\u5DE5" + i, "110105194912310021"];
  }
  let chunks = 0;
  let seenAtTurn = -1;
  setImmediate(() => {
    seenAtTurn = chunks;
  });
  for await (const _ of csvStream(["n", "name", "id"], rows())) chunks++;
  t2.ok(chunks >= 10, `${chunks} chunks`);
  t2.ok(seenAtTurn >= 0 && seenAtTurn < chunks, `the next turn came after ${seenAtTurn} of ${chunks} chunks`);
});
t.test("attachment header keeps a Chinese file name", async (t2) => {
  const h = attachmentHeader("\u4E94\u534E\u79D1\u521B\u5927\u53A6-\u4F01\u4E1A\u540D\u5355.csv");
  t2.match(h, /^attachment; filename="[^"]+\.csv"; filename\*=UTF-8''/);
  t2.notMatch(h.split(";")[1], /[^\x20-\x7e]/);
  t2.ok(h.includes(encodeURIComponent("\u4E94\u534E\u79D1\u521B\u5927\u53A6")));
});
//# sourceMappingURL=csv.test.js.map
