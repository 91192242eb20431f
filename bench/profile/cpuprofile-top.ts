// Summarises a .cpuprofile (node --cpu-prof, or npm run bench -- --cpu-prof): self time by package
// and by function.   npx tsx bench/profile/cpuprofile-top.ts FILE.cpuprofile
import { readFileSync } from 'node:fs'
const prof = JSON.parse(readFileSync(process.argv[2], 'utf8'))
const nodes = new Map<number, any>(prof.nodes.map((n: any) => [n.id, n]))
const self = new Map<number, number>()
const dt = prof.timeDeltas as number[]
for (let i = 0; i < prof.samples.length; i++) self.set(prof.samples[i], (self.get(prof.samples[i]) ?? 0) + (dt[i] ?? 0))
const byFn = new Map<string, number>(); const byFile = new Map<string, number>()
let total = 0
for (const [id, t] of self) {
  const cf = nodes.get(id).callFrame
  const file = (cf.url || '(native)').replace(/^.*node_modules\//, 'nm/').replace(/^file:\/\/\/work\/main\//, '')
  const key = `${cf.functionName || '(anon)'} ${file}:${cf.lineNumber}`
  byFn.set(key, (byFn.get(key) ?? 0) + t); total += t
  const pkg = file.startsWith('nm/') ? file.split('/').slice(0, file.split('/')[1].startsWith('@') ? 3 : 2).join('/') : file
  byFile.set(pkg, (byFile.get(pkg) ?? 0) + t)
}
const top = (m: Map<string, number>, n: number) => [...m].sort((a, b) => b[1] - a[1]).slice(0, n).map(([k, v]) => `${(v / total * 100).toFixed(1).padStart(5)}%  ${k}`).join('\n')
console.log('total', (total / 1000).toFixed(0), 'ms\n-- by package/file\n' + top(byFile, 20) + '\n-- by function\n' + top(byFn, 25))
