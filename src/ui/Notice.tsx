import type { ReactNode } from 'react'

type Tone = 'info' | 'warning' | 'error' | 'success'

/** A boxed message. Errors are announced at once; the others politely. */
export function Notice({ tone = 'info', title, children }: { tone?: Tone; title?: string; children?: ReactNode }) {
  return (
    <div className={`notice notice-${tone}`} role={tone === 'error' ? 'alert' : 'status'}>
      {title && <strong className="notice-title">{title}</strong>}
      {children}
    </div>
  )
}
