import { useEffect, useRef, useSyncExternalStore } from 'react'
import uPlot from 'uplot'
import 'uplot/dist/uPlot.min.css'
import { formatAmount, formatUsd } from '../../ui/format'
import type { UsageAnalytics } from '../../venice/schemas'

const HEIGHT = 240
const MIN_WIDTH = 280

/**
 * Spend per day as a line chart: USD on the left axis, DIEM (dashed) on the right. Loaded on its
 * own, with uPlot, only when the usage view opens. The canvas is one image to assistive
 * technology, described by `summary`; the same figures are in a table beside it.
 */
export default function UsageChart({ rows, summary }: { rows: UsageAnalytics['byDate']; summary: string }) {
  const container = useRef<HTMLDivElement>(null)
  // The chart draws with the page's colours: draw again when the system switches light/dark.
  const dark = useSyncExternalStore(subscribeToScheme, prefersDark)

  useEffect(() => {
    const element = container.current
    if (!element) return
    const style = getComputedStyle(element)
    const color = (name: string, fallback: string) => style.getPropertyValue(name).trim() || fallback
    const [fg, grid, usd, diem] = [
      color('--muted', '#57534e'),
      color('--border', '#d6d3d1'),
      color('--accent', '#b45309'),
      color('--ok', '#15803d'),
    ]
    const width = () => Math.max(MIN_WIDTH, element.clientWidth)
    const axis = { stroke: fg, grid: { stroke: grid, width: 1 }, ticks: { stroke: grid, width: 1 } }

    const data: uPlot.AlignedData = [
      rows.map((row) => Date.parse(`${row.date}T00:00:00Z`) / 1000),
      rows.map((row) => row.USD),
      rows.map((row) => row.DIEM),
    ]
    const plot = new uPlot(
      {
        width: width(),
        height: HEIGHT,
        // The legend under the chart shows the values of the day under the pointer.
        legend: { show: true, live: true },
        // Days are UTC days: label them so, whatever the viewer's time zone.
        tzDate: (seconds) => uPlot.tzDate(new Date(seconds * 1000), 'Etc/UTC'),
        scales: {
          x: { time: true },
          usd: { range: (_u, _min, max) => [0, max > 0 ? max * 1.1 : 1] },
          diem: { range: (_u, _min, max) => [0, max > 0 ? max * 1.1 : 1] },
        },
        series: [
          { label: 'Day (UTC)', value: (_u, seconds) => (seconds == null ? '—' : utcDay(seconds)) },
          {
            label: 'USD',
            scale: 'usd',
            stroke: usd,
            width: 2,
            points: { show: rows.length <= 31 },
            value: (_u, v) => (v == null ? '—' : formatUsd(v)),
          },
          {
            label: 'DIEM',
            scale: 'diem',
            stroke: diem,
            width: 2,
            dash: [6, 4],
            points: { show: rows.length <= 31 },
            value: (_u, v) => (v == null ? '—' : formatAmount(v)),
          },
        ],
        axes: [
          axis,
          { ...axis, scale: 'usd', values: (_u, ticks) => ticks.map((tick) => formatUsd(tick)), size: 70 },
          {
            ...axis,
            scale: 'diem',
            side: 1,
            grid: { show: false },
            values: (_u, ticks) => ticks.map((tick) => formatAmount(tick, 2)),
            size: 60,
          },
        ],
      },
      data,
      element,
    )
    const resize =
      typeof ResizeObserver === 'undefined'
        ? undefined
        : new ResizeObserver(() => plot.setSize({ width: width(), height: HEIGHT }))
    resize?.observe(element)
    return () => {
      resize?.disconnect()
      plot.destroy()
    }
  }, [rows, dark])

  return (
    <figure className="usage-chart">
      <div ref={container} role="img" aria-label={summary} />
      <figcaption className="hint">
        <span className="swatch swatch-usd" aria-hidden="true" /> USD (left axis){' '}
        <span className="swatch swatch-diem" aria-hidden="true" /> DIEM (right axis, dashed). Days are UTC.
      </figcaption>
    </figure>
  )
}

const DARK = '(prefers-color-scheme: dark)'
const prefersDark = () => window.matchMedia(DARK).matches
function subscribeToScheme(listener: () => void) {
  const query = window.matchMedia(DARK)
  query.addEventListener('change', listener)
  return () => query.removeEventListener('change', listener)
}
const utcDay = (seconds: number) =>
  new Date(seconds * 1000).toLocaleDateString(undefined, { dateStyle: 'medium', timeZone: 'UTC' })
