import { useId, useRef, type KeyboardEvent, type ReactNode } from 'react'

export interface AdminTab<Id extends string> {
  id: Id
  label: string
}

interface AdminTabsProps<Id extends string> {
  label: string
  tabs: readonly AdminTab<Id>[]
  selected: Id
  onSelect: (id: Id) => void
  /** Only the selected panel is mounted, so a view's requests start when it is opened. */
  children: ReactNode
}

/** WAI-ARIA tabs: arrow keys, Home and End move between tabs; Tab goes into the panel. */
export function AdminTabs<Id extends string>({ label, tabs, selected, onSelect, children }: AdminTabsProps<Id>) {
  const base = useId()
  const buttons = useRef(new Map<Id, HTMLButtonElement>())
  const tabId = (id: Id) => `${base}-tab-${id}`
  const panelId = `${base}-panel`

  function onKeyDown(event: KeyboardEvent) {
    const index = tabs.findIndex((tab) => tab.id === selected)
    const next =
      event.key === 'ArrowRight'
        ? (index + 1) % tabs.length
        : event.key === 'ArrowLeft'
          ? (index - 1 + tabs.length) % tabs.length
          : event.key === 'Home'
            ? 0
            : event.key === 'End'
              ? tabs.length - 1
              : undefined
    const tab = next === undefined ? undefined : tabs[next]
    if (!tab) return
    event.preventDefault()
    onSelect(tab.id)
    buttons.current.get(tab.id)?.focus()
  }

  return (
    <>
      <div role="tablist" aria-label={label} className="admin-tabs" onKeyDown={onKeyDown}>
        {tabs.map((tab) => (
          <button
            key={tab.id}
            ref={(button) => {
              if (button) buttons.current.set(tab.id, button)
              else buttons.current.delete(tab.id)
            }}
            type="button"
            role="tab"
            id={tabId(tab.id)}
            aria-selected={tab.id === selected}
            aria-controls={tab.id === selected ? panelId : undefined}
            tabIndex={tab.id === selected ? 0 : -1}
            onClick={() => onSelect(tab.id)}
          >
            {tab.label}
          </button>
        ))}
      </div>
      <div role="tabpanel" id={panelId} aria-labelledby={tabId(selected)} className="admin-panel">
        {children}
      </div>
    </>
  )
}
