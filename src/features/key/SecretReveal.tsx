import { useEffect, useId, useState } from 'react'
import { Notice } from '../../ui/Notice'
import type { KeyEntry } from '../../session/keyring'
import { keyring } from '../../session/store'
import { envFile, snippets } from './snippets'

/**
 * The reveal-once view of a new key. Copying, downloading or confirming marks it saved; once saved,
 * Done or leaving the view closes it for good (`revealing` on the key).
 */
export function SecretReveal({ entry, apiUrl }: { entry: KeyEntry; apiUrl: string }) {
  const titleId = useId()
  const [revealed, setRevealed] = useState(false)
  const [copied, setCopied] = useState<'secret' | 'snippet' | 'failed'>()
  const secret = entry.secret.expose()
  const masked = `VENICE_${entry.secret.type}_KEY_${'•'.repeat(16)}${entry.secret.last6}`
  const envName = `venice-${entry.secret.last6}.env`
  const examples = snippets(apiUrl, envName)
  const [shown, setShown] = useState(examples[0]!.id)
  const example = examples.find((snippet) => snippet.id === shown) ?? examples[0]!
  const markSaved = () => keyring.update(entry.id, { unsaved: false })
  const close = () => keyring.update(entry.id, { revealing: false })

  useEffect(() => {
    const id = entry.id
    return () => {
      if (keyring.get(id)?.unsaved === false) keyring.update(id, { revealing: false })
    }
  }, [entry.id])

  async function copy(text: string, what: 'secret' | 'snippet') {
    try {
      await navigator.clipboard.writeText(text)
      setCopied(what)
      if (what === 'secret') markSaved()
    } catch {
      setCopied('failed')
    }
  }

  function download() {
    const url = URL.createObjectURL(new Blob([envFile(secret, apiUrl)], { type: 'text/plain' }))
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
        <div className="button-row">
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
      </div>
      <p className="hint" role="status">
        {copied === 'secret' && 'Copied to the clipboard.'}
        {copied === 'snippet' && 'Example copied: it reads the key from the .env file.'}
        {copied === 'failed' && 'The browser did not allow copying: reveal the key and copy it by hand.'}
      </p>

      <h3>Use it now</h3>
      <p className="hint">
        Venice speaks the OpenAI API: any OpenAI client works with the base URL <code className="nowrap">{apiUrl}</code> and this
        key. The .env file holds both (VENICE_API_KEY, VENICE_BASE_URL); these examples read it from there.
      </p>
      <div className="segmented" role="group" aria-label="Example">
        {examples.map((snippet) => (
          <button key={snippet.id} type="button" aria-pressed={snippet.id === example.id} onClick={() => setShown(snippet.id)}>
            {snippet.label}
          </button>
        ))}
      </div>
      <pre className="command">
        <code>{example.code}</code>
      </pre>
      <div className="actions">
        <button type="button" className="button" onClick={() => void copy(example.code, 'snippet')}>
          Copy example
        </button>
        {entry.unsaved ? (
          <button type="button" className="button primary" onClick={markSaved}>
            I have saved it
          </button>
        ) : (
          <>
            <span className="hint saved-mark">Marked as saved.</span>
            <button type="button" className="button primary" onClick={close}>
              Done
            </button>
          </>
        )}
      </div>
    </section>
  )
}
