// The governance capability's use cases, assembled once per app: each file owns one part
// (congresses, sessions, motions); pages and the JSON API share them.
import { congressUseCases } from './congresses.js'
import { sessionUseCases } from './sessions.js'
import { motionUseCases } from './motions.js'
import type { GovernanceDeps } from './deps.js'

export function createGovernanceService (deps: GovernanceDeps) {
  return {
    deps,
    congresses: congressUseCases(deps),
    sessions: sessionUseCases(deps),
    motions: motionUseCases(deps)
  }
}

export type GovernanceService = ReturnType<typeof createGovernanceService>
