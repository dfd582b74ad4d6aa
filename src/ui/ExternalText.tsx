import { useState } from 'react'
import { clip } from './clip'

/** Beyond this, the whole text is offered as a file: laying out megabytes of text would freeze the page. */
const SHOWN_AT_MOST = 20_000

const count = (n: number) => n.toLocaleString('en-US')

/**
 * Text that came from outside (an API error message, a key description): shown cut to `limit`
 * characters with more on demand, wrapped anywhere and bidi-isolated, so neither a 2 MB message
 * nor a right-to-left one can reshape the page around it.
 */
export function ExternalText({ text, limit = 300 }: { text: string; limit?: number }) {
  const [open, setOpen] = useState(false)
  if (text.length <= limit) return <bdi className="external-text">{text}</bdi>
  const tooLong = text.length > SHOWN_AT_MOST
  return (
    <>
      <bdi className={open ? 'external-text external-text-whole' : 'external-text'}>
        {clip(text, open ? SHOWN_AT_MOST : limit)}
      </bdi>{' '}
      <button type="button" className="button link" aria-expanded={open} onClick={() => setOpen(!open)}>
        {open
          ? 'Show less'
          : tooLong
            ? `Show the first ${count(SHOWN_AT_MOST)} of ${count(text.length)} characters`
            : `Show all ${count(text.length)} characters`}
      </button>
      {open && tooLong && (
        <button type="button" className="button link" onClick={() => saveAsFile(text)}>
          Save all {count(text.length)} characters as a file
        </button>
      )}
    </>
  )
}

function saveAsFile(text: string) {
  const url = URL.createObjectURL(new Blob([text], { type: 'text/plain;charset=utf-8' }))
  Object.assign(document.createElement('a'), { href: url, download: 'venice-message.txt' }).click()
  URL.revokeObjectURL(url)
}
