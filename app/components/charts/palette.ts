// Series styles that stay apart for colour-blind readers (the Okabe–Ito palette) and in black and
// white print (each series also has its own dash pattern and marker shape). Client-safe.

export type Marker = 'circle' | 'square' | 'triangle' | 'diamond';

export const SERIES_STYLES: readonly { colour: string; dash?: string; marker: Marker }[] = [
  { colour: '#0072B2', marker: 'circle' },
  { colour: '#D55E00', dash: '6 4', marker: 'square' },
  { colour: '#009E73', dash: '2 3', marker: 'triangle' },
  { colour: '#CC79A7', dash: '10 3 2 3', marker: 'diamond' },
];

export function seriesStyle(index: number) {
  return SERIES_STYLES[index % SERIES_STYLES.length]!;
}
