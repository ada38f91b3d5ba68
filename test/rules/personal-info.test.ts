import { describe, expect, it } from 'vitest';
import { mask, rule, validId } from '../../src/rules/personal-info.js';
import { buildReport, fixtureCase, fixtureWith, ruleTester } from '../helpers/rule-tester.js';

// GB 11643 check digits: 11010519491231002X is the standard's own example
const ID = '11010519491231002X';

describe('personal-info', async () => {
  it('checks the GB 11643 check digit', () => {
    expect(validId(ID)).toBe(true);
    expect(validId('110105194912310021')).toBe(false);
    expect(mask(ID)).toBe('1101**********002X');
    expect(mask('13812345678')).toBe('138****5678');
  });
  ruleTester(rule, {
    valid: [
      await fixtureCase('township-dayong-2020', '大用镇: 联系电话0451-55212006 (a landline)'),
      await fixtureCase('pingtan-2022-text'),
      await fixtureCase('shuyang-2025-text'),
      { name: 'an 18-digit number that fails the check digit (a file number)', report: buildReport({ texts: { 6: ['文号 110105194912310021 已归档。'] } }) },
      { name: 'a mobile number given as the contact', report: buildReport({ texts: { 6: ['如有疑问请联系，联系电话：13812345678。'] } }) },
    ],
    invalid: [
      {
        ...(await fixtureWith('township-liuhe-2022', 'an applicant\'s ID number in the text', (t) => t.replace('未接到依申请公开办件。', `未接到依申请公开办件。申请人张某（身份证号${ID}）咨询一次。`))),
        errors: [{ messageId: 'idNumber', data: { masked: '1101**********002X' }, severity: 'error' }],
      },
      {
        name: 'a private mobile number in a case description',
        report: buildReport({ texts: { 3: ['申请人李某（13912345678）申请公开征收补偿信息。'] } }),
        errors: [{ messageId: 'mobile', data: { masked: '139****5678' }, severity: 'warning' }],
      },
    ],
  });
});
