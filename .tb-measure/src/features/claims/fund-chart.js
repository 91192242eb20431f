import { formatFen } from "../../domain/money.js";
const esc = (s) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
const CHART_WIDTH = 720;
const TEXT = 16;
function monthlyChartSvg(data, labels) {
  const W = CHART_WIDTH;
  const H = 300;
  const left = 96;
  const bottom = 44;
  const top = 40;
  const right = 10;
  const plotH = H - top - bottom;
  const max = Math.max(1, ...data.map((d) => Math.max(d.approvedFen, d.paidFen)));
  const step = Math.pow(10, Math.floor(Math.log10(max)));
  const axisMax = Math.ceil(max / step) * step;
  const slot = (W - left - right) / Math.max(1, data.length);
  const barW = Math.max(4, Math.floor(slot / 3));
  const y = (v) => top + plotH - Math.round(v / axisMax * plotH);
  const parts = [];
  parts.push(`<svg xmlns="http://www.w3.org/2000/svg" class="chart" viewBox="0 0 ${W} ${H}" width="${W}" height="${H}" role="img" aria-label="${esc(labels.title)}">`);
  parts.push(`<title>${esc(labels.title)}</title>`);
  for (let i = 0; i <= 4; i++) {
    const v = Math.round(axisMax * i / 4);
    parts.push(`<line x1="${left}" y1="${y(v)}" x2="${W - right}" y2="${y(v)}" stroke="#d0d7de" stroke-width="1"/>`);
    parts.push(`<text x="${left - 6}" y="${y(v) + 5}" font-size="${TEXT}" text-anchor="end" fill="#59636e">${esc(formatFen(v).replace(/\.00$/, ""))}</text>`);
  }
  data.forEach((d, i) => {
    const x = left + i * slot + (slot - 2 * barW) / 2;
    parts.push(`<rect x="${x.toFixed(1)}" y="${y(d.approvedFen)}" width="${barW}" height="${top + plotH - y(d.approvedFen)}" fill="#b4232a"><title>${esc(`${d.month} ${labels.approved} ${formatFen(d.approvedFen)}`)}</title></rect>`);
    parts.push(`<rect x="${(x + barW).toFixed(1)}" y="${y(d.paidFen)}" width="${barW}" height="${top + plotH - y(d.paidFen)}" fill="#1a7f37"><title>${esc(`${d.month} ${labels.paid} ${formatFen(d.paidFen)}`)}</title></rect>`);
    parts.push(`<text x="${(left + i * slot + slot / 2).toFixed(1)}" y="${H - bottom + 22}" font-size="${TEXT}" text-anchor="middle" fill="#1f2328">${esc(d.month.slice(2))}</text>`);
  });
  parts.push(`<rect x="${left}" y="8" width="14" height="14" fill="#b4232a"/><text x="${left + 20}" y="21" font-size="${TEXT}" fill="#1f2328">${esc(labels.approved)}</text>`);
  parts.push(`<rect x="${left + 180}" y="8" width="14" height="14" fill="#1a7f37"/><text x="${left + 200}" y="21" font-size="${TEXT}" fill="#1f2328">${esc(labels.paid)}</text>`);
  parts.push("</svg>");
  return parts.join("");
}
export {
  CHART_WIDTH,
  monthlyChartSvg
};
//# sourceMappingURL=fund-chart.js.map
