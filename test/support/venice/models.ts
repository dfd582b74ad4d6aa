export type ModelType = 'text' | 'image' | 'embedding' | 'tts' | 'video' | 'music'

export interface RateLimit {
  type: 'RPM' | 'RPD' | 'TPM'
  amount: number
}

export interface Model {
  id: string
  type: ModelType
  unitType: 'TOKENS' | 'IMAGES' | 'CHARACTERS' | 'SECONDS'
  /** USD per unit, used to price synthetic usage. */
  usdPerUnit: number
  rateLimits: RateLimit[]
}

const textLimits = (rpm: number, rpd: number, tpm: number): RateLimit[] => [
  { type: 'RPM', amount: rpm },
  { type: 'RPD', amount: rpd },
  { type: 'TPM', amount: tpm },
]

/** Video and music models report no rate limits, as on the real API. */
export const MODELS: readonly Model[] = [
  {
    id: 'zai-org-glm-5-1',
    type: 'text',
    unitType: 'TOKENS',
    usdPerUnit: 0.000_002,
    rateLimits: textLimits(100, 100_000, 2_000_000),
  },
  {
    id: 'venice-uncensored',
    type: 'text',
    unitType: 'TOKENS',
    usdPerUnit: 0.000_000_6,
    rateLimits: textLimits(200, 200_000, 2_000_000),
  },
  { id: 'qwen3-235b', type: 'text', unitType: 'TOKENS', usdPerUnit: 0.000_001_5, rateLimits: textLimits(60, 50_000, 1_000_000) },
  { id: 'qwen3-4b', type: 'text', unitType: 'TOKENS', usdPerUnit: 0.000_000_15, rateLimits: textLimits(500, 500_000, 5_000_000) },
  {
    id: 'llama-3.3-70b',
    type: 'text',
    unitType: 'TOKENS',
    usdPerUnit: 0.000_001,
    rateLimits: textLimits(100, 100_000, 2_000_000),
  },
  {
    id: 'mistral-31-24b',
    type: 'text',
    unitType: 'TOKENS',
    usdPerUnit: 0.000_000_8,
    rateLimits: textLimits(150, 150_000, 2_000_000),
  },
  {
    id: 'deepseek-v3.2',
    type: 'text',
    unitType: 'TOKENS',
    usdPerUnit: 0.000_001_2,
    rateLimits: textLimits(60, 50_000, 1_000_000),
  },
  {
    id: 'venice-sd35',
    type: 'image',
    unitType: 'IMAGES',
    usdPerUnit: 0.01,
    rateLimits: [
      { type: 'RPM', amount: 20 },
      { type: 'RPD', amount: 5_000 },
    ],
  },
  {
    id: 'hidream',
    type: 'image',
    unitType: 'IMAGES',
    usdPerUnit: 0.01,
    rateLimits: [
      { type: 'RPM', amount: 20 },
      { type: 'RPD', amount: 5_000 },
    ],
  },
  {
    id: 'text-embedding-bge-m3',
    type: 'embedding',
    unitType: 'TOKENS',
    usdPerUnit: 0.000_000_15,
    rateLimits: textLimits(500, 500_000, 10_000_000),
  },
  {
    id: 'tts-kokoro',
    type: 'tts',
    unitType: 'CHARACTERS',
    usdPerUnit: 0.000_003_5,
    rateLimits: [
      { type: 'RPM', amount: 60 },
      { type: 'RPD', amount: 10_000 },
    ],
  },
  { id: 'wan-2.5-preview-text-to-video', type: 'video', unitType: 'SECONDS', usdPerUnit: 0.1, rateLimits: [] },
  { id: 'ace-step-music', type: 'music', unitType: 'SECONDS', usdPerUnit: 0.002, rateLimits: [] },
]

function findModel(id: string): Model | undefined {
  return MODELS.find((model) => model.id === id)
}

export function modelById(id: string): Model {
  const model = findModel(id)
  if (!model) throw new Error(`Unknown model ${id}; known: ${MODELS.map((known) => known.id).join(', ')}`)
  return model
}
