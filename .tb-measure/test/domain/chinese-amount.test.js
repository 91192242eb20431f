import t from "tap";
import { fenInChineseCapitals } from "../../src/domain/chinese-amount.js";
t.test("amounts in Chinese capitals, zeros included", async (t2) => {
  const table = [
    [165e3, "\u58F9\u4EDF\u9646\u4F70\u4F0D\u62FE\u5143\u6574"],
    [100500, "\u58F9\u4EDF\u96F6\u4F0D\u5143\u6574"],
    [10, "\u58F9\u89D2"],
    [0, "\u96F6\u5143\u6574"],
    [1, "\u58F9\u5206"],
    [15, "\u58F9\u89D2\u4F0D\u5206"],
    [100, "\u58F9\u5143\u6574"],
    [101, "\u58F9\u5143\u96F6\u58F9\u5206"],
    [110, "\u58F9\u5143\u58F9\u89D2"],
    [1e3, "\u58F9\u62FE\u5143\u6574"],
    [1005, "\u58F9\u62FE\u5143\u96F6\u4F0D\u5206"],
    [10100, "\u58F9\u4F70\u96F6\u58F9\u5143\u6574"],
    [25e3, "\u8D30\u4F70\u4F0D\u62FE\u5143\u6574"],
    [5e5, "\u4F0D\u4EDF\u5143\u6574"],
    [1e6, "\u58F9\u4E07\u5143\u6574"],
    [1000100, "\u58F9\u4E07\u96F6\u58F9\u5143\u6574"],
    [1001e4, "\u58F9\u62FE\u4E07\u96F6\u58F9\u4F70\u5143\u6574"],
    [1001e5, "\u58F9\u4F70\u4E07\u58F9\u4EDF\u5143\u6574"],
    [10001e4, "\u58F9\u4F70\u4E07\u96F6\u58F9\u4F70\u5143\u6574"],
    [1e9, "\u58F9\u4EDF\u4E07\u5143\u6574"],
    [10000000100, "\u58F9\u4EBF\u96F6\u58F9\u5143\u6574"],
    [100001e5, "\u58F9\u4EBF\u96F6\u58F9\u4EDF\u5143\u6574"],
    [10001e6, "\u58F9\u4EBF\u96F6\u58F9\u4E07\u5143\u6574"],
    [12345678999, "\u58F9\u4EBF\u8D30\u4EDF\u53C1\u4F70\u8086\u62FE\u4F0D\u4E07\u9646\u4EDF\u67D2\u4F70\u634C\u62FE\u7396\u5143\u7396\u89D2\u7396\u5206"],
    [1e11, "\u58F9\u62FE\u4EBF\u5143\u6574"]
  ];
  for (const [fen, words] of table) t2.equal(fenInChineseCapitals(fen), words, `${fen} fen`);
});
t.test("anything but an amount in fen is refused", async (t2) => {
  t2.throws(() => fenInChineseCapitals(-1));
  t2.throws(() => fenInChineseCapitals(1.5));
  t2.throws(() => fenInChineseCapitals(100000000001));
});
//# sourceMappingURL=chinese-amount.test.js.map
