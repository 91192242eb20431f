// Memory and time of reading a generated roster XLSX (the import's reader alone):
//   node --expose-gc --import tsx bench/profile/xlsx-memory.ts [ROWS]
// Above 50,000 rows the file is refused; the figures then show what refusing it cost.
import ExcelJS from 'exceljs'
import { readRosterFile } from '../../src/features/memberships/roster-import.js'

const rows = Number(process.argv[2] ?? 50_000)
const wb = new ExcelJS.Workbook()
const ws = wb.addWorksheet('名单')
ws.addRow(['姓名', '身份证号', '手机'])
for (let i = 0; i < rows; i++) ws.addRow([`职工${i}`, `53070019800101${String(i % 10000).padStart(4, '0')}`, `186${String(i).padStart(8, '0')}`])
const file = Buffer.from(await wb.xlsx.writeBuffer())
globalThis.gc?.()
const base = process.memoryUsage()
let peakHeap = base.heapUsed
const sample = (): void => { peakHeap = Math.max(peakHeap, process.memoryUsage().heapUsed) }
const timer = setInterval(sample, 5)
const started = performance.now()
let outcome: string
try {
  outcome = `${(await readRosterFile('roster.xlsx', file)).rows.length} rows read`
} catch (err) {
  outcome = `refused: ${JSON.stringify((err as { fields?: unknown }).fields ?? (err as Error).message)}`
}
clearInterval(timer)
sample()
const mb = (b: number): string => (b / 1e6).toFixed(0)
console.log(`${rows} rows, ${mb(file.length)} MB file: ${outcome} in ${(performance.now() - started).toFixed(0)} ms; heap ${mb(base.heapUsed)} → peak ${mb(peakHeap)} MB`)
