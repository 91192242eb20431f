import { existsSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

// The project root holds package.json, templates/, migrations/ and public/. The code runs
// from src/ (tsx, tests) or from dist/ (npm start), so the root is found, not assumed.
function findRoot (from: string): string {
  let dir = from
  while (!existsSync(join(dir, 'package.json'))) {
    const up = dirname(dir)
    if (up === dir) throw new Error('package.json not found above ' + from)
    dir = up
  }
  return dir
}

export const projectRoot = findRoot(dirname(fileURLToPath(import.meta.url)))
export const templatesDir = join(projectRoot, 'templates')
export const migrationsDir = join(projectRoot, 'migrations')
export const publicDir = join(projectRoot, 'public')
