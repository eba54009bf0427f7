import { describe, expect, it } from 'vitest';
import { pageFromUrl } from '~/components/pagination';

const pageOf = (query: string) => pageFromUrl(new URL(`http://portal.test/list?${query}`));

describe('pageFromUrl', () => {
  it('reads a whole page number from 1 up', () => {
    expect(pageOf('page=3')).toBe(3);
    expect(pageOf('')).toBe(1);
    expect(pageOf('page=9007199254740991')).toBe(9007199254740991);
  });

  it('reads anything else as the first page, never a number SQLite refuses as an offset', () => {
    for (const hostile of [
      '99999999999999999999',
      '9007199254740993',
      '1e309',
      '1e20',
      'NaN',
      '-1',
      '0',
      '1.5',
      '',
      'x',
    ]) {
      expect(pageOf(`page=${hostile}`), hostile).toBe(1);
    }
  });
});
