import { describe, expect, it } from 'vitest';
import { maskIdNumber, maskName, maskPetitioner, maskPhone } from './mask.js';

describe('masking', () => {
  it('keeps the first character of a name (张三 → 张*)', () => {
    expect(maskName('张三')).toBe('张*');
    expect(maskName('欧阳娜娜')).toBe('欧***');
    expect(maskName(' 王 小 明 ')).toBe('王**');
    expect(maskName('𠮷田')).toBe('𠮷*');
    expect(maskName('张')).toBe('*');
    expect(maskName('')).toBe('');
  });

  it('keeps the first 3 and last 4 digits of a phone (138****1234)', () => {
    expect(maskPhone('13812341234')).toBe('138****1234');
    expect(maskPhone('+86 138 1234 1234')).toBe('138****1234');
    expect(maskPhone('010-12345678')).toBe('010****5678');
    expect(maskPhone('12345')).toBe('***45');
    expect(maskPhone('12')).toBe('**');
  });

  it('keeps the first 4 and last 4 characters of an ID number', () => {
    expect(maskIdNumber('110101199003071234')).toBe('1101**********1234');
    expect(maskIdNumber('１１０１０５１９４９１２３１００２ｘ')).toBe('1101**********002X');
    expect(maskIdNumber('110105491231002')).toBe('1101**********002X');
    expect(maskIdNumber('12345678')).toBe('********');
  });

  it('masks every field of a petitioner and leaves absent fields absent', () => {
    expect(maskPetitioner({ name: '张三', phone: '13812341234', idNumber: '110101199003071234' })).toEqual({
      name: '张*',
      phone: '138****1234',
      idNumber: '1101**********1234',
    });
    expect(maskPetitioner({ name: '张三' })).toEqual({ name: '张*' });
  });
});
