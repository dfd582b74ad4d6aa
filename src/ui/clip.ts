/**
 * Text from outside (Venice's messages, key descriptions) within a length, never splitting a
 * character: for labels and accessible names, where no element can isolate or expand it.
 */
export function clip(text: string, max: number): string {
  if (text.length <= max) return text
  return `${[...text.slice(0, max + 1)].slice(0, max - 1).join('')}…`
}
