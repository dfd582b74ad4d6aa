/**
 * Text from outside (Venice's messages, key descriptions) within a length, never splitting a
 * character: for labels and attributes, where no element can isolate or expand it.
 */
export function clip(text: string, max: number): string {
  if (text.length <= max) return text
  return `${[...text.slice(0, max + 1)].slice(0, max - 1).join('')}…`
}

/** For text inside a sentence of ours: bidi-isolated (FSI … PDI), so right-to-left text cannot reorder the rest. */
export function isolated(text: string, max: number): string {
  return `\u2068${clip(text, max)}\u2069`
}
