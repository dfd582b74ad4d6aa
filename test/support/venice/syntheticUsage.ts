import { DAY_MS, startOfUtcDay, utcDate } from './clock'
import { MODELS, type Model } from './models'
import type { Account, UsageEntry, VeniceStore } from './store'

/**
 * Deterministic made-up usage for each of the account's active keys over the last `days` days (never
 * before a key existed): the same wallet, keys (in creation order) and clock day give the same entries.
 */
export function syntheticUsage(store: VeniceStore, account: Account, now: number, days: number): UsageEntry[] {
  const keys = store.activeKeys(account.id, now).reverse()
  const today = startOfUtcDay(now)
  const entries: UsageEntry[] = []
  keys.forEach((key, keyIndex) => {
    for (let day = Math.max(today - (days - 1) * DAY_MS, startOfUtcDay(key.createdAt)); day <= today; day += DAY_MS) {
      const random = seededRandom(`${account.wallet}:${keyIndex}:${utcDate(day)}`)
      const count = 1 + Math.floor(random() * 3)
      for (let index = 0; index < count; index++) {
        const model = MODELS[Math.floor(random() * MODELS.length)] as Model
        const units = unitsFor(model, random())
        const cost = Math.round(units * model.usdPerUnit * 10_000) / 10_000
        const inDiem = random() < 0.6
        entries.push({
          at: Math.min(Math.max(day + Math.floor(random() * DAY_MS), key.createdAt), now),
          accountId: account.id,
          apiKeyId: key.id,
          keyDescription: key.description,
          model: model.id,
          usd: inDiem ? 0 : cost,
          diem: inDiem ? cost : 0,
          units,
        })
      }
    }
  })
  return entries
}

function unitsFor(model: Model, random: number): number {
  switch (model.unitType) {
    case 'TOKENS':
      return 1_000 + Math.floor(random * 200_000)
    case 'IMAGES':
      return 1 + Math.floor(random * 20)
    case 'CHARACTERS':
      return 500 + Math.floor(random * 5_000)
    case 'SECONDS':
      return 5 + Math.floor(random * 60)
  }
}

/** mulberry32 seeded with the FNV-1a hash of `seed`. */
function seededRandom(seed: string): () => number {
  let state = 0x811c9dc5
  for (let index = 0; index < seed.length; index++) state = Math.imul(state ^ seed.charCodeAt(index), 0x01000193)
  return () => {
    state = (state + 0x6d2b79f5) | 0
    let t = Math.imul(state ^ (state >>> 15), 1 | state)
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296
  }
}
