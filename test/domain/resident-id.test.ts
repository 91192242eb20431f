// The resident ID check (GB 11643-1999): table tests of the rule's cases and property tests
// over generated numbers.
import t from 'tap'
import fc from 'fast-check'
import { maskResidentId, normaliseResidentId, residentIdCheckChar, residentIdFacts, residentIdProblem } from '../../src/domain/identity.js'
import { formatMemberNo, makeResidentId, maskName } from '../../src/domain/memberships.js'

const TODAY = '2026-06-15'

t.test('table: the examples of DOMAIN.md and each way a number can be wrong', async (t) => {
  const cases: Array<[string, string | null]> = [
    ['11010519491231002X', null],
    ['11010519491231002x', null],
    [' 440524188001010014 ', null],
    ['110105194912310021', 'checksum'],
    ['440524188001010015', 'checksum'],
    ['11010519491231002', 'format'],
    ['1101051949123100211', 'format'],
    ['11010519491231002Y', 'format'],
    ['1101051949123100X2', 'format'],
    ['', 'format'],
    ['１１０１０５１９４９１２３１００２Ｘ', 'format'],
    [makeResidentId('110105', '2026-06-15', 1), null],
    [makeResidentId('110105', '2026-06-16', 1), 'futureBirthDate'],
    [makeResidentId('110105', '2099-01-01', 1), 'futureBirthDate'],
    ['110105' + '20230229' + '0011', 'birthDate'],
    ['110105' + '19991301' + '0011', 'birthDate'],
    ['110105' + '17991231' + '0011', 'birthDate'],
    [makeResidentId('110105', '1800-01-01', 1), null],
    [makeResidentId('110105', '2024-02-29', 1), null]
  ]
  for (const [id, problem] of cases) t.equal(residentIdProblem(id, TODAY), problem, JSON.stringify(id))
})

t.test('facts: birth date and gender (odd 17th digit: male)', async (t) => {
  t.same(residentIdFacts('11010519491231002X'), { birthDate: '1949-12-31', gender: 'female' })
  t.same(residentIdFacts('440524188001010014'), { birthDate: '1880-01-01', gender: 'male' })
  t.equal(maskResidentId('11010519491231002x'), '110105********002X')
  t.equal(normaliseResidentId(' 11010519491231002x '), '11010519491231002X')
})

// Valid numbers: a 6-digit area, a real birth date up to today, a sequence, the right check.
const birthDate = fc.date({ min: new Date('1900-01-01T00:00:00Z'), max: new Date(TODAY + 'T00:00:00Z'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10))
const validId = fc.tuple(fc.integer({ min: 110000, max: 659999 }), birthDate, fc.integer({ min: 0, max: 999 }))
  .map(([area, birth, seq]) => makeResidentId(String(area), birth, seq))

t.test('property: every generated valid number passes, lower-case x included, and its facts match', async (t) => {
  fc.assert(fc.property(validId, (id) => {
    if (residentIdProblem(id, TODAY) !== null) return false
    if (residentIdProblem(id.toLowerCase(), TODAY) !== null) return false
    const f = residentIdFacts(id)
    return f.birthDate === `${id.slice(6, 10)}-${id.slice(10, 12)}-${id.slice(12, 14)}` &&
      f.gender === (Number(id[16]) % 2 === 1 ? 'male' : 'female') &&
      maskResidentId(id) === id.slice(0, 6) + '********' + id.slice(14)
  }), { numRuns: 2000 })
  t.pass('2000 generated numbers')
})

t.test('property: changing any single character of a valid number makes it invalid', async (t) => {
  const change = fc.tuple(validId, fc.integer({ min: 0, max: 17 }), fc.integer({ min: 1, max: 10 }))
  fc.assert(fc.property(change, ([id, pos, delta]) => {
    const alphabet = pos === 17 ? '0123456789X' : '0123456789'
    const current = alphabet.indexOf(id[pos])
    const next = alphabet[(current + delta) % alphabet.length]
    if (next === id[pos]) return true
    const changed = id.slice(0, pos) + next + id.slice(pos + 1)
    return residentIdProblem(changed, TODAY) !== null
  }), { numRuns: 3000 })
  t.pass('3000 single-character changes refused')
})

t.test('property: swapping two different adjacent digits is caught', async (t) => {
  fc.assert(fc.property(validId, fc.integer({ min: 0, max: 15 }), (id, pos) => {
    if (id[pos] === id[pos + 1]) return true
    const swapped = id.slice(0, pos) + id[pos + 1] + id[pos] + id.slice(pos + 2)
    return residentIdProblem(swapped, TODAY) !== null
  }), { numRuns: 2000 })
  t.pass()
})

t.test('property: a birth date after today is refused whatever the check character', async (t) => {
  const future = fc.date({ min: new Date('2026-06-16T00:00:00Z'), max: new Date('2999-12-31T00:00:00Z'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10))
  fc.assert(fc.property(fc.integer({ min: 110000, max: 659999 }), future, fc.integer({ min: 0, max: 999 }), (area, birth, seq) =>
    residentIdProblem(makeResidentId(String(area), birth, seq), TODAY) === 'futureBirthDate'))
  t.pass()
})

t.test('property: the check character is the one of GB 11643 (sum of weights mod 11)', async (t) => {
  const W = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
  fc.assert(fc.property(fc.stringMatching(/^\d{17}$/), (s) => {
    const sum = [...s].reduce((acc, d, i) => acc + Number(d) * W[i], 0)
    return residentIdCheckChar(s) === '10X98765432'[sum % 11]
  }))
  t.pass()
})

t.test('membership numbers and masked names', async (t) => {
  t.equal(formatMemberNo(2026, 1), 'KM2026000001')
  t.equal(formatMemberNo('2027', 123456), 'KM2027123456')
  t.equal(maskName('王芳'), '王*')
  t.equal(maskName('欧阳娜娜'), '欧***')
  t.equal(maskName('李'), '李*')
  t.equal(maskName(''), '')
})
