import { runGroup } from './groups.js'

await runGroup('aid-governance')
