// Summarises a .cpuprofile (node --cpu-prof, npm run bench -- --cpu-prof, or page-cpu.ts):
//   npx tsx bench/profile/cpuprofile-top.ts FILE                      self time by package and by function
//   npx tsx bench/profile/cpuprofile-top.ts FILE --inclusive [REGEX] [N] time under each function (callees included), filtered
import { readFileSync } from 'node:fs'

interface Node { id: number, callFrame: { functionName: string, url: string, lineNumber: number }, children?: number[] }
const args = process.argv.slice(2)
const prof = JSON.parse(readFileSync(args[0], 'utf8')) as { nodes: Node[], samples: number[], timeDeltas: number[] }
const nodes = new Map(prof.nodes.map((n) => [n.id, n]))
const parent = new Map<number, number>()
for (const n of prof.nodes) for (const c of n.children ?? []) parent.set(c, n.id)
const fileOf = (n: Node): string => (n.callFrame.url || '(native)').replace(/^.*node_modules\//, 'nm/').replace(/^file:\/\/\/work\/main\//, '')
const keyOf = (n: Node): string => `${n.callFrame.functionName || '(anon)'} ${fileOf(n)}:${n.callFrame.lineNumber}`
const packageOf = (file: string): string => file.startsWith('nm/') ? file.split('/').slice(0, file.split('/')[1].startsWith('@') ? 3 : 2).join('/') : file
const add = (m: Map<string, number>, k: string, t: number): void => { m.set(k, (m.get(k) ?? 0) + t) }

let total = 0
const self = new Map<string, number>()
const byPackage = new Map<string, number>()
const inclusive = new Map<string, number>()
for (let i = 0; i < prof.samples.length; i++) {
  const t = prof.timeDeltas[i] ?? 0
  total += t
  const leaf = nodes.get(prof.samples[i])!
  add(self, keyOf(leaf), t)
  add(byPackage, packageOf(fileOf(leaf)), t)
  const onStack = new Set<string>()
  for (let id: number | undefined = leaf.id; id !== undefined; id = parent.get(id)) onStack.add(keyOf(nodes.get(id)!))
  for (const k of onStack) add(inclusive, k, t)
}
const top = (m: Map<string, number>, n: number, filter?: RegExp): string => [...m].filter(([k]) => filter === undefined || filter.test(k))
  .sort((a, b) => b[1] - a[1]).slice(0, n).map(([k, v]) => `${(v / total * 100).toFixed(1).padStart(5)}%  ${k}`).join('\n')
const at = args.indexOf('--inclusive')
if (at !== -1) {
  const filter = args[at + 1] !== undefined ? new RegExp(args[at + 1]) : undefined
  console.log(`total ${(total / 1000).toFixed(0)} ms; time under each function\n` + top(inclusive, Number(args[at + 2] ?? 40), filter))
} else {
  console.log(`total ${(total / 1000).toFixed(0)} ms\n-- by package/file\n${top(byPackage, 20)}\n-- by function\n${top(self, 25)}`)
}
