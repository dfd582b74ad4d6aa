import { useState } from 'react'
import { clip } from './clip'

/**
 * Text that came from outside (an API error message, a key description): shown cut to `limit`
 * characters with the whole text on demand, wrapped anywhere and bidi-isolated, so neither a
 * 2 MB message nor a right-to-left one can reshape the page around it.
 */
export function ExternalText({ text, limit = 300 }: { text: string; limit?: number }) {
  const [whole, setWhole] = useState(false)
  if (text.length <= limit) return <bdi className="external-text">{text}</bdi>
  return (
    <>
      <bdi className={whole ? 'external-text external-text-whole' : 'external-text'}>{whole ? text : clip(text, limit)}</bdi>{' '}
      <button type="button" className="button link" aria-expanded={whole} onClick={() => setWhole(!whole)}>
        {whole ? 'Show less' : `Show all ${text.length.toLocaleString('en-US')} characters`}
      </button>
    </>
  )
}
