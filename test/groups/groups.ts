// Test files that are quick on their own share a test process, a few directories to a process.
// Under tap each test process costs ~2 s of CPU before its first test (Node, tap and its
// coverage hooks, which see every module loaded, then the app's ~600 modules): measured, the nine
// aid test files took 55 s of CPU as nine processes and 21 s as one. The files stay ordinary tap
// files: `npx tsx test/features/aid/plans-api.test.ts` runs one alone.
import { readdirSync } from 'node:fs'
import { extname, join, relative, sep } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'

/** Directories (relative to test/) whose files run in a process of their own: they drive Chromium or start and kill server processes. */
export const ALONE = ['e2e', 'reliability']

/** Each group's directories (not their subdirectories; '.' is test/ itself). */
export const GROUPS: Record<string, string[]> = {
  core: ['.', 'domain', 'lib', 'cli'],
  security: ['security', 'features', 'features/audit', 'features/home', 'features/notifications'],
  'accounts-buildings': ['features/accounts', 'features/buildings'],
  'aid-governance': ['features/aid', 'features/governance'],
  claims: ['features/claims'],
  memberships: ['features/memberships']
}

const testRoot = fileURLToPath(new URL('../', import.meta.url))
// The files beside this one: JavaScript when the tests run compiled (`npm test`), TypeScript under tsx.
const ext = extname(fileURLToPath(import.meta.url))

/** Every test file under test/ (outside groups/), as a path relative to test/ with '/'. */
export function testFiles (dir = testRoot): string[] {
  const out: string[] = []
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, e.name)
    if (e.isDirectory()) { if (path !== join(testRoot, 'groups')) out.push(...testFiles(path)) } else if (e.name.endsWith(`.test${ext}`)) out.push(relative(testRoot, path).split(sep).join('/'))
  }
  return out.sort()
}

const dirOf = (file: string): string => file.includes('/') ? file.slice(0, file.lastIndexOf('/')) : '.'

/** Where a test file runs: 'alone', a group's name, or undefined (nowhere: a new directory nobody placed). */
export function placeOf (file: string): string | undefined {
  const dir = dirOf(file)
  if (ALONE.some((a) => dir === a || dir.startsWith(`${a}/`))) return 'alone'
  return Object.keys(GROUPS).find((g) => GROUPS[g].includes(dir))
}

/** Runs a group: imports its files one after another, so their tests run in this process in file order. */
export async function runGroup (name: string): Promise<void> {
  for (const file of testFiles().filter((f) => placeOf(f) === name)) await import(pathToFileURL(join(testRoot, file)).href)
}
