import { shanghaiWallClock } from "../../domain/dates.js";
const parts = new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Shanghai", year: "numeric", month: "2-digit", day: "2-digit", hour: "2-digit", minute: "2-digit", hourCycle: "h23" });
function datetime(iso) {
  if (typeof iso !== "string" || iso === "") return "";
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  const wall = shanghaiWallClock(d.getTime());
  if (wall !== null) return `${wall.slice(0, 10)} ${wall.slice(11, 16)}`;
  const p = Object.fromEntries(parts.formatToParts(d).map((x) => [x.type, x.value]));
  return `${p.year}-${p.month}-${p.day} ${p.hour}:${p.minute}`;
}
export {
  datetime as default
};
//# sourceMappingURL=datetime.js.map
