// The histogram of simulated downtime, drawn with uPlot (imported by DowntimeChart on first
// use, so the library is a chunk of its own and not in the initial bundle).
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';
import { formatDowntimeTick } from '../../engine/downtime';
import type { DowntimeHistogram } from '../../worker/engineApi';

const WIDTH = 296;
const HEIGHT = 150;

/** Bars of the share of years (or months) in each bin, a red line at the error budget. */
export function drawHistogram(host: HTMLElement, h: DowntimeHistogram, budgetHours?: number): uPlot {
  const total = h.counts.reduce((a, b) => a + b, 0) || 1;
  // Each bar starts at its bin's lower edge (align 1).
  const xs = h.counts.map((_, i) => i * h.binHours);
  const shares = h.counts.map((c) => c / total);
  const label = (v: number) => formatDowntimeTick(v * 3600);
  const options: uPlot.Options = {
    width: WIDTH,
    height: HEIGHT,
    legend: { show: false },
    cursor: { show: false },
    scales: { x: { time: false, range: [0, h.counts.length * h.binHours] }, y: { range: [0, Math.max(...shares) * 1.1 || 1] } },
    axes: [
      { size: 28, font: '10px system-ui, sans-serif', values: (_u, splits) => splits.map(label), stroke: '#64748b', grid: { show: false } },
      { size: 36, font: '10px system-ui, sans-serif', values: (_u, splits) => splits.map((v) => `${Math.round(v * 100)}%`), stroke: '#64748b', grid: { stroke: '#f1f5f9' } },
    ],
    series: [
      {},
      { fill: '#a5b4fc', stroke: '#6366f1', width: 1, paths: uPlot.paths.bars!({ size: [0.92, Infinity], align: 1 }), points: { show: false } },
    ],
    hooks: {
      draw: [
        (u) => {
          if (budgetHours === undefined) return;
          const x = u.valToPos(budgetHours, 'x', true);
          const ctx = u.ctx;
          ctx.save();
          ctx.strokeStyle = '#dc2626';
          ctx.lineWidth = 2 * devicePixelRatio;
          ctx.setLineDash([4 * devicePixelRatio, 3 * devicePixelRatio]);
          ctx.beginPath();
          ctx.moveTo(x, u.bbox.top);
          ctx.lineTo(x, u.bbox.top + u.bbox.height);
          ctx.stroke();
          ctx.fillStyle = '#dc2626';
          ctx.textAlign = 'left';
          ctx.textBaseline = 'top';
          ctx.font = `${10 * devicePixelRatio}px system-ui, sans-serif`;
          ctx.fillText('error budget', x + 4 * devicePixelRatio, u.bbox.top + 2 * devicePixelRatio);
          ctx.restore();
        },
      ],
    },
  };
  return new uPlot(options, [xs, shares], host);
}
