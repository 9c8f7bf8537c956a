import { describe, it, expect } from 'vitest';
import { fold, isoDate, viDate } from './api';

describe('dates as Vietnamese write them', () => {
  it('reads day first and refuses impossible days', () => {
    expect(isoDate('10/01/2024')).toBe('2024-01-10');
    expect(isoDate('5/3/2024')).toBe('2024-03-05');
    expect(isoDate('31/02/2024')).toBeNull();
    expect(isoDate('2024-01-10')).toBeNull();
    expect(viDate('2024-01-10')).toBe('10/01/2024');
  });
});

describe('folding for filters', () => {
  it('drops tones, case and the bar of đ, also for decomposed text', () => {
    expect(fold('Đàm Văn Đạt')).toBe('dam van dat');
    expect(fold('Trie\u0323\u0302u  Thi\u0323 Ye\u0302\u0301n')).toBe('trieu thi yen');
  });
});
