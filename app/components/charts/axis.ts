// A chart's value axis: round steps (1, 2 or 5 times a power of ten) from zero to just above the
// largest value, each tick's text formatted by the caller. Client-safe; loaders call it so the
// tick texts are formatted on the server in the reader's language (browsers may lack Kyrgyz).

export type Axis = { max: number; ticks: { value: number; text: string }[] };

/** 1, 2 or 5 times a power of ten: the smallest such step that covers `max` in four steps. */
export function niceStep(max: number): number {
  const rough = max / 4;
  const power = 10 ** Math.floor(Math.log10(rough));
  for (const factor of [1, 2, 5, 10]) if (factor * power >= rough) return factor * power;
  return 10 * power;
}

/**
 * The axis for `values`; `minStep` keeps steps whole (1 for counts, 100 minor units for money).
 * With nothing above zero the axis still has one step, so an empty chart draws its frame.
 */
export function niceAxis(
  values: readonly number[],
  format: (value: number) => string,
  minStep = 1,
): Axis {
  const highest = Math.max(0, ...values);
  const step = highest > 0 ? Math.max(minStep, niceStep(highest)) : minStep;
  const max = step * Math.max(1, Math.ceil(highest / step));
  const ticks = [];
  for (let value = 0; value <= max; value += step) ticks.push({ value, text: format(value) });
  return { max, ticks };
}
