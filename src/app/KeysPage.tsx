import { KeyList, PasteKeyForm, RememberPanel } from '../features/key'
import { useKeys } from '../session/useKeyring'
import { navigate, paths } from './router'

/** Every key of this session, a way to add one, and the opt-in to remember them. */
export function KeysPage() {
  const keys = useKeys()
  return (
    <>
      <h1>Your keys</h1>
      {keys.length === 0 && (
        <p className="lead">
          No key in this session yet. <a href={paths.mint}>Mint one with your wallet</a> or paste one you already have.
        </p>
      )}
      <KeyList hrefFor={(entry) => paths.key(entry.id)} />
      <RememberPanel />
      <section className="card" aria-labelledby="keys-paste-title">
        <h2 id="keys-paste-title">Add a key you already have</h2>
        <PasteKeyForm onAdded={(entry) => navigate(paths.key(entry.id))} />
      </section>
    </>
  )
}
