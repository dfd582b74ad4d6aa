import { render, screen } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { useState } from 'react'
import { describe, expect, it, vi } from 'vitest'
import { KeyOptionsForm } from '../../src/features/key-options/KeyOptionsForm'
import { ADMIN_WARNING } from '../../src/features/key-options/explanations'
import { DEFAULT_DRAFT, type FieldErrors, type KeyOptionsDraft } from '../../src/features/key-options/keyOptions'

/** The form as its pages use it: the draft lives in the parent. */
function Harness({
  onChange,
  errors = {},
  initial = DEFAULT_DRAFT,
}: {
  onChange: (d: KeyOptionsDraft) => void
  errors?: FieldErrors
  initial?: KeyOptionsDraft
}) {
  const [draft, setDraft] = useState(initial)
  return (
    <KeyOptionsForm
      draft={draft}
      errors={errors}
      onChange={(next) => {
        onChange(next)
        setDraft(next)
      }}
    />
  )
}

const lastDraft = (onChange: ReturnType<typeof vi.fn<(d: KeyOptionsDraft) => void>>) => onChange.mock.calls.at(-1)?.[0]

describe('KeyOptionsForm', () => {
  it('reports each edit as a whole new draft', async () => {
    const user = userEvent.setup()
    const onChange = vi.fn<(d: KeyOptionsDraft) => void>()
    render(<Harness onChange={onChange} />)

    const description = screen.getByLabelText('Description')
    await user.clear(description)
    await user.type(description, 'Agent')
    expect(lastDraft(onChange)).toEqual({ ...DEFAULT_DRAFT, description: 'Agent' })

    await user.type(screen.getByLabelText('USD limit'), '12.5')
    await user.type(screen.getByLabelText('DIEM limit'), '3')
    await user.selectOptions(screen.getByLabelText('Limits reset'), 'MONTH')
    await user.selectOptions(screen.getByLabelText('Models this key may use'), 'PRIVATE_ONLY')
    expect(lastDraft(onChange)).toEqual({
      ...DEFAULT_DRAFT,
      description: 'Agent',
      usdLimit: '12.5',
      diemLimit: '3',
      limitPeriod: 'MONTH',
      modelPrivacy: 'PRIVATE_ONLY',
    })
  })

  it('shows the ADMIN warning only for an ADMIN key', async () => {
    const user = userEvent.setup()
    const onChange = vi.fn<(d: KeyOptionsDraft) => void>()
    render(<Harness onChange={onChange} />)
    expect(screen.queryByText(ADMIN_WARNING)).toBeNull()

    await user.click(screen.getByRole('radio', { name: /^Admin:/ }))
    expect(lastDraft(onChange)?.apiKeyType).toBe('ADMIN')
    expect(screen.getByText(ADMIN_WARNING)).toBeTruthy()
    expect(screen.getByText('This is an ADMIN key')).toBeTruthy()

    await user.click(screen.getByRole('radio', { name: /^Inference:/ }))
    expect(screen.queryByText(ADMIN_WARNING)).toBeNull()
  })

  it('asks for the expiry date only for "Expires on a date"', async () => {
    const user = userEvent.setup()
    const onChange = vi.fn<(d: KeyOptionsDraft) => void>()
    render(<Harness onChange={onChange} />)
    expect(screen.queryByLabelText('Expiry date (UTC)')).toBeNull()

    await user.click(screen.getByRole('radio', { name: 'Expires on a date' }))
    const date = screen.getByLabelText<HTMLInputElement>('Expiry date (UTC)')
    expect(date.type).toBe('date')
    expect(lastDraft(onChange)?.expiry).toBe('date')

    await user.click(screen.getByRole('radio', { name: 'Never expires' }))
    expect(screen.queryByLabelText('Expiry date (UTC)')).toBeNull()
  })

  it('shows each error at its field, tied with aria-invalid and aria-describedby', () => {
    const errors: FieldErrors = {
      description: 'Give the key a description.',
      usdLimit: 'Enter an amount from 0 to 9,999,999,999, or leave it empty for no cap.',
      expiryDate: 'Pick a date.',
    }
    render(<Harness onChange={() => {}} errors={errors} initial={{ ...DEFAULT_DRAFT, expiry: 'date' }} />)

    for (const [label, message] of [
      ['Description', errors.description],
      ['USD limit', errors.usdLimit],
      ['Expiry date (UTC)', errors.expiryDate],
    ] as const) {
      const input = screen.getByLabelText(label)
      expect(input.getAttribute('aria-invalid')).toBe('true')
      const describedBy = (input.getAttribute('aria-describedby') ?? '').split(' ')
      const messages = describedBy.map((id) => document.getElementById(id)?.textContent)
      expect(messages).toContain(message)
    }

    const diem = screen.getByLabelText('DIEM limit')
    expect(diem.hasAttribute('aria-invalid')).toBe(false)
    const diemDescriptions = (diem.getAttribute('aria-describedby') ?? '')
      .split(' ')
      .map((id) => document.getElementById(id)?.textContent)
    expect(diemDescriptions).toEqual(['Empty: no cap. Decimals with a dot: 2.5'])

    // Several problems: a summary says them all at the top, and the first field to fix has the focus.
    expect(screen.getByRole('alert').textContent).toContain('Check 3 settings:')
    expect(document.activeElement).toBe(screen.getByLabelText('Description'))
  })

  it('disables every control when disabled', () => {
    render(<KeyOptionsForm draft={DEFAULT_DRAFT} onChange={() => {}} errors={{}} disabled />)
    expect(screen.getByRole<HTMLFieldSetElement>('group', { name: 'Key settings' }).disabled).toBe(true)
  })

  it('shows a locked type as text, with no type choice and no warning', () => {
    render(<KeyOptionsForm draft={{ ...DEFAULT_DRAFT, apiKeyType: 'ADMIN' }} onChange={() => {}} errors={{}} typeLocked />)
    expect(screen.queryAllByRole('radio', { name: /^(Admin|Inference):/ })).toEqual([])
    expect(screen.getByText(/Key type: ADMIN\./)).toBeTruthy()
    expect(screen.queryByText(ADMIN_WARNING)).toBeNull()
  })
})
