import type { SeedContext } from '../../cli/seed-demo.js'

// The claims part of the demo database (filled in with the claims feature).
export async function seedClaims (ctx: SeedContext): Promise<void> {
  void ctx
}
