// Both languages for every message, and every key a template asks for exists.
import t from 'tap'
import { readdirSync, readFileSync, statSync } from 'node:fs'
import { extname, join, relative } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { hasMessage, missingTranslations, pickLang, t as translate, type Messages } from '../src/i18n/index.js'
import { templatesDir } from '../src/paths.js'

function templates (dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name)
    return statSync(p).isDirectory() ? templates(p) : name.endsWith('.hbs') ? [p] : []
  })
}

t.test('every key has both languages', async (t) => {
  t.same(missingTranslations(), [])
})

t.test('every {{t "key"}} and (t "key") in templates/**/*.hbs exists', async (t) => {
  // Literal keys only; keys built with concat at run time are checked by the pages' own tests.
  const use = /[{(]\s*t\s+"([^"]+)"/g
  let count = 0
  const missing: string[] = []
  for (const file of templates(templatesDir)) {
    const src = readFileSync(file, 'utf8')
    for (const m of src.matchAll(use)) {
      count++
      if (!hasMessage(m[1])) missing.push(`${relative(templatesDir, file)}: ${m[1]}`)
    }
  }
  t.ok(count > 50, `found the keys (${count})`)
  t.same(missing, [])
})

t.test('placeholders are filled; unknown keys show themselves; the language is picked', async (t) => {
  t.equal(translate('zh', 'accounts.locked', { minutes: 15 }), '密码连续输错次数过多，账号已锁定，请 15 分钟后再试。')
  t.match(translate('en', 'accounts.locked', { minutes: 3 }), /Try again in 3 min\./)
  t.equal(translate('en', 'no.such.key'), 'no.such.key')
  t.equal(pickLang(undefined, undefined), 'zh')
  t.equal(pickLang(undefined, 'en-US,en;q=0.9'), 'en')
  t.equal(pickLang(undefined, 'zh-CN,zh;q=0.9,en;q=0.8'), 'zh')
  t.equal(pickLang('zh', 'en-US'), 'zh', 'an explicit choice wins')
  t.equal(pickLang('fr', 'en-US'), 'en', 'an unknown choice is ignored')
})

t.test('placeholders match between the languages', async (t) => {
  const mismatched: string[] = []
  const params = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort().join(',')
  // The message tables beside this test's own build: JavaScript under `npm test`, TypeScript under tsx.
  const ext = extname(fileURLToPath(import.meta.url))
  const dir = fileURLToPath(new URL('../src/i18n/messages/', import.meta.url))
  for (const file of readdirSync(dir).filter((f) => f.endsWith(ext))) {
    const c = (await import(pathToFileURL(join(dir, file)).href) as { default: Messages }).default
    for (const [k, zh] of Object.entries(c.zh)) if (c.en[k] !== undefined && params(zh) !== params(c.en[k])) mismatched.push(k)
  }
  t.same(mismatched, [])
})
