import { useSyncExternalStore } from 'react'

interface Toast {
  id: number
  message: string
  tone: 'success' | 'error'
}

const SHOWN_MS = 4_000
let toasts: readonly Toast[] = []
let nextId = 1
const listeners = new Set<() => void>()
const emit = () => listeners.forEach((listener) => listener())

/** A short confirmation near the bottom of the screen, read out by screen readers. */
export function toast(message: string, tone: Toast['tone'] = 'success') {
  const id = nextId++
  toasts = [...toasts.slice(-2), { id, message, tone }]
  emit()
  setTimeout(() => {
    toasts = toasts.filter((t) => t.id !== id)
    emit()
  }, SHOWN_MS)
}

const subscribe = (listener: () => void) => {
  listeners.add(listener)
  return () => listeners.delete(listener)
}

/** Mounted once: an always-present live region, so additions are announced. */
export function Toaster() {
  const shown = useSyncExternalStore(subscribe, () => toasts)
  return (
    <div className="toaster" role="status" aria-live="polite">
      {shown.map((t) => (
        <p key={t.id} className={`toast toast-${t.tone}`}>
          {t.message}
        </p>
      ))}
    </div>
  )
}
