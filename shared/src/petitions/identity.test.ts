import { describe, expect, it } from 'vitest';
import {
  idChecksum,
  identityMatchKey,
  normalizeIdNumber,
  normalizePetitionerName,
  normalizePhone,
  requireIdNumber,
} from './identity.js';
import { codeOf } from './test-support.js';

const hash = (s: string) => `H(${s})`;

describe('normalizeIdNumber', () => {
  it('accepts an 18-character number with a valid GB 11643 check character', () => {
    expect(normalizeIdNumber('110101199003071233')).toBe('110101199003071233');
    expect(idChecksum('11010519491231002')).toBe('X');
  });

  it('folds full-width digits, a full-width or lower-case x and spaces', () => {
    expect(normalizeIdNumber('１１０１０５１９４９１２３１００２ｘ')).toBe('11010519491231002X');
    expect(normalizeIdNumber(' 110105 19491231 002x ')).toBe('11010519491231002X');
    expect(normalizeIdNumber('110105\u300019491231002X')).toBe('11010519491231002X');
  });

  it('rejects a wrong check character, a wrong length and letters', () => {
    expect(normalizeIdNumber('110101199003071234')).toBeNull();
    expect(normalizeIdNumber('11010119900307123')).toBeNull();
    expect(normalizeIdNumber('1101011990030712333')).toBeNull();
    expect(normalizeIdNumber('11010119900307X233')).toBeNull();
    expect(normalizeIdNumber('')).toBeNull();
    expect(normalizeIdNumber(undefined)).toBeNull();
    expect(normalizeIdNumber(null)).toBeNull();
  });

  it('upgrades a 15-digit first-generation number to its 18-character form', () => {
    expect(normalizeIdNumber('110105491231002')).toBe('11010519491231002X');
    expect(normalizeIdNumber('11010549123100X')).toBeNull();
  });

  it('requireIdNumber fails with petition.invalidIdNumber', () => {
    expect(requireIdNumber('11010519491231002x')).toBe('11010519491231002X');
    expect(codeOf(() => requireIdNumber('123'))).toBe('petition.invalidIdNumber');
  });
});

describe('normalizePetitionerName and normalizePhone', () => {
  it('removes every space in a name and folds full-width letters', () => {
    expect(normalizePetitionerName(' 张 三 ')).toBe('张三');
    expect(normalizePetitionerName('张\u3000三')).toBe('张三');
    expect(normalizePetitionerName('ＡＢＣ')).toBe('ABC');
    expect(normalizePetitionerName(undefined)).toBe('');
  });

  it('keeps digits only and strips the +86 or 0086 country prefix', () => {
    expect(normalizePhone('138 1234 1234')).toBe('13812341234');
    expect(normalizePhone('+86 138-1234-1234')).toBe('13812341234');
    expect(normalizePhone('(+86)13812341234')).toBe('13812341234');
    expect(normalizePhone('0086 13812341234')).toBe('13812341234');
    expect(normalizePhone('１３８１２３４１２３４')).toBe('13812341234');
    expect(normalizePhone('010-12345678')).toBe('01012345678');
    expect(normalizePhone('8613812341234')).toBe('8613812341234');
    expect(normalizePhone(undefined)).toBe('');
  });
});

describe('identityMatchKey', () => {
  it('matches the same ID number typed in full-width digits with a lower-case x', () => {
    const a = identityMatchKey({ name: '张三', idNumber: '11010519491231002X' }, hash);
    const b = identityMatchKey(
      { name: '張三', phone: '139 0000 0000', idNumber: '１１０１０５１９４９１２３１００２ｘ' },
      hash,
    );
    expect(a).toBe('H(id:11010519491231002X)');
    expect(b).toBe(a);
  });

  it('matches an old 15-digit number to the same person’s 18-character one', () => {
    expect(identityMatchKey({ name: '张三', idNumber: '110105491231002' }, hash)).toBe(
      identityMatchKey({ name: '李四', idNumber: '11010519491231002X' }, hash),
    );
  });

  it('falls back to the normalized name and phone without a valid ID number', () => {
    const a = identityMatchKey({ name: '张 三', phone: '+86 138-1234-1234' }, hash);
    const b = identityMatchKey(
      { name: '张三', phone: '0086 13812341234', idNumber: '110101199003071234' },
      hash,
    );
    expect(a).toBe('H(np:张三|13812341234)');
    expect(b).toBe(a);
    expect(identityMatchKey({ name: '张三', phone: '13812341235' }, hash)).not.toBe(a);
    expect(identityMatchKey({ name: '张三' }, hash)).toBe('H(np:张三|)');
  });
});
