// The `log` SMS provider: one JSON line per message in the outbox, readable by tests.
import t from 'tap'
import { build, smsSent } from '../helper.js'

t.test('the app sends through the log provider: one JSON line {to, template, params, at}', async (t) => {
  const app = await build(t)
  t.equal(app.sms.provider, 'log')
  t.same(smsSent(app), [], 'nothing sent yet')
  await app.sms.send({ to: '13900000001', template: 'verification_code', params: { code: '123456', minutes: '10' } })
  await Promise.all([1, 2, 3].map(async (i) => await app.sms.send({ to: `1390000000${i + 1}`, template: 'notice', params: { text: `第${i}条` } })))
  const sent = smsSent(app)
  t.equal(sent.length, 4)
  t.same(sent[0], { to: '13900000001', template: 'verification_code', params: { code: '123456', minutes: '10' }, at: app.clock.iso() })
  t.same(sent.slice(1).map((m) => m.params.text).sort(), ['第1条', '第2条', '第3条'])
})
