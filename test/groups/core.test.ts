import t from 'tap'
import { GROUPS, placeOf, runGroup, testFiles } from './groups.js'

t.test('every test file runs, in exactly one process', async (t) => {
  const files = testFiles()
  t.ok(files.length > 90, `${files.length} test files found`)
  t.same(files.filter((f) => placeOf(f) === undefined), [], 'no file outside the groups and the files run alone')
  const dirs = Object.values(GROUPS).flat()
  t.equal(new Set(dirs).size, dirs.length, 'no directory in two groups')
})

await runGroup('core')
