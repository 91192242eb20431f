import { runGroup } from './groups.js'

await runGroup('accounts-buildings')
