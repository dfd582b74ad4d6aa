import { Notice } from './Notice'

/** Items of a list that Venice sent in a shape this app cannot read: said, while the others are shown. */
export function UnreadableItems({ count, what }: { count: number; what: string }) {
  if (count === 0) return null
  return (
    <Notice tone="warning" title={`${count} ${what} could not be read`}>
      <p>Venice sent {count === 1 ? 'it' : 'them'} in a shape this app does not know; everything else is shown as usual.</p>
    </Notice>
  )
}
