import { useId, useLayoutEffect, useState, useSyncExternalStore, type ReactNode } from 'react'

/**
 * The wallet providers (wagmi, TanStack Query, RainbowKit) arrive late and render once, beside the
 * page (WalletModule's WalletHost), so their arrival never re-parents the page and React never
 * remounts it: typed text, selected tabs and focus stay. The parts of the page that need their
 * contexts render through an island: an empty element in the page that the host fills through a
 * portal. This store links the two. Nothing here imports wallet code: it is part of the first load.
 */
export interface Island {
  node: HTMLElement
  content: ReactNode
}

let islands: readonly (readonly [id: string, island: Island])[] = []
const listeners = new Set<() => void>()

function publish(next: typeof islands) {
  islands = next
  for (const listener of listeners) listener()
}

function subscribe(listener: () => void) {
  listeners.add(listener)
  return () => void listeners.delete(listener)
}

/** The islands waiting to be filled, for the host. */
export function useWalletIslands() {
  return useSyncExternalStore(subscribe, () => islands)
}

interface WalletIslandProps {
  children: ReactNode
  className?: string | undefined
  /** Receives the island's element, e.g. to watch what the host puts in it. */
  onNode?: (node: HTMLElement | null) => void
}

/** Renders `children` inside the wallet providers, at this place in the page. */
export function WalletIsland({ children, className, onNode }: WalletIslandProps) {
  const id = useId()
  const [node, setNode] = useState<HTMLElement | null>(null)
  useLayoutEffect(() => {
    if (!node) return
    publish([...islands.filter(([other]) => other !== id), [id, { node, content: children }]])
  }, [id, node, children])
  useLayoutEffect(() => () => publish(islands.filter(([other]) => other !== id)), [id])
  useLayoutEffect(() => onNode?.(node), [node, onNode])
  return <div ref={setNode} className={className ? `wallet-island ${className}` : 'wallet-island'} />
}
