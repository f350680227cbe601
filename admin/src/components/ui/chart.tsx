/**
 * An ECharts chart, loaded only when a chart is shown (its own chunk: echarts/core with the line and bar
 * charts it needs). The option is plain ECharts JSON.
 */
import { useEffect, useRef, useState } from 'react';
import { Loading } from './states.js';

type ECharts = {
  setOption: (o: unknown, notMerge?: boolean) => void;
  resize: () => void;
  dispose: () => void;
};

const loadEcharts = () => import('./echarts-setup.js');

export function Chart({ option, height = 260, label }: { option: unknown; height?: number; label: string }) {
  const ref = useRef<HTMLDivElement>(null);
  const chart = useRef<ECharts | null>(null);
  const [ready, setReady] = useState(false);
  useEffect(() => {
    let disposed = false;
    let ro: ResizeObserver | null = null;
    void loadEcharts().then((core) => {
      if (disposed || !ref.current) return;
      chart.current = core.init(ref.current, undefined, { renderer: 'svg' }) as unknown as ECharts;
      setReady(true);
      ro = new ResizeObserver(() => chart.current?.resize());
      ro.observe(ref.current);
    });
    return () => {
      disposed = true;
      ro?.disconnect();
      chart.current?.dispose();
      chart.current = null;
    };
  }, []);
  useEffect(() => {
    if (ready) chart.current?.setOption({ aria: { enabled: true }, ...(option as object) }, true);
  }, [ready, option]);
  return (
    <div role="img" aria-label={label} data-testid="chart">
      {!ready ? <Loading /> : null}
      <div ref={ref} style={{ height, width: '100%' }} />
    </div>
  );
}
