import { render, screen, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { describe, expect, it } from 'vitest'
import { RateLimitsTable } from '../../src/features/dashboard/RateLimitsTable'
import type { RateLimits } from '../../src/venice/schemas'

const MODELS: RateLimits['rateLimits']['items'] = [
  {
    apiModelId: 'zai-org-glm-5-1',
    rateLimits: [
      { type: 'RPM', amount: 100 },
      { type: 'TPM', amount: 2_000_000 },
    ],
  },
  {
    apiModelId: 'llama-3.3-70b',
    rateLimits: [
      { type: 'RPM', amount: 500 },
      { type: 'RPD', amount: 10_000 },
    ],
  },
  { apiModelId: 'video-gen', rateLimits: [] },
  { apiModelId: 'mistral-small', rateLimits: [{ type: 'RPM', amount: 20 }] },
]
const LIMITS: RateLimits['rateLimits'] = { items: MODELS, unreadable: 0 }

/** The model ids in the order the table shows them. */
const modelOrder = () =>
  within(screen.getByRole('table'))
    .getAllByRole('rowheader')
    .map((cell) => cell.textContent)

const header = (name: string) => screen.getByRole('columnheader', { name })

describe('RateLimitsTable', () => {
  it('lists every model, sorted by name, with compact limits and the full figure as their title', () => {
    render(<RateLimitsTable rateLimits={LIMITS} />)
    expect(modelOrder()).toEqual(['llama-3.3-70b', 'mistral-small', 'video-gen', 'zai-org-glm-5-1'])
    expect(header('Model').getAttribute('aria-sort')).toBe('ascending')
    const glm = screen.getByRole('row', { name: /zai-org-glm-5-1/ })
    expect(
      within(glm)
        .getAllByRole('cell')
        .map((c) => c.textContent),
    ).toEqual(['100', '—', '2M'])
    expect(within(glm).getByTitle('2,000,000').textContent).toBe('2M')
  })

  it('says a model with an empty list is not throughput-limited', () => {
    render(<RateLimitsTable rateLimits={LIMITS} />)
    const video = screen.getByRole('row', { name: /video-gen/ })
    const cells = within(video).getAllByRole('cell')
    expect(cells.map((c) => c.textContent)).toEqual(['not throughput-limited'])
    expect(cells[0]?.getAttribute('colspan')).toBe('3')
  })

  it('filters by a case-insensitive search', async () => {
    const user = userEvent.setup()
    render(<RateLimitsTable rateLimits={LIMITS} />)
    await user.type(screen.getByRole('searchbox', { name: 'Search models' }), 'LLA')
    expect(modelOrder()).toEqual(['llama-3.3-70b'])
    await user.clear(screen.getByRole('searchbox'))
    await user.type(screen.getByRole('searchbox'), 'gpt')
    expect(within(screen.getByRole('table')).queryAllByRole('rowheader')).toEqual([])
    expect(screen.getByText('No model matches this search.')).toBeTruthy()
  })

  it('sorts by a clicked column, largest first, and flips on a second click', async () => {
    const user = userEvent.setup()
    render(<RateLimitsTable rateLimits={LIMITS} />)
    await user.click(within(header('Requests / min')).getByRole('button'))
    expect(header('Requests / min').getAttribute('aria-sort')).toBe('descending')
    expect(header('Model').getAttribute('aria-sort')).toBe('none')
    expect(modelOrder()).toEqual(['llama-3.3-70b', 'zai-org-glm-5-1', 'mistral-small', 'video-gen'])

    await user.click(within(header('Requests / min')).getByRole('button'))
    expect(header('Requests / min').getAttribute('aria-sort')).toBe('ascending')
    expect(modelOrder()).toEqual(['video-gen', 'mistral-small', 'zai-org-glm-5-1', 'llama-3.3-70b'])

    await user.click(within(header('Model')).getByRole('button'))
    expect(header('Model').getAttribute('aria-sort')).toBe('ascending')
    expect(header('Requests / min').getAttribute('aria-sort')).toBe('none')
    await user.click(within(header('Model')).getByRole('button'))
    expect(header('Model').getAttribute('aria-sort')).toBe('descending')
    expect(modelOrder()).toEqual(['zai-org-glm-5-1', 'video-gen', 'mistral-small', 'llama-3.3-70b'])
  })

  it('says so when Venice listed no models', () => {
    render(<RateLimitsTable rateLimits={{ items: [], unreadable: 0 }} />)
    expect(screen.getByText('Venice listed no models for this key.')).toBeTruthy()
  })

  it('shows a long list 100 rows at a time, and a search starts again from the first rows', async () => {
    const user = userEvent.setup()
    const many = Array.from({ length: 250 }, (_, index) => ({
      apiModelId: `model-${String(index).padStart(3, '0')}`,
      rateLimits: [{ type: 'RPM' as const, amount: index }],
    }))
    render(<RateLimitsTable rateLimits={{ items: many, unreadable: 0 }} />)
    expect(modelOrder()).toHaveLength(100)
    await user.click(screen.getByRole('button', { name: 'Show 100 more (150 not shown)' }))
    expect(modelOrder()).toHaveLength(200)
    await user.click(screen.getByRole('button', { name: 'Show 50 more (50 not shown)' }))
    expect(modelOrder().at(-1)).toBe('model-249')
    expect(screen.queryByRole('button', { name: /more/ })).toBeNull()

    await user.type(screen.getByRole('searchbox', { name: 'Search models' }), 'model-1')
    expect(modelOrder()).toEqual(many.slice(100, 200).map((model) => model.apiModelId))
    await user.type(screen.getByRole('searchbox'), '{backspace}')
    expect(modelOrder()).toHaveLength(100)
  })
})
