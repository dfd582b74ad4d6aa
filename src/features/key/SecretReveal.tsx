import { useId, useState } from 'react'
import { Notice } from '../../ui/Notice'
import type { KeyEntry } from '../../session/keyring'
import { keyring } from '../../session/store'

/** The reveal-once view of a new key. Copying, downloading or confirming marks it saved. */
export function SecretReveal({ entry, apiUrl }: { entry: KeyEntry; apiUrl: string }) {
  const titleId = useId()
  const [revealed, setRevealed] = useState(false)
  const [copied, setCopied] = useState<'secret' | 'curl' | 'failed'>()
  const secret = entry.secret.expose()
  const masked = `VENICE_${entry.secret.type}_KEY_${'•'.repeat(16)}${entry.secret.last6}`
  const envFile = `VENICE_API_KEY=${secret}\n`
  const envName = `venice-${entry.secret.last6}.env`
  const curl = `set -a; . ./${envName}; set +a; curl -s -H "Authorization: Bearer $VENICE_API_KEY" ${apiUrl}/api_keys/rate_limits`
  const markSaved = () => keyring.update(entry.id, { unsaved: false })

  async function copy(text: string, what: 'secret' | 'curl') {
    try {
      await navigator.clipboard.writeText(text)
      setCopied(what)
      if (what === 'secret') markSaved()
    } catch {
      setCopied('failed')
    }
  }

  function download() {
    const url = URL.createObjectURL(new Blob([envFile], { type: 'text/plain' }))
    const link = Object.assign(document.createElement('a'), { href: url, download: envName })
    link.click()
    URL.revokeObjectURL(url)
    markSaved()
  }

  return (
    <section className="secret-reveal" aria-labelledby={titleId}>
      <h2 id={titleId}>Your new {entry.secret.type} key</h2>
      <Notice tone="warning" title="Save it now">
        <p>Venice will never show this key again. If you lose it, revoke it and make a new one.</p>
      </Notice>
      <div className="secret-box">
        <code data-testid="secret-value">{revealed ? secret : masked}</code>
        <button type="button" className="button" aria-pressed={revealed} onClick={() => setRevealed(!revealed)}>
          {revealed ? 'Hide' : 'Reveal'}
        </button>
        <button type="button" className="button" onClick={() => void copy(secret, 'secret')}>
          Copy
        </button>
        <button type="button" className="button" onClick={download}>
          Download .env
        </button>
      </div>
      <p className="hint" role="status">
        {copied === 'secret' && 'Copied to the clipboard.'}
        {copied === 'curl' && 'Command copied.'}
        {copied === 'failed' && 'The browser did not allow copying: reveal the key and copy it by hand.'}
      </p>
      <h3>Try it</h3>
      <p className="hint">From the folder where you saved {envName}:</p>
      <pre className="command">
        <code>{curl}</code>
      </pre>
      <button type="button" className="button" onClick={() => void copy(curl, 'curl')}>
        Copy command
      </button>
      {entry.unsaved ? (
        <button type="button" className="button primary" onClick={markSaved}>
          I have saved it
        </button>
      ) : (
        <p className="hint">Marked as saved.</p>
      )}
    </section>
  )
}
