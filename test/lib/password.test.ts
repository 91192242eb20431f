// Password hashing: scrypt with a random salt; the work factor is recorded in each hash, so a hash
// made at the full cost still verifies after the test configuration lowered it (and vice versa).
import t from 'tap'

t.test('full cost by default, the test cost only when asked; both verify', async (t) => {
  // A fresh instance of the module (its own URL): in a test process shared with other files an
  // app built earlier has already asked for the test cost.
  type PasswordModule = typeof import('../../src/lib/password.js')
  const { hashPassword, useTestPasswordCost, verifyPassword } = await import(new URL('../../src/lib/password.js?fresh', import.meta.url).href) as PasswordModule
  const full = await hashPassword('correct-horse-1')
  t.match(full, /^scrypt\$16384\$8\$1\$/)
  useTestPasswordCost()
  const cheap = await hashPassword('correct-horse-1')
  t.match(cheap, /^scrypt\$1024\$8\$1\$/)
  t.ok(await verifyPassword('correct-horse-1', full))
  t.ok(await verifyPassword('correct-horse-1', cheap))
  t.notOk(await verifyPassword('correct-horse-2', full))
  t.notOk(await verifyPassword('correct-horse-2', cheap))
  t.notOk(await verifyPassword('correct-horse-1', 'bcrypt$whatever'), 'an unknown format never verifies')
  t.not(await hashPassword('same'), await hashPassword('same'), 'salted')
})
