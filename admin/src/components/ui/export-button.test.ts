import { describe, expect, it } from 'vitest';
import { fileNameOf } from './export-button.js';

describe('the file name of a download', () => {
  it('takes the UTF-8 name of filename* over the ASCII fallback', () => {
    const cd = `attachment; filename="______-2025-05-15.xlsx"; filename*=UTF-8''${encodeURIComponent('督查发现问题-2025-05-15.xlsx')}`;
    expect(fileNameOf(cd, 'x.xlsx')).toBe('督查发现问题-2025-05-15.xlsx');
  });

  it('falls back to filename, then to the given name', () => {
    expect(fileNameOf('attachment; filename="a.xlsx"', 'x.xlsx')).toBe('a.xlsx');
    expect(fileNameOf(null, 'x.xlsx')).toBe('x.xlsx');
    expect(fileNameOf("attachment; filename*=UTF-8''%E0%A4%A", 'x.xlsx')).toBe('x.xlsx');
  });
});
